package org.openlss.pubpoint;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A pull (upstream) or push (downstream) publishing point URL with the name of the stored credential used to
 * authenticate to it. Secrets never appear in the URL itself.
 */
public record SyndicationUrl(String url, String credentialName) {
    /** The field a URL's refusal names when the URL is not known as an entry of a list. */
    private static final String FIELD = "PublishingPoint";

    public SyndicationUrl {
        Check.text(FIELD, url, 2048);
        if (url == null || url.isBlank()) {
            throw new InvalidSettingException(FIELD, "the URL is empty");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new InvalidSettingException(FIELD, "'" + url + "' is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new InvalidSettingException(FIELD, "'" + url + "' is not an http(s) URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidSettingException(FIELD,
                    "'" + url + "' carries credentials; store them as a credential and name it instead");
        }
        if (uri.getPath() == null || !uri.getPath().toLowerCase(Locale.ROOT).endsWith(".isml")) {
            throw new InvalidSettingException(FIELD, "'" + url + "' does not name a .isml publishing point");
        }
        url = uri.toString();
        credentialName = Check.credentialName(FIELD + "@credentialName",
                credentialName == null || credentialName.isBlank() ? null : credentialName.trim());
    }

    /**
     * The {@code number}th (from 1) URL of the settings list {@code list} ({@code PullFrom} or {@code PushTo}); a
     * refusal names that entry, e.g. {@code PushTo[2]} or {@code PushTo[2]@credentialName}.
     */
    public static SyndicationUrl listed(String list, int number, String url, String credentialName) {
        try {
            return new SyndicationUrl(url, credentialName);
        } catch (InvalidSettingException e) {
            throw new InvalidSettingException(e.code(), field(list, number) + e.field().substring(FIELD.length()),
                    e.problem());
        }
    }

    /** The settings field of the {@code number}th (from 1) URL of {@code list}, e.g. {@code PushTo[2]}. */
    public static String field(String list, int number) {
        return list + "[" + number + "]";
    }

    public URI uri() {
        return URI.create(url);
    }
}
