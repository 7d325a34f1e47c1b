package org.openlss.pubpoint;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A row of the pull_url / push_url tables. */
@Embeddable
public class SyndicationUrlColumns {
    @Column(name = "url", nullable = false, length = 2048)
    private String url;
    @Column(name = "credential_name", length = 128)
    private String credentialName;

    protected SyndicationUrlColumns() {
    }

    SyndicationUrlColumns(SyndicationUrl value) {
        this.url = value.url();
        this.credentialName = value.credentialName();
    }

    SyndicationUrl toValue() {
        return new SyndicationUrl(url, credentialName);
    }
}
