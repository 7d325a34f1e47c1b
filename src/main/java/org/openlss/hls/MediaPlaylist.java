package org.openlss.hls;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes the media playlist of one variant (hls-from-smooth.md §5.2, RFC 8216 §4.3): header, then per segment its
 * discontinuity, program date and duration, and its {@code Fragments(<stream>=<start>,format=m3u8-aapl)} URI,
 * relative to the playlist's own {@code QualityLevels(..)/Manifest(..)} URL.
 */
final class MediaPlaylist {
    /** Relative to {@code QualityLevels(..)/}: the key is served by the publishing point itself. */
    static final String KEY_URI = "../KeyFile(format=m3u8-aapl)";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** What a client may expect of the playlist ({@code EXT-X-PLAYLIST-TYPE}). */
    enum Type {
        /** a sliding window: no type */
        LIVE,
        /** segments are only ever appended (whole-event DVR) */
        EVENT,
        /** complete and unchanging (an archive) */
        VOD
    }

    private final String streamName;
    private final long timescale;
    private final HlsOptions options;
    private final Type type;

    /** @param streamName the video stream's name, as in Smooth URLs */
    MediaPlaylist(String streamName, long timescale, HlsOptions options, Type type) {
        this.streamName = streamName;
        this.timescale = timescale;
        this.options = options;
        this.type = type;
    }

    /**
     * @param segments              the listed segments, oldest first
     * @param discontinuitySequence discontinuity tags before the first listed segment
     * @param ended                 no segment will follow: {@code EXT-X-ENDLIST}
     */
    byte[] write(List<Segment> segments, int targetDuration, long discontinuitySequence, boolean ended) {
        boolean compatible = options.backwardCompatible();
        StringBuilder m = new StringBuilder(256 + 120 * segments.size()).append("#EXTM3U\n");
        if (!compatible) {
            m.append("#EXT-X-VERSION:3\n");
        }
        m.append("#EXT-X-TARGETDURATION:").append(targetDuration).append('\n');
        m.append("#EXT-X-MEDIA-SEQUENCE:").append(segments.isEmpty() ? 0 : segments.get(0).sequence()).append('\n');
        if (discontinuitySequence > 0) {
            m.append("#EXT-X-DISCONTINUITY-SEQUENCE:").append(discontinuitySequence).append('\n');
        }
        if (type != Type.LIVE && !compatible) {
            m.append("#EXT-X-PLAYLIST-TYPE:").append(type).append('\n');
        }
        m.append("#EXT-X-ALLOW-CACHE:").append(options.allowCaching() ? "YES" : "NO").append('\n');
        if (options.encrypted()) {
            m.append("#EXT-X-KEY:METHOD=AES-128,URI=\"").append(KEY_URI).append("\"\n");
        }
        for (Segment s : segments) {
            if (s.discontinuity()) {
                m.append("#EXT-X-DISCONTINUITY\n");
            }
            if (s.programDateMillis() >= 0) {
                m.append("#EXT-X-PROGRAM-DATE-TIME:").append(DATE.format(Instant.ofEpochMilli(s.programDateMillis())))
                        .append('\n');
            }
            m.append("#EXTINF:");
            long millis = (s.duration() * 1000 + timescale / 2) / timescale;
            if (compatible) {
                m.append((millis + 500) / 1000);
            } else {
                m.append(millis / 1000).append('.').append(String.format("%03d", millis % 1000));
            }
            m.append(",\n").append(segmentUri(streamName, s.start(), compatible)).append('\n');
        }
        if (ended) {
            m.append("#EXT-X-ENDLIST\n");
        }
        return m.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The URI of the segment that starts at {@code start}, relative to a media playlist. */
    static String segmentUri(String streamName, long start, boolean compatible) {
        return "Fragments(" + streamName + "=" + start + ",format=m3u8-aapl)" + (compatible ? ".ts" : "");
    }
}
