package org.openlss.pubpoint;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A pull (upstream) or push (downstream) publishing point URL with the name of the stored credential used to
 * authenticate to it. Secrets never appear in the URL itself.
 */
public record SyndicationUrl(String url, String credentialName) {
    public SyndicationUrl {
        Check.text("PublishingPoint", url, 2048);
        if (url == null || url.isBlank()) {
            throw new InvalidSettingException("PublishingPoint", "the URL is empty");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new InvalidSettingException("PublishingPoint", "'" + url + "' is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new InvalidSettingException("PublishingPoint", "'" + url + "' is not an http(s) URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidSettingException("PublishingPoint",
                    "'" + url + "' carries credentials; store them as a credential and name it instead");
        }
        if (uri.getPath() == null || !uri.getPath().toLowerCase(Locale.ROOT).endsWith(".isml")) {
            throw new InvalidSettingException("PublishingPoint", "'" + url + "' does not name a .isml publishing point");
        }
        url = uri.toString();
        credentialName = Check.credentialName("PublishingPoint@credentialName",
                credentialName == null || credentialName.isBlank() ? null : credentialName.trim());
    }

    public URI uri() {
        return URI.create(url);
    }
}
