package org.openlss.player;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The client request grammar after {@code <name>.isml/} (smooth-client.md §1, hls-from-smooth.md §2): the manifest,
 * a quality level's fragment in its four forms, and the HLS variants of both. Keywords are matched in any case; a
 * trailing {@code .m3u8} or {@code .ts} (CDN / iOS habit) is tolerated. Parsed by hand: it runs on every request.
 */
public sealed interface SmoothUrl {
    /** {@code format=m3u8-aapl}: the Apple HLS form of the resource. */
    String HLS = "m3u8-aapl";

    /** {@code Manifest} or {@code Manifest(format=m3u8-aapl)}. */
    record Manifest(String format) implements SmoothUrl {
    }

    /** {@code QualityLevels(b[,k=v])/Manifest(name[,format=…])}: an HLS media playlist. */
    record LevelManifest(long bitrate, Map<String, String> attributes, String streamName, String format)
            implements SmoothUrl {
    }

    /** {@code QualityLevels(b[,k=v])/<noun>(name=time[,format=…])}. */
    record Fragment(long bitrate, Map<String, String> attributes, Noun noun, String streamName, long time,
                    String format) implements SmoothUrl {
    }

    /** {@code KeyFile(format=m3u8-aapl)}: the HLS AES-128 key. */
    record KeyFile() implements SmoothUrl {
    }

    /** What a fragment request asks for. */
    enum Noun { Fragments, FragmentInfo, RawFragments, KeyFrames }

    /** A resource that is not part of the grammar (404), as opposed to a malformed one. */
    final class NotSmooth extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotSmooth(String message) {
            super(message);
        }
    }

    /** A resource of the grammar with a malformed value (400). */
    final class Malformed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message);
        }
    }

    default boolean hls() {
        String format = this instanceof Manifest m ? m.format() : this instanceof LevelManifest l ? l.format()
                : this instanceof Fragment f ? f.format() : HLS;
        return HLS.equalsIgnoreCase(format);
    }

    /** Parses the resource part of a URL; throws {@link NotSmooth} or {@link Malformed}. */
    static SmoothUrl parse(String resource) {
        String r = stripSuffix(resource);
        String lower = r.toLowerCase(Locale.ROOT);
        if (lower.equals("manifest")) {
            return new Manifest(null);
        }
        if (lower.startsWith("manifest(") && lower.endsWith(")")) {
            return new Manifest(format(r.substring("manifest(".length(), r.length() - 1), "Manifest"));
        }
        if (lower.startsWith("keyfile(") && lower.endsWith(")")) {
            return new KeyFile();
        }
        if (!lower.startsWith("qualitylevels(")) {
            throw new NotSmooth("'" + resource + "' is not a Smooth Streaming resource");
        }
        int close = r.indexOf(')');
        int slash = close + 1;
        if (close < 0 || slash >= r.length() || r.charAt(slash) != '/') {
            throw new Malformed("'" + resource + "': QualityLevels(...) must be followed by /Fragments(...)");
        }
        String[] level = r.substring("qualitylevels(".length(), close).split(",", -1);
        long bitrate = number(level[0], "bitrate", 0xFFFF_FFFFL);
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 1; i < level.length; i++) {
            int eq = level[i].indexOf('=');
            if (eq <= 0) {
                throw new Malformed("custom attribute '" + level[i] + "' is not key=value");
            }
            attributes.put(level[i].substring(0, eq), level[i].substring(eq + 1));
        }
        String rest = r.substring(slash + 1);
        int open = rest.indexOf('(');
        if (open < 0 || !rest.endsWith(")")) {
            throw new Malformed("'" + resource + "': expected <noun>(<stream>=<time>)");
        }
        String noun = rest.substring(0, open);
        String args = rest.substring(open + 1, rest.length() - 1);
        String[] parts = args.split(",", -1);
        if (noun.equalsIgnoreCase("Manifest")) {
            String format = parts.length > 1 ? format(parts[1], "Manifest") : null;
            return new LevelManifest(bitrate, attributes, parts[0], format);
        }
        Noun parsedNoun = noun(noun, resource);
        int eq = parts[0].indexOf('=');
        if (eq <= 0) {
            throw new Malformed("'" + resource + "': expected " + noun + "(<stream name>=<start time>)");
        }
        String format = parts.length > 1 ? format(parts[1], noun) : null;
        if (parts.length > 2) {
            throw new Malformed("'" + resource + "': unexpected '" + parts[2] + "'");
        }
        return new Fragment(bitrate, attributes, parsedNoun, parts[0].substring(0, eq),
                number(parts[0].substring(eq + 1), "time", Long.MAX_VALUE), format);
    }

    private static Noun noun(String noun, String resource) {
        for (Noun n : Noun.values()) {
            if (n.name().equalsIgnoreCase(noun)) {
                return n;
            }
        }
        throw new NotSmooth("'" + resource + "': unknown request '" + noun + "'");
    }

    private static String format(String part, String where) {
        String p = part.trim();
        if (!p.regionMatches(true, 0, "format=", 0, "format=".length())) {
            throw new Malformed(where + ": expected format=..., not '" + part + "'");
        }
        String format = p.substring("format=".length());
        if (!format.equalsIgnoreCase(HLS)) {
            throw new NotSmooth("format '" + format + "' is not served; the only one is " + HLS);
        }
        return HLS;
    }

    private static long number(String text, String what, long max) {
        if (text.isEmpty() || text.length() > 19) {
            throw new Malformed(what + " '" + text + "' is not a number");
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new Malformed(what + " '" + text + "' is not a number");
            }
            value = value * 10 + (c - '0');
            if (value < 0 || value > max) {
                throw new Malformed(what + " '" + text + "' is out of range");
            }
        }
        return value;
    }

    private static String stripSuffix(String resource) {
        String lower = resource.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".m3u8")) {
            return resource.substring(0, resource.length() - 5);
        }
        if (lower.endsWith(".ts")) {
            return resource.substring(0, resource.length() - 3);
        }
        return resource.endsWith("/") ? resource.substring(0, resource.length() - 1) : resource;
    }
}
