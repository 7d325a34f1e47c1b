package org.openlss.hls;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the master playlist (hls-from-smooth.md §5.1): one {@code EXT-X-STREAM-INF} per variant, lowest bitrate
 * first (clients start with the first one listed), each pointing at its media playlist
 * {@code QualityLevels(<bitrate>)/Manifest(<stream>,format=m3u8-aapl)}; and one {@code EXT-X-MEDIA} subtitles
 * rendition per caption track, in the group every variant names, its playlist at the same kind of URL.
 */
final class MasterPlaylist {
    /** TS, PES and ADTS headers and stuffing on the elementary streams' bitrates, until a peak is measured. */
    static final double TS_OVERHEAD = 1.1;
    /** The one group of subtitles renditions. */
    static final String SUBTITLES_GROUP = "subs";

    /**
     * One variant as the master playlist announces it.
     *
     * @param bitrate          the video quality level's bitrate, as in its URL
     * @param customAttributes the quality level's custom attributes, as in its URL
     * @param bandwidth        peak bits/s of the whole variant: video, the muxed audio, TS overhead (RFC 8216 §4.3.4.2)
     * @param codecs           RFC 6381 codecs of video and audio, or null to leave CODECS out
     */
    record Entry(long bitrate, Map<String, String> customAttributes, long bandwidth, int width, int height,
                 String codecs) {
    }

    /**
     * One subtitles rendition ({@code EXT-X-MEDIA:TYPE=SUBTITLES}).
     *
     * @param name      its NAME, unique in the group: the caption stream's name
     * @param language  BCP 47, or null when unknown
     * @param isDefault DEFAULT=YES: the player shows it unless the viewer chooses otherwise
     * @param uri       its media playlist, relative to the master playlist
     */
    record Subtitles(String name, String language, boolean isDefault, String uri) {
    }

    private MasterPlaylist() {
    }

    /** Announces {@code variants} (any order) of the video stream {@code streamName}, without subtitles. */
    static byte[] write(String streamName, List<Entry> variants, boolean compatible) {
        return write(streamName, variants, compatible, List.of());
    }

    /** Announces {@code variants} (any order) of the video stream {@code streamName} and {@code subtitles}. */
    static byte[] write(String streamName, List<Entry> variants, boolean compatible, List<Subtitles> subtitles) {
        StringBuilder m = new StringBuilder("#EXTM3U\n");
        for (Subtitles s : subtitles) {
            m.append("#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"").append(SUBTITLES_GROUP).append("\",NAME=\"")
                    .append(quoted(s.name())).append('"');
            if (s.language() != null && !s.language().isEmpty()) {
                m.append(",LANGUAGE=\"").append(quoted(s.language())).append('"');
            }
            m.append(",DEFAULT=").append(s.isDefault() ? "YES" : "NO").append(",AUTOSELECT=YES,URI=\"")
                    .append(s.uri()).append("\"\n");
        }
        variants.stream().sorted((a, b) -> Long.compare(a.bitrate(), b.bitrate())).forEach(v -> {
            m.append("#EXT-X-STREAM-INF:PROGRAM-ID=1,BANDWIDTH=").append(v.bandwidth());
            if (v.width() > 0 && v.height() > 0) {
                m.append(",RESOLUTION=").append(v.width()).append('x').append(v.height());
            }
            if (v.codecs() != null) {
                m.append(",CODECS=\"").append(v.codecs()).append('"');
            }
            if (!subtitles.isEmpty()) {
                m.append(",SUBTITLES=\"").append(SUBTITLES_GROUP).append('"');
            }
            m.append('\n').append(levelManifest(v.bitrate(), v.customAttributes(), streamName, compatible))
                    .append('\n');
        });
        return m.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A quoted-string attribute value (RFC 8216 §4.2) can hold neither a double quote nor a line break. */
    private static String quoted(String text) {
        return text.replace("\"", "'").replace("\n", " ").replace("\r", " ");
    }

    /** The media playlist URI of a quality level: {@code QualityLevels(<bitrate>[,attributes])/Manifest(<stream>,…)}. */
    static String levelManifest(long bitrate, Map<String, String> customAttributes, String streamName,
                                boolean compatible) {
        StringBuilder uri = new StringBuilder("QualityLevels(").append(bitrate);
        new TreeMap<>(customAttributes).forEach((key, value) -> uri.append(',').append(key).append('=').append(value));
        return uri.append(")/Manifest(").append(streamName).append(",format=m3u8-aapl)")
                .append(compatible ? ".m3u8" : "").toString();
    }
}
