package org.openlss.cmaf;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.openlss.live.Timeline;
import org.openlss.mp4.TrackType;
import org.openlss.player.SmoothUrl;

/**
 * HLS with CMAF segments (RFC 8216, version 7): a master playlist whose variants are the video levels, each with
 * {@code CODECS} (hls.js refuses fMP4 variants without it) and the audio streams as an {@code EXT-X-MEDIA} group; and
 * a media playlist per stream, the same for each of its levels since its URIs are relative to the level's
 * {@code QualityLevels(..)/}: {@code EXT-X-MAP} at the level's CMAF header and one segment per Smooth fragment. Media
 * sequence and discontinuities come from the stream's timeline, so every variant numbers alike and never restarts
 * within an event.
 */
final class HlsPlaylists {
    private static final String AUDIO_GROUP = "audio";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private HlsPlaylists() {
    }

    /** The master playlist of {@code streams}; null when no stream has a fragment. */
    static byte[] master(List<CmafStream> streams) {
        List<CmafStream> listed = streams.stream().filter(s -> !s.timeline().isEmpty()).toList();
        CmafStream video = listed.stream().filter(s -> s.type() == TrackType.VIDEO).findFirst().orElse(null);
        List<CmafStream> audio = listed.stream().filter(s -> s.type() == TrackType.AUDIO).toList();
        if (video == null && audio.isEmpty()) {
            return null;
        }
        StringBuilder m = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-INDEPENDENT-SEGMENTS\n");
        if (video == null) {
            audio.get(0).levels().forEach(level -> variant(m, audio.get(0), level, level.bitrate(), level.codecs(),
                    null));
            return bytes(m);
        }
        long audioBitrate = 0;
        String audioCodecs = null;
        for (int i = 0; i < audio.size(); i++) {
            CmafStream stream = audio.get(i);
            CmafStream.Level level = stream.levels().get(0);
            audioBitrate = Math.max(audioBitrate, level.bitrate());
            audioCodecs = audioCodecs == null ? level.codecs() : audioCodecs;
            m.append("#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"").append(AUDIO_GROUP).append("\",NAME=\"")
                    .append(quoted(stream.name())).append('"');
            if (stream.language() != null) {
                m.append(",LANGUAGE=\"").append(quoted(stream.language())).append('"');
            }
            m.append(",DEFAULT=").append(i == 0 ? "YES" : "NO").append(",AUTOSELECT=YES,URI=\"")
                    .append(playlistUri(stream, level)).append("\"\n");
        }
        long extra = audioBitrate;
        String codecs = audioCodecs;
        video.levels().stream().sorted((a, b) -> Long.compare(a.bitrate(), b.bitrate()))
                .forEach(level -> variant(m, video, level, level.bitrate() + extra,
                        codecs == null ? level.codecs() : level.codecs() + "," + codecs,
                        codecs == null ? null : AUDIO_GROUP));
        return bytes(m);
    }

    private static void variant(StringBuilder m, CmafStream stream, CmafStream.Level level, long bandwidth,
                                String codecs, String audioGroup) {
        m.append("#EXT-X-STREAM-INF:BANDWIDTH=").append(bandwidth).append(",CODECS=\"").append(codecs).append('"');
        if (stream.type() == TrackType.VIDEO) {
            m.append(",RESOLUTION=").append(level.description().maxWidth()).append('x')
                    .append(level.description().maxHeight());
        }
        if (audioGroup != null) {
            m.append(",AUDIO=\"").append(audioGroup).append('"');
        }
        m.append('\n').append(playlistUri(stream, level)).append('\n');
    }

    private static String playlistUri(CmafStream stream, CmafStream.Level level) {
        return "QualityLevels(" + level.bitrate() + ")/Manifest(" + stream.name() + ",format=" + SmoothUrl.HLS_CMAF
                + ")";
    }

    /**
     * The media playlist of {@code stream}'s levels; null when it has no fragment.
     *
     * @param anchor     maps media time to the wall clock for {@code EXT-X-PROGRAM-DATE-TIME}
     * @param wholeEvent segments are only ever appended: {@code EXT-X-PLAYLIST-TYPE:EVENT} while live
     * @param ended      no segment will follow: {@code EXT-X-ENDLIST}
     * @param archived   an on-demand presentation: {@code EXT-X-PLAYLIST-TYPE:VOD}
     */
    static byte[] media(CmafStream stream, CmafEvent.Anchor anchor, boolean wholeEvent, boolean ended,
                        boolean archived) {
        Timeline t = stream.timeline();
        if (t.isEmpty()) {
            return null;
        }
        long longest = 0;
        for (long d : t.durations()) {
            longest = Math.max(longest, d);
        }
        StringBuilder m = new StringBuilder(256 + 110 * t.size()).append("#EXTM3U\n#EXT-X-VERSION:7\n");
        m.append("#EXT-X-TARGETDURATION:").append((longest + stream.timescale() - 1) / stream.timescale()).append('\n');
        m.append("#EXT-X-MEDIA-SEQUENCE:").append(t.firstSequence()).append('\n');
        if (t.discontinuitiesBefore() > 0) {
            m.append("#EXT-X-DISCONTINUITY-SEQUENCE:").append(t.discontinuitiesBefore()).append('\n');
        }
        if (archived) {
            m.append("#EXT-X-PLAYLIST-TYPE:VOD\n");
        } else if (wholeEvent) {
            m.append("#EXT-X-PLAYLIST-TYPE:EVENT\n");
        }
        m.append("#EXT-X-INDEPENDENT-SEGMENTS\n");
        String name = stream.name();
        m.append("#EXT-X-MAP:URI=\"Fragments(").append(name).append("=i,format=").append(SmoothUrl.HLS_CMAF)
                .append(")\"\n");
        for (int i = 0; i < t.size(); i++) {
            if (t.discontinuity(i)) {
                m.append("#EXT-X-DISCONTINUITY\n");
            }
            if (anchor != null && anchor.wallClock() != null) {
                m.append("#EXT-X-PROGRAM-DATE-TIME:").append(DATE.format(wallClock(anchor, t.times()[i],
                        stream.timescale()))).append('\n');
            }
            long millis = (t.durations()[i] * 1000 + stream.timescale() / 2) / stream.timescale();
            m.append("#EXTINF:").append(millis / 1000).append('.').append(String.format("%03d", millis % 1000))
                    .append(",\nFragments(").append(name).append('=').append(t.times()[i]).append(",format=")
                    .append(SmoothUrl.HLS_CMAF).append(")\n");
        }
        if (ended) {
            m.append("#EXT-X-ENDLIST\n");
        }
        return bytes(m);
    }

    private static Instant wallClock(CmafEvent.Anchor anchor, long time, long timescale) {
        double seconds = (double) time / timescale - (double) anchor.time() / anchor.timescale();
        return anchor.wallClock().plusMillis(Math.round(seconds * 1000));
    }

    private static String quoted(String text) {
        return text.replace("\"", "'").replace("\n", " ");
    }

    private static byte[] bytes(StringBuilder m) {
        return m.toString().getBytes(StandardCharsets.UTF_8);
    }
}
