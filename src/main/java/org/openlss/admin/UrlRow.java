package org.openlss.admin;

import java.io.Serializable;
import org.openlss.pubpoint.SyndicationUrl;

/** One line of a dialog's publishing point URL list: the URL and the stored credential used for it (empty: none). */
public class UrlRow implements Serializable {
    private static final long serialVersionUID = 1L;
    private String url = "";
    private String credential = "";

    static UrlRow of(SyndicationUrl url) {
        UrlRow row = new UrlRow();
        row.url = url.url();
        row.credential = url.credentialName() == null ? "" : url.credentialName();
        return row;
    }

    SyndicationUrl toUrl() {
        return new SyndicationUrl(url, credential);
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url == null ? "" : url;
    }

    public String getCredential() {
        return credential;
    }

    public void setCredential(String credential) {
        this.credential = credential == null ? "" : credential;
    }
}
