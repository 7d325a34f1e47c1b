package org.openlss.pubpoint;

import java.util.Locale;
import java.util.Set;

/**
 * Site-relative path of a publishing point, e.g. {@code live/channel1.isml}: folders allowed, the last segment ends in
 * {@code .isml}. It becomes part of URLs and of file names under the data directory, so only URL- and file-safe
 * characters are accepted; anything that could climb out of a folder or be read differently by two parsers is refused.
 */
public record PublishingPointPath(String value) implements Comparable<PublishingPointPath> {
    public static final int MAX_LENGTH = 255;
    /** What a folder or file name may hold, told to whoever named one that does not. */
    private static final String ALLOWED = "a folder or file name may only hold letters A-Z and a-z, digits 0-9, '.', "
            + "'_', '~' and '-', and may not start with '.' or '-'";
    /** First segments taken by the server's own resources. */
    private static final Set<String> RESERVED = Set.of("services", "admin", "archive", "health", "openapi", "metrics",
            "jakarta.faces.resource", "web-inf", "meta-inf");

    public PublishingPointPath {
        String problem = problemWith(value);
        if (problem != null) {
            throw new InvalidSettingException("path", problem);
        }
    }

    /** Parses a Slug or URL path such as {@code /live/channel1.isml}; one leading slash is the site root. */
    public static PublishingPointPath of(String pathOrSlug) {
        if (pathOrSlug == null || pathOrSlug.isEmpty()) {
            throw new InvalidSettingException("path", "is empty");
        }
        return new PublishingPointPath(pathOrSlug.charAt(0) == '/' ? pathOrSlug.substring(1) : pathOrSlug);
    }

    private static String problemWith(String value) {
        if (value == null || value.isEmpty()) {
            return "is empty";
        }
        if (value.length() > MAX_LENGTH) {
            return "is longer than " + MAX_LENGTH + " characters";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return "contains a control character at position " + (i + 1);
            }
            if (c == '\\') {
                return "contains '\\'; use '/' between folders";
            }
        }
        if (value.startsWith("/")) {
            return "is an absolute path; give it relative to the site root, e.g. /live/channel1.isml";
        }
        if (value.length() > 1 && value.charAt(1) == ':') {
            return "looks like a drive letter path; give the site-relative path, e.g. /live/channel1.isml";
        }
        String[] segments = value.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.isEmpty()) {
                return "has an empty folder name ('//' or a trailing '/')";
            }
            if (segment.equals("..") || segment.equals(".")) {
                return "contains '" + segment + "'; folders must be named";
            }
            String character = firstNotAllowed(segment);
            if (character != null) {
                return "'" + segment + "' has " + character + "; " + ALLOWED;
            }
            boolean last = i == segments.length - 1;
            boolean isml = segment.toLowerCase(Locale.ROOT).endsWith(".isml");
            if (last && (!isml || segment.length() == ".isml".length())) {
                return "must name a file ending in .isml, e.g. /live/channel1.isml";
            }
            if (!last && isml) {
                return "folder '" + segment + "' ends in .isml; only the publishing point file may";
            }
        }
        if (segments.length > 1 && RESERVED.contains(segments[0].toLowerCase(Locale.ROOT))) {
            return "folder '" + segments[0] + "' is reserved for the server's own resources";
        }
        return null;
    }

    /** The first character of {@code segment} that a name may not hold there, described, or null. */
    private static String firstNotAllowed(String segment) {
        for (int i = 0; i < segment.length(); ) {
            int c = segment.codePointAt(i);
            boolean allowed = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_'
                    || c == '~' || i > 0 && (c == '.' || c == '-');
            if (!allowed) {
                return i == 0 && (c == '.' || c == '-') ? "'" + (char) c + "' first"
                        : "'" + Character.toString(c) + "' (U+" + String.format("%04X", c) + ")";
            }
            i += Character.charCount(c);
        }
        return null;
    }

    /** The file name without folders and without {@code .isml}, e.g. {@code channel1}. */
    public String presentationName() {
        String file = value.substring(value.lastIndexOf('/') + 1);
        return file.substring(0, file.length() - ".isml".length());
    }

    /** The URL path, with the leading slash. */
    public String urlPath() {
        return "/" + value;
    }

    /**
     * Points are named without regard to letter case, as IIS's URLs are: {@code /LIVE/A.ISML} is {@code /live/a.isml}.
     * Names are ASCII (see {@link #ALLOWED}), so folding A-Z is the whole rule; the spelling a point was created with
     * stays its own.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof PublishingPointPath that && value.equalsIgnoreCase(that.value);
    }

    /** Folds A-Z without a lower-cased copy: every player request looks its point up by this. */
    @Override
    public int hashCode() {
        int hash = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            hash = 31 * hash + (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
        }
        return hash;
    }

    /** The name as the database compares it (a unique key): lower case. */
    public String key() {
        return value.toLowerCase(Locale.ROOT);
    }

    @Override
    public int compareTo(PublishingPointPath other) {
        return String.CASE_INSENSITIVE_ORDER.compare(value, other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
