package org.openlss.hls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openlss.testing.Bodies.bytes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openlss.live.IncomingStream;
import org.openlss.live.LiveTrack;
import org.openlss.live.Presentation;
import org.openlss.live.PresentationSettings;
import org.openlss.live.TrackKey;
import org.openlss.mp4.FragmentRewriter;
import org.openlss.mp4.IngestBody;
import org.openlss.mp4.IngestFragment;
import org.openlss.mp4.TrackType;
import org.openlss.mp4.text.Cue;
import org.openlss.testing.CaptionStreams;
import org.openlss.testing.Captures;
import org.openlss.testing.ExternalTools;

/**
 * A TTML caption track beside ffmpeg's video (4 x 1 s) as an HLS subtitles rendition: WebVTT segments on the media
 * segments' boundaries, with the cues that overlap each, mapped to the PTS the TS segments really carry.
 */
class SubtitlesTest {
    private static final IngestBody STREAM1 = Captures.of("ffmpeg-stream1.body");
    private static final HlsOptions ONE_SECOND = new HlsOptions(Duration.ofSeconds(1), 1_600_000, false, false, true,
            null);
    private static final long SECOND = Cue.TICKS_PER_SECOND;
    private static final String RENDITION = "#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"subs\",NAME=\"captions\","
            + "LANGUAGE=\"en\",DEFAULT=YES,AUTOSELECT=YES,URI=\"QualityLevels(1000)/Manifest(captions,"
            + "format=m3u8-aapl)\"\n";

    @TempDir
    Path dir;

    @Test
    void captionsBecomeWebVttSegmentsAlignedWithTheMediaSegments() throws IOException {
        Presentation presentation = Presentation.open(dir.resolve("event"),
                new PresentationSettings(2, Duration.ZERO, 4));
        HlsPresentation hls = new HlsPresentation(presentation, ONE_SECOND, Runnable::run, () -> 0L);
        hls.start();
        pushWithCaptions(presentation);
        assertTrue(hls.finished());

        String master = text(hls.masterPlaylist());
        assertTrue(master.startsWith("#EXTM3U\n" + RENDITION), master);
        assertEquals(2, master.split("SUBTITLES=\"subs\"\n", -1).length - 1, "every variant names the group: " + master);

        SubtitlesRendition subtitles = hls.subtitles("captions", 1000, Map.of());
        assertNotNull(subtitles);
        LiveTrack level = presentation.streamIndex("video_und").levels().get(0);
        Variant variant = hls.variant("video_und", level.key().bitrate(), Map.of());
        String media = text(hls.mediaPlaylist(variant));
        String captionsPlaylist = text(subtitles.playlist());
        assertEquals(media.replace("video_und=", "captions="), captionsPlaylist,
                "the same segments, durations and sequence numbers");
        assertEquals(4, segmentStarts(captionsPlaylist).size(), captionsPlaylist);

        List<Long> starts = segmentStarts(captionsPlaylist);
        List<String> segments = starts.stream().map(start -> text(bytes(hls.segment(subtitles, start)))).toList();
        for (int i = 0; i < starts.size(); i++) {
            long pts = firstVideoPts(bytes(hls.segment(variant, starts.get(i))), i);
            long millis = Math.round(starts.get(i) / 10_000.0);
            assertTrue(segments.get(i).startsWith("WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:" + pts + ",LOCAL:00:00:"
                    + String.format("%02d.%03d", millis / 1000, millis % 1000) + "\n"),
                    "the segment's start is where its TS segment's first picture is: " + segments.get(i));
        }
        assertCues(segments);
        assertNull(hls.segment(subtitles, 1), "not the start of a segment");
        assertNull(hls.subtitles("captions", 2000, Map.of()), "no such caption level");
    }

    @Test
    void withBFramesTheMapNamesTheShiftedPtsOfTheSegment() throws IOException {
        IngestBody bframes = Captures.of("ffmpeg-bframes.body");
        Presentation presentation = Presentation.open(dir.resolve("event"),
                new PresentationSettings(2, Duration.ZERO, 4));
        HlsPresentation hls = new HlsPresentation(presentation, ONE_SECOND, Runnable::run, () -> 0L);
        hls.start();
        IncomingStream captions = presentation.connect("captions", "",
                IngestBody.parse(CaptionStreams.header("captions", "video_und", "en")).header(), "127.0.0.1", "Push");
        long start = bframes.fragments().get(0).time();
        append(captions, CaptionStreams.fragment(start, 10 * SECOND, List.of(new Cue(start, start + SECOND, "one")),
                "en"));
        IncomingStream video = presentation.connect("bframes", "", bframes.header(), "127.0.0.1", "Push");
        bframes.fragments().forEach(video::append);
        video.endOfStream();
        captions.endOfStream();
        presentation.stop();

        Variant variant = hls.variant("video_und", presentation.streamIndex("video_und").levels().get(0).key()
                .bitrate(), Map.of());
        SubtitlesRendition subtitles = hls.subtitles("captions", 1000, Map.of());
        List<Long> starts = segmentStarts(text(subtitles.playlist()));
        assertEquals(segmentStarts(text(hls.mediaPlaylist(variant))), starts);
        for (int i = 0; i < starts.size(); i++) {
            long pts = firstVideoPts(bytes(hls.segment(variant, starts.get(i))), i);
            assertEquals(starts.get(i) * 9 / 1000 + 3600, pts, "the IDR, shifted by the reorder delay");
            String segment = text(bytes(hls.segment(subtitles, starts.get(i))));
            assertTrue(segment.startsWith("WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:" + pts + ","), segment);
        }
    }

