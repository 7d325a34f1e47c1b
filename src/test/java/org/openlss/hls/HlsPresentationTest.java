package org.openlss.hls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openlss.testing.Bodies.bytes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openlss.live.IncomingStream;
import org.openlss.live.LiveTrack;
import org.openlss.live.Presentation;
import org.openlss.live.PresentationSettings;
import org.openlss.mp4.IngestBody;
import org.openlss.mp4.IngestFragment;
import org.openlss.testing.Captures;
import org.openlss.testing.ExternalTools;
import org.openlss.ts.SegmentCipher;

/**
 * The segmenter fed with what ffmpeg really sends (the captures of org/openlss/mp4), judged by ffmpeg and ffprobe:
 * two video levels and AAC in 1 s fragments, cut into 2 s segments; B-frames; a restart in the middle.
 */
class HlsPresentationTest {
    private static final IngestBody STREAM1 = Captures.of("ffmpeg-stream1.body");
    private static final long NOW = 1_717_267_400_000L;
    private static final HlsOptions TWO_SECONDS = new HlsOptions(Duration.ofSeconds(2), 1_600_000, false, false, true,
            null);

    @TempDir
    Path dir;

    @Test
    void writesEachSegmentOnceItsAudioIsInAndEndsThePlaylistsWithTheEvent() throws IOException {
        Presentation presentation = open(Duration.ZERO);
        HlsPresentation hls = follow(presentation, TWO_SECONDS);
        IncomingStream stream = presentation.connect("stream1", "", STREAM1.header(), "127.0.0.1", "Push");
        STREAM1.fragments().forEach(stream::append);
        List<Variant> variants = variants(hls, presentation);
        assertEquals(2, variants.size());
        for (Variant variant : variants) {
            assertEquals(List.of("0"), uris(hls.mediaPlaylist(variant)),
                    "the second segment waits for the audio that ends with it");
        }
        assertTrue(text(hls.masterPlaylist()).contains("CODECS=\"avc1.64000b,mp4a.40.2\""), text(hls.masterPlaylist()));

        stream.endOfStream();
        presentation.stop();
        assertTrue(hls.finished());
        long[] videoTimes = STREAM1.fragments().stream().filter(f -> f.trackId() == 1).mapToLong(IngestFragment::time)
                .toArray();
        for (Variant variant : variants) {
            String playlist = text(hls.mediaPlaylist(variant));
            assertTrue(playlist.contains("#EXT-X-MEDIA-SEQUENCE:0\n"), playlist);
            assertTrue(playlist.endsWith("#EXT-X-ENDLIST\n"), playlist);
            assertEquals(List.of("0", String.valueOf(videoTimes[2])), uris(hls.mediaPlaylist(variant)),
                    "two 1 s fragments per 2 s segment");
            Path joined = dir.resolve("variant-" + variant.level.key().bitrate() + ".ts");
            Files.write(joined, concat(bytes(hls.segment(variant, 0)),
                    bytes(hls.segment(variant, videoTimes[2]))));
            assertEquals("", ExternalTools.decodeErrors(joined), "continuity counters run on between segments");
            List<long[]> video = packets(joined, "v");
            assertEquals(100, video.size());
            assertEquals(0, video.get(0)[0], "PTS is the Smooth time on the 90 kHz clock");
            assertEquals(188, packets(joined, "a").size(), "every AAC frame once, none twice");
        }
        assertNull(hls.segment(variants.get(0), 1), "not the start of a segment");
    }

    @Test
    void bFramesShiftEveryPresentationTimeByTheReorderDelay() throws IOException {
        IngestBody bframes = Captures.of("ffmpeg-bframes.body");
        Presentation presentation = open(Duration.ZERO);
        HlsPresentation hls = follow(presentation, TWO_SECONDS);
        IncomingStream stream = presentation.connect("bframes", "", bframes.header(), "127.0.0.1", "Push");
        bframes.fragments().forEach(stream::append);
        stream.endOfStream();
        presentation.stop();
        Variant variant = variants(hls, presentation).get(0);
        long start = bframes.fragments().get(0).time();
        Path joined = dir.resolve("bframes.ts");
        Files.write(joined, concat(bytes(hls.segment(variant, start)),
                bytes(hls.segment(variant, start + 20_000_000))));
        assertEquals("", ExternalTools.decodeErrors(joined));
        List<long[]> packets = packets(joined, "v");
        assertEquals(75, packets.size());
        long shift = 3600; // the B-frames are presented one frame (40 ms) before their decode time
        assertEquals(start * 9 / 1000 + shift, packets.get(0)[0], "the IDR: PTS is its Smooth time plus the shift");
        assertEquals(start * 9 / 1000, packets.get(0)[1], "decode times keep their value");
        for (int i = 0; i < packets.size(); i++) {
            assertTrue(packets.get(i)[1] <= packets.get(i)[0], "DTS <= PTS at " + i);
            assertTrue(i == 0 || packets.get(i)[1] > packets.get(i - 1)[1], "DTS rises at " + i);
        }
    }

