package org.openlss.hls;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the master playlist (hls-from-smooth.md §5.1): one {@code EXT-X-STREAM-INF} per variant, lowest bitrate
 * first (clients start with the first one listed), each pointing at its media playlist
 * {@code QualityLevels(<bitrate>)/Manifest(<stream>,format=m3u8-aapl)}.
 */
final class MasterPlaylist {
    /** TS, PES and ADTS headers and stuffing on the elementary streams' bitrates, until a peak is measured. */
    static final double TS_OVERHEAD = 1.1;

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

    private MasterPlaylist() {
    }

    /** Announces {@code variants} (any order) of the video stream {@code streamName}. */
    static byte[] write(String streamName, List<Entry> variants, boolean compatible) {
        StringBuilder m = new StringBuilder("#EXTM3U\n");
        variants.stream().sorted((a, b) -> Long.compare(a.bitrate(), b.bitrate())).forEach(v -> {
            m.append("#EXT-X-STREAM-INF:PROGRAM-ID=1,BANDWIDTH=").append(v.bandwidth());
            if (v.width() > 0 && v.height() > 0) {
                m.append(",RESOLUTION=").append(v.width()).append('x').append(v.height());
            }
            if (v.codecs() != null) {
                m.append(",CODECS=\"").append(v.codecs()).append('"');
            }
            m.append('\n').append("QualityLevels(").append(v.bitrate());
            new TreeMap<>(v.customAttributes()).forEach((key, value) -> m.append(',').append(key).append('=')
                    .append(value));
            m.append(")/Manifest(").append(streamName).append(",format=m3u8-aapl)").append(compatible ? ".m3u8" : "")
                    .append('\n');
        });
        return m.toString().getBytes(StandardCharsets.UTF_8);
    }
}