    @Test
    void aRestartKeepsTheSubtitlesSegmentsAndGoesOn() {
        Presentation presentation = Presentation.open(dir.resolve("event"),
                new PresentationSettings(2, Duration.ZERO, 4));
        HlsPresentation hls = new HlsPresentation(presentation, ONE_SECOND, Runnable::run, () -> 0L);
        hls.start();
        IncomingStream captions = presentation.connect("captions", "",
                IngestBody.parse(CaptionStreams.header("captions", "video_und", "en")).header(), "127.0.0.1", "Push");
        long[] v = videoTimes();
        append(captions, CaptionStreams.fragment(v[0], v[4] - v[0], List.of(new Cue(v[0], v[4], "all along")),
                "en"));
        IncomingStream video = presentation.connect("stream1", "", STREAM1.header(), "127.0.0.1", "Push");
        STREAM1.fragments().forEach(video::append);
        byte[] before = hls.subtitles("captions", 1000, Map.of()).playlist();
        assertNotNull(before);
        hls.close();
        presentation.close();

        Presentation again = Presentation.open(dir.resolve("event"), new PresentationSettings(2, Duration.ZERO, 4));
        HlsPresentation resumed = new HlsPresentation(again, ONE_SECOND, Runnable::run, () -> 0L);
        resumed.start();
        again.resume();
        SubtitlesRendition subtitles = resumed.subtitles("captions", 1000, Map.of());
        assertEquals(text(before), text(subtitles.playlist()), "the same playlist after the restart");
        again.stop();
        List<Long> starts = segmentStarts(text(subtitles.playlist()));
        assertEquals(List.of(v[0], v[1], v[2], v[3]), starts, "the rest written at the end");
        for (long start : starts) {
            assertTrue(text(bytes(resumed.segment(subtitles, start))).endsWith("\nall along\n"));
        }
    }

    @Test
    void anArchiveHasTheSameSubtitlesOnOneSegmentPerFragment() {
        Presentation presentation = Presentation.open(dir.resolve("event"),
                new PresentationSettings(2, Duration.ZERO, 4));
        pushWithCaptions(presentation);
        OnDemandHls hls = OnDemandHls.of(presentation.tracks().stream()
                .map(t -> new OnDemandHls.Level(t.key(), FragmentSource.of(t))).toList(), true);

        String master = text(hls.masterPlaylist());
        assertTrue(master.startsWith("#EXTM3U\n" + RENDITION), master);
        assertTrue(master.contains("SUBTITLES=\"subs\"\n"), master);
        TrackKey captions = new TrackKey(TrackType.TEXT, "captions", 1000, Map.of());
        LiveTrack level = presentation.streamIndex("video_und").levels().get(0);
        String playlist = text(hls.subtitlesPlaylist(captions));
        assertEquals(text(hls.mediaPlaylist(level.key())).replace("video_und=", "captions="), playlist);
        assertTrue(playlist.contains("#EXT-X-PLAYLIST-TYPE:VOD\n"), playlist);
        assertCues(segmentStarts(playlist).stream().map(start -> text(hls.subtitlesSegment(captions, start)))
                .toList());
        assertNull(hls.subtitlesSegment(captions, 1), "not the start of a segment");
        assertNull(hls.subtitlesPlaylist(new TrackKey(TrackType.TEXT, "captions", 2000, Map.of())));
    }

