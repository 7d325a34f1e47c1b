package org.openlss.player;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The client request grammar after {@code <name>.isml/} (smooth-client.md §1, hls-from-smooth.md §2): the manifest,
 * a quality level's fragment in its four forms, and the other formats of both as Azure Media Services named them
 * ({@code format=m3u8-aapl} TS HLS, {@code format=mpd-time-cmaf} MPEG-DASH, {@code format=m3u8-cmaf} fMP4 HLS; the
 * last two also address a level's CMAF header as {@code Fragments(<stream>=i,format=…)}). Keywords are matched in any
 * case; a trailing {@code .m3u8} or {@code .ts} (CDN / iOS habit) is tolerated. Parsed by hand: it runs on every
 * request.
 */
public sealed interface SmoothUrl {
    /** {@code format=m3u8-aapl}: the Apple HLS form of the resource. */
    String HLS = "m3u8-aapl";
    /** {@code format=mpd-time-cmaf}: MPEG-DASH with a {@code $Time$} timeline and CMAF segments. */
    String DASH_CMAF = "mpd-time-cmaf";
    /** {@code format=m3u8-cmaf}: HLS with CMAF (fragmented MP4) segments. */
    String HLS_CMAF = "m3u8-cmaf";

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

    /** {@code QualityLevels(b[,k=v])/Fragments(name=i,format=…)}: the CMAF header of a quality level. */
    record Init(long bitrate, Map<String, String> attributes, String streamName, String format) implements SmoothUrl {
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

    /** The {@code format=} the resource names ({@link #HLS}, {@link #DASH_CMAF}, {@link #HLS_CMAF}); null for Smooth. */
    default String format() {
        return this instanceof Manifest m ? m.format() : this instanceof LevelManifest l ? l.format()
                : this instanceof Fragment f ? f.format() : this instanceof Init i ? i.format() : HLS;
    }

    default boolean hls() {
        return HLS.equals(format());
    }

    /** Whether the resource is one of the CMAF outputs (MPEG-DASH or fMP4 HLS). */
    default boolean cmaf() {
        return DASH_CMAF.equals(format()) || HLS_CMAF.equals(format());
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
        if (parts[0].substring(eq + 1).equalsIgnoreCase("i")) {
            if (parsedNoun != Noun.Fragments || !DASH_CMAF.equals(format) && !HLS_CMAF.equals(format)) {
                throw new Malformed("'" + resource + "': the header (time 'i') exists only as Fragments(…,format="
                        + DASH_CMAF + ") or (…,format=" + HLS_CMAF + ")");
            }
            return new Init(bitrate, attributes, parts[0].substring(0, eq), format);
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
        for (String served : new String[] {HLS, DASH_CMAF, HLS_CMAF}) {
            if (format.equalsIgnoreCase(served)) {
                return served;
            }
        }
        throw new NotSmooth("format '" + format + "' is not served; the formats are " + HLS + ", " + DASH_CMAF
                + " and " + HLS_CMAF);
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