    @Test
    void aRestartContinuesTheNumberingAndTheSegments() throws IOException {
        byte[] key = new byte[16];
        HlsOptions encrypted = new HlsOptions(Duration.ofSeconds(2), 1_600_000, false, false, false, key);
        Presentation presentation = open(Duration.ZERO);
        HlsPresentation hls = follow(presentation, encrypted);
        IncomingStream stream = presentation.connect("stream1", "", STREAM1.header(), "127.0.0.1", "Push");
        STREAM1.fragments().forEach(stream::append);
        byte[] before = hls.mediaPlaylist(variants(hls, presentation).get(0));
        hls.close();
        presentation.close();

        Presentation again = Presentation.open(dir.resolve("event"), new PresentationSettings(2, Duration.ZERO, 4));
        HlsPresentation resumed = follow(again, encrypted);
        again.resume();
        Variant variant = variants(resumed, again).get(0);
        assertArrayEquals(before, resumed.mediaPlaylist(variant), "the same playlist after the restart");
        IncomingStream reconnected = again.connect("stream1", "", STREAM1.header(), "127.0.0.1", "Push");
        reconnected.endOfStream();
        again.stop();
        String playlist = text(resumed.mediaPlaylist(variant));
        List<String> starts = uris(resumed.mediaPlaylist(variant));
        assertEquals(2, starts.size(), playlist);
        assertTrue(playlist.endsWith("#EXT-X-ENDLIST\n"), playlist);
        SegmentCipher cipher = new SegmentCipher(key);
        Path joined = dir.resolve("across-the-restart.ts");
        Files.write(joined, concat(cipher.decrypt(bytes(resumed.segment(variant, Long.parseLong(starts.get(0)))), 0),
                cipher.decrypt(bytes(resumed.segment(variant, Long.parseLong(starts.get(1)))), 1)));
        assertEquals("", ExternalTools.decodeErrors(joined), "continuity counters run on across the restart");
    }

    @Test
    void aSlidingWindowListsTheNewestThreeTargetDurations() {
        Presentation presentation = open(Duration.ofSeconds(1));
        HlsOptions oneSecond = new HlsOptions(Duration.ofSeconds(1), 50_000, false, false, false, new byte[16]);
        HlsPresentation hls = follow(presentation, oneSecond);
        IncomingStream stream = presentation.connect("stream1", "", STREAM1.header(), "127.0.0.1", "Push");
        STREAM1.fragments().forEach(stream::append);
        stream.endOfStream();
        presentation.stop();
        List<Variant> variants = variants(hls, presentation);
        assertEquals(1, variants.size(), "the 60 kb/s level is above the maximum bit rate");
        String playlist = text(hls.mediaPlaylist(variants.get(0)));
        assertTrue(playlist.contains("#EXT-X-MEDIA-SEQUENCE:1\n"), playlist);
        assertEquals(3, uris(hls.mediaPlaylist(variants.get(0))).size(), playlist);
        assertTrue(playlist.contains("#EXT-X-KEY:METHOD=AES-128,URI=\"../KeyFile(format=m3u8-aapl)\"\n"), playlist);
        assertNotNull(hls.segment(variants.get(0), 0), "still downloadable for a while after it left the playlist");
    }

    @Test
    void theEventsWakeOneSegmenterTaskThatCatchesUpWithThemAll() {
        Presentation presentation = open(Duration.ZERO);
        List<Runnable> executor = new ArrayList<>();
        HlsPresentation hls = new HlsPresentation(presentation, TWO_SECONDS, executor::add, () -> NOW);
        hls.start();
        IncomingStream stream = presentation.connect("stream1", "", STREAM1.header(), "127.0.0.1", "Push");
        STREAM1.fragments().forEach(stream::append);
        stream.endOfStream();
        presentation.stop();
        assertEquals(1, executor.size(), "one segmenter task for all the events before it ran");
        assertNull(hls.masterPlaylist(), "the ingest thread did no muxing");

        executor.remove(0).run();
        assertTrue(hls.finished(), "the one run saw the end of the event");
        assertEquals(List.of(), executor);
    }

    @Test
    void anExecutorThatRefusesTheSegmenterDoesNotStopTheNextEvent() {
        Presentation presentation = open(Duration.ZERO);
        List<Runnable> executor = new ArrayList<>();
        boolean[] refuse = {true};
        HlsPresentation hls = new HlsPresentation(presentation, TWO_SECONDS, task -> {
            if (refuse[0]) {
                throw new RejectedExecutionException("the server is stopping");
            }
            executor.add(task);
        }, () -> NOW);
        hls.start(); // logged, not thrown at the presentation
        refuse[0] = false;
        IncomingStream stream = presentation.connect("stream1", "", STREAM1.header(), "127.0.0.1", "Push");
        STREAM1.fragments().forEach(stream::append);
        assertEquals(1, executor.size());
        executor.remove(0).run();
        assertNotNull(hls.masterPlaylist());
    }

    private Presentation open(Duration window) {
        return Presentation.open(dir.resolve("event"), new PresentationSettings(2, window, 4));
    }

    private static HlsPresentation follow(Presentation presentation, HlsOptions options) {
        HlsPresentation hls = new HlsPresentation(presentation, options, Runnable::run, () -> NOW);
        hls.start();
        return hls;
    }

    private static List<Variant> variants(HlsPresentation hls, Presentation presentation) {
        List<Variant> variants = new ArrayList<>();
        for (LiveTrack level : presentation.streamIndex("video_und").levels()) {
            Variant variant = hls.variant("video_und", level.key().bitrate(), Map.of());
            if (variant != null) {
                variants.add(variant);
            }
        }
        return variants;
    }

    /** The start times in the playlist's segment URIs. */
    private static List<String> uris(byte[] playlist) {
        return text(playlist).lines().filter(l -> l.startsWith("Fragments("))
                .map(l -> l.substring(l.indexOf('=') + 1, l.indexOf(','))).toList();
    }

    /** PTS and DTS of every packet of one stream type ({@code v} or {@code a}), in file order. */
    private static List<long[]> packets(Path ts, String type) {
        String csv = ExternalTools.check("ffprobe", "-v", "error", "-select_streams", type, "-show_entries",
                "packet=pts,dts", "-of", "csv=p=0", ts.toString());
        return csv.lines().filter(l -> !l.isBlank()).map(l -> l.split(","))
                .map(f -> new long[] {Long.parseLong(f[0]), Long.parseLong(f[1])}).toList();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