    @Test
    void aSegmentWaitsForItsCaptionsButNotForLong() {
        Presentation presentation = Presentation.open(dir.resolve("event"),
                new PresentationSettings(2, Duration.ZERO, 4));
        HlsPresentation hls = new HlsPresentation(presentation, ONE_SECOND, Runnable::run, () -> 0L);
        hls.start();
        IncomingStream captions = presentation.connect("captions", "",
                IngestBody.parse(CaptionStreams.header("captions", "video_und", "en")).header(), "127.0.0.1", "Push");
        long[] v = videoTimes();
        append(captions, CaptionStreams.fragment(v[0], v[1] - v[0], List.of(new Cue(v[0], v[1], "one")), "en"));
        IncomingStream video = presentation.connect("stream1", "", STREAM1.header(), "127.0.0.1", "Push");
        STREAM1.fragments().forEach(video::append);
        long span = v[4] - v[0];
        STREAM1.fragments().forEach(f -> video.append(IngestFragment.parse(FragmentRewriter.retimed(f.moof(),
                f.time() + span, f.duration()), f.mdat(), STREAM1.header().movieHeader().track(f.trackId())
                .defaults())));
        Variant variant = hls.variant("video_und", presentation.streamIndex("video_und").levels().get(0).key()
                .bitrate(), Map.of());
        SubtitlesRendition subtitles = hls.subtitles("captions", 1000, Map.of());
        List<Long> media = segmentStarts(text(hls.mediaPlaylist(variant)));
        assertTrue(media.size() >= 4, media.toString());
        assertEquals(media.subList(0, media.size() - 2), segmentStarts(text(subtitles.playlist())),
                "the captions stop after the first segment: the next ones wait for them, two segments at most");

        append(captions, CaptionStreams.fragment(v[1], 2 * span, List.of(), "en"));
        assertEquals(media, segmentStarts(text(subtitles.playlist())), "the captions came: no more waiting");
    }

    /** Four 1 s video fragments and audio, with captions over them; the event is over. */
    private static void pushWithCaptions(Presentation presentation) {
        IncomingStream captions = presentation.connect("captions", "",
                IngestBody.parse(CaptionStreams.header("captions", "video_und", "en")).header(), "127.0.0.1", "Push");
        // on the video fragments (about 1 s each): one cue; not TTML; a cue over the last two, shown in both
        long[] v = videoTimes();
        append(captions, CaptionStreams.fragment(v[0], v[1] - v[0],
                List.of(new Cue(SECOND / 5, SECOND * 4 / 5, "one")), "en"));
        append(captions, CaptionStreams.fragment(v[1], v[2] - v[1],
                "<tt>not closed".getBytes(StandardCharsets.UTF_8)));
        append(captions, CaptionStreams.fragment(v[2], 2 * SECOND,
                List.of(new Cue(SECOND * 5 / 2, SECOND * 7 / 2, "three & <four>")), "en"));
        IncomingStream video = presentation.connect("stream1", "", STREAM1.header(), "127.0.0.1", "Push");
        STREAM1.fragments().forEach(video::append);
        video.endOfStream();
        captions.endOfStream();
        presentation.stop();
    }

    /** The WebVTT segments of the four fragments: the cues of each, the bad sample's skipped. */
    private static void assertCues(List<String> segments) {
        assertEquals(4, segments.size());
        assertTrue(segments.get(0).endsWith("\n00:00:00.200 --> 00:00:00.800\none\n"), segments.get(0));
        assertFalse(segments.get(1).contains("-->"),
                "the sample that is not TTML is skipped: an empty segment, still WebVTT: " + segments.get(1));
        for (int i = 2; i < 4; i++) {
            assertTrue(segments.get(i).endsWith("\n00:00:02.500 --> 00:00:03.500\nthree &amp; &lt;four&gt;\n"),
                    "the cue is in every segment it overlaps: " + segments.get(i));
        }
    }

    private Path tsFile(byte[] ts, int i) throws IOException {
        Path file = dir.resolve("segment-" + i + ".ts");
        Files.write(file, ts);
        return file;
    }

    /** ffprobe's reading of the TS segment: the PTS of its first picture. */
    private long firstVideoPts(byte[] ts, int i) throws IOException {
        String csv = ExternalTools.check("ffprobe", "-v", "error", "-select_streams", "v", "-show_entries",
                "packet=pts", "-of", "csv=p=0", tsFile(ts, i).toString());
        return csv.lines().filter(l -> !l.isBlank()).mapToLong(l -> Long.parseLong(l.split(",")[0])).min()
                .orElseThrow();
    }

    /** Start times of the first video level's fragments, and the end of the last one. */
    private static long[] videoTimes() {
        List<IngestFragment> level = STREAM1.fragments().stream().filter(f -> f.trackId() == 1).toList();
        long[] times = new long[level.size() + 1];
        for (int i = 0; i < level.size(); i++) {
            times[i] = level.get(i).time();
        }
        times[level.size()] = level.get(level.size() - 1).time() + level.get(level.size() - 1).duration();
        return times;
    }

    private static void append(IncomingStream stream, byte[] fragment) {
        IngestBody body = IngestBody.parse(CaptionStreams.concat(CaptionStreams.header("captions", "video_und", "en"),
                fragment));
        IngestFragment f = body.fragments().get(0);
        assertEquals(LiveTrack.Append.ACCEPTED, stream.append(f));
    }

    private static List<Long> segmentStarts(String playlist) {
        return playlist.lines().filter(l -> l.startsWith("Fragments("))
                .map(l -> Long.parseLong(l.substring(l.indexOf('=') + 1, l.indexOf(',')))).toList();
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
