package org.openlss.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openlss.mp4.text.Cue;
import org.openlss.testing.CaptionStreams;
import org.openlss.testing.ExternalTools;
import org.openlss.testing.HlsPlaylists;
import org.openlss.testing.TestTools;
import org.w3c.dom.Document;

/**
 * Apple HLS from the live fragments end to end: ffmpeg pushes ({@code smooth-push.sh}); hls.js and dash.js play in
 * headless Chromium ({@code play-check.js}); ffmpeg and ffprobe are the second HLS client ({@code hls-check.sh}) and
 * the judges of the TS segments (decoding warnings, continuity counters, timestamps).
 */
@ExtendWith(ArquillianExtension.class)
class LiveHlsIT {
    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    /** Folder of this run's points: the server's data dir may hold earlier runs. */
    private static final String RUN = "hls-" + Long.toString(System.currentTimeMillis(), 36);
    private static final String VIDEO = "video_und";
    private static final String MASTER = "/manifest(format=m3u8-aapl)";
    /** The hand-made caption track: one caption of 1 s every 2 s, over twice the looped source's 30 s. */
    private static final int CAPTIONS = 30;
    private static final long CAPTION_SPACING = 2 * Cue.TICKS_PER_SECOND;
    /** Seconds: hls.js's timeline starts at the first segment's first sample, audio or video, give or take a frame. */
    private static final double CUE_TOLERANCE = 0.25;
    /** 25 fps on the 90 kHz clock. */
    private static final long FRAME_90 = 3600;

    @ArquillianResource
    URL url;

    LiveEvents events;
    Http anonymous;

    @BeforeEach
    void setUp() throws Exception {
        events = new LiveEvents(new Http(url.toURI().resolve("/"), Deployments.ADMIN, Deployments.ADMIN_PASSWORD));
        anonymous = events.admin().anonymous();
    }

    @Test
    void playsLiveInHlsJsAndFfmpegThenFromTheStartAfterTheEnd() {
        String point = RUN + "/live.isml";
        events.create(point, "{\"autoStart\":true,\"hls\":{\"enabled\":true,\"segmentLength\":\"PT4S\","
                + "\"includeCodecs\":true}}");
        try (Encoder encoder = Encoder.push(Media.content().resolve("source.mp4"), events.url(point), "--loop")) {
            List<Long> levels = awaitSegments(point, 3);
            List<HlsPlaylists.Variant> variants = HlsPlaylists.master(text(point + MASTER));
            assertEquals(levels.stream().sorted().map(b -> "QualityLevels(" + b + ")/Manifest(" + VIDEO
                    + ",format=m3u8-aapl)").toList(), variants.stream().map(HlsPlaylists.Variant::uri).toList(),
                    "one variant per quality level, lowest first");
            for (HlsPlaylists.Variant variant : variants) {
                assertTrue(Long.parseLong(variant.attribute("BANDWIDTH")) > bitrate(variant), variant.toString());
                assertTrue(variant.attribute("RESOLUTION").matches("(640x360|480x270|320x180)"), variant.toString());
                assertTrue(variant.attribute("CODECS").matches("avc1\\.64[0-9a-f]{4},mp4a\\.40\\.2"),
                        variant.toString());
            }

            Players.Result play = Players.play("hls", events.url(point) + MASTER, 10);
            assertTrue(play.ok(), play.toString());
            assertTrue(play.live(), play.toString());
            assertHlsCheck(events.url(point) + MASTER);

            List<HlsPlaylists.Media> playlists = levels.stream().map(b -> media(point, b)).toList();
            assertAlignedAcrossVariants(playlists);
            for (long level : levels) {
                List<HlsPlaylists.Segment> segments = media(point, level).segments().subList(0, 3);
                List<byte[]> ts = segments.stream().map(s -> segment(point, level, s)).toList();
                assertEquals("", decodeWarnings(ts), "the variant's segments one after the other");
                for (int i = 0; i < ts.size(); i++) {
                    List<Long> pts = packets(ts.get(i), "v").stream().map(p -> p[0]).sorted().toList();
                    assertEquals(segments.get(i).time() * 9 / 1000, pts.get(0), "PTS is the Smooth time at 90 kHz");
                    if (i > 0) {
                        List<Long> before = packets(ts.get(i - 1), "v").stream().map(p -> p[0]).sorted().toList();
                        assertEquals(before.get(before.size() - 1) + FRAME_90, pts.get(0), "PTS continue at " + i);
                    }
                }
            }
            JsonObject stats = events.statistics(point);
            assertTrue(stats.getJsonArray("destinations").toString().contains("Apple HTTP Live Streaming"),
                    stats.toString());
            for (JsonValue track : stats.getJsonArray("inputStreams").getJsonObject(0).getJsonArray("tracks")) {
                JsonObject t = track.asJsonObject();
                assertTrue(!t.getString("type").equals("video") || t.getJsonNumber("fragmentsServed").longValue() >= 3,
                        "every variant's segments count as its quality level's requests: " + stats);
            }
            encoder.stop();
        }
        LiveEvents.await(Duration.ofSeconds(15), "DVR-only", () -> "Stopped".equals(events.state(point)));
        LiveEvents.await(Duration.ofSeconds(10), "EXT-X-ENDLIST", () -> media(point, bitrate(point, 0)).ended());
        HlsPlaylists.Media ended = media(point, bitrate(point, 0));
        assertEquals(0, ended.mediaSequence(), "whole-event DVR lists the event from its first segment");
        assertEquals("EVENT", ended.tag("#EXT-X-PLAYLIST-TYPE"));
        Players.Result replay = Players.play("hls", events.url(point) + MASTER, 10);
        assertTrue(replay.ok(), "plays from the start after the end: " + replay);
        assertFalse(replay.live(), replay.toString());
    }

    @Test
    void anEncoderThatReconnectsContinuesTheMediaSequenceAndTheTimeline() {
        String point = RUN + "/reconnect.isml";
        events.create(point, "{\"autoStart\":true,\"hls\":{\"enabled\":true,\"segmentLength\":\"PT4S\"}}");
        try (Encoder encoder = Encoder.push(Media.content().resolve("source.mp4"), events.url(point), "--loop",
                "--reconnect", "3")) {
            long level = awaitSegments(point, 2).get(0);
            encoder.dropConnection();
            LiveEvents.await(Duration.ofSeconds(60), "two segments after the reconnect", () -> {
                List<HlsPlaylists.Segment> s = media(point, level).segments();
                int gap = gap(s);
                return gap > 0 && s.size() - gap >= 2;
            });
            assertTrue(encoder.log().contains("attempt 2"), encoder.log());
            encoder.stop();
        }
        LiveEvents.await(Duration.ofSeconds(15), "EXT-X-ENDLIST", () -> media(point, bitrate(point, 0)).ended());
        for (HlsPlaylists.Variant variant : HlsPlaylists.master(text(point + MASTER))) {
            HlsPlaylists.Media playlist = media(point, bitrate(variant));
            List<HlsPlaylists.Segment> segments = playlist.segments();
            assertEquals(0, playlist.mediaSequence(), "never reset");
            assertEquals(1, segments.stream().filter(HlsPlaylists.Segment::discontinuity).count(),
                    "one discontinuity, where the encoder was gone: " + playlist.text());
            assertEquals(null, playlist.tag("#EXT-X-DISCONTINUITY-SEQUENCE"), "no discontinuity slid out yet");
            int gap = gap(segments);
            HlsPlaylists.Segment before = segments.get(gap - 1);
            HlsPlaylists.Segment after = segments.get(gap);
            assertTrue(after.time() > before.time() + (long) (before.duration() * 10_000_000), "a real gap");
            for (HlsPlaylists.Segment s : List.of(before, after)) {
                long first = packets(segment(point, bitrate(variant), s), "v").stream().mapToLong(p -> p[0]).min()
                        .orElseThrow();
                assertEquals(s.time() * 9 / 1000, first, "timestamps follow the event's timeline, not a new one");
            }
        }
        assertHlsCheck(events.url(point) + MASTER);
        Players.Result replay = Players.play("hls", events.url(point) + MASTER, 16);
        assertTrue(replay.ok(), "hls.js plays across the discontinuity: " + replay);
    }

    @Test
    void bFrameContentPlaysInBothPlayersWithTheSourceTimestamps() {
        String point = RUN + "/bframes.isml";
        events.create(point, "{\"autoStart\":true,\"hls\":{\"enabled\":true,\"segmentLength\":\"PT2S\"}}");
        Path source = Media.bframes().resolve("source.mp4");
        try (Encoder encoder = Encoder.push(source, events.url(point), "--loop")) {
            long level = awaitSegments(point, 3).get(0);
            Players.Result hls = Players.play("hls", events.url(point) + MASTER, 10);
            assertTrue(hls.ok(), hls.toString());
            Players.Result smooth = Players.play("smooth", events.url(point) + "/Manifest", 10);
            assertTrue(smooth.ok(), smooth.toString());

            int stream = LiveEvents.bitrates(events.manifest(point), VIDEO).indexOf(level);
            List<long[]> expected = sourcePackets(source, stream);
            List<long[]> served = new ArrayList<>();
            for (HlsPlaylists.Segment s : media(point, level).segments().subList(0, 3)) {
                served.addAll(packets(segment(point, level, s), "v"));
            }
            long ptsShift = served.get(0)[0] - expected.get(0)[0];
            long dtsShift = served.get(0)[1] - expected.get(0)[1];
            for (int i = 0; i < served.size(); i++) {
                assertEquals(expected.get(i)[0] + ptsShift, served.get(i)[0], "PTS of packet " + i);
                assertEquals(expected.get(i)[1] + dtsShift, served.get(i)[1], "DTS of packet " + i);
                assertTrue(served.get(i)[1] <= served.get(i)[0], "DTS <= PTS at " + i);
            }
            encoder.stop();
        }
    }

    @Test
    void encryptedSegmentsDecryptWithTheServedKey() throws Exception {
        String point = RUN + "/encrypted.isml";
        String key = "00112233445566778899AABBCCDDEEFF";
        events.create(point, "{\"autoStart\":true,\"hls\":{\"enabled\":true,\"segmentLength\":\"PT2S\","
                + "\"encryption\":{\"enabled\":true,\"key\":\"" + key + "\"}}}");
        pushWholeClip(point);
        long level = bitrate(point, 0);
        HlsPlaylists.Media playlist = media(point, level);
        assertEquals("METHOD=AES-128,URI=\"../KeyFile(format=m3u8-aapl)\"", playlist.tag("#EXT-X-KEY"));
        HttpResponse<byte[]> served = anonymous.getBytes(point + "/KeyFile(format=m3u8-aapl)");
        assertEquals(200, served.statusCode());
        assertArrayEquals(HexFormat.of().parseHex(key), served.body());
        HlsPlaylists.Segment second = playlist.segments().get(1);
        byte[] encrypted = segment(point, level, second);
        assertNotEquals(0x47, encrypted[0] & 0xFF, "not clear TS");
        Cipher aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
        byte[] iv = new byte[16];
        iv[15] = (byte) second.sequence();
        aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(served.body(), "AES"), new IvParameterSpec(iv));
        assertEquals(0x47, aes.doFinal(encrypted)[0] & 0xFF, "the media sequence number is the IV");
        assertHlsCheck(events.url(point) + MASTER);
        Players.Result play = Players.play("hls", events.url(point) + MASTER, 10);
        assertTrue(play.ok(), "hls.js fetches the key and decrypts: " + play);
    }

    @Test
    void aSlidingWindowAndTheMaximumBitRateShapeThePlaylists() {
        String point = RUN + "/window.isml";
        events.create(point, "{\"autoStart\":true,\"clientConnections\":{\"enabled\":true,\"windowLength\":\"PT10S\"},"
                + "\"hls\":{\"enabled\":true,\"segmentLength\":\"PT2S\",\"maxBitRate\":600000}}");
        pushWholeClip(point);
        List<HlsPlaylists.Variant> variants = HlsPlaylists.master(text(point + MASTER));
        List<Long> levels = LiveEvents.bitrates(events.manifest(point), VIDEO);
        assertEquals(levels.stream().filter(b -> b <= 600_000).sorted().toList(),
                variants.stream().map(LiveHlsIT::bitrate).toList(), "levels above the maximum bit rate left out");
        long above = levels.stream().filter(b -> b > 600_000).findFirst().orElseThrow();
        assertEquals(404, anonymous.getBytes(point + "/QualityLevels(" + above + ")/Manifest(" + VIDEO
                + ",format=m3u8-aapl)").statusCode());

        HlsPlaylists.Media playlist = media(point, bitrate(variants.get(0)));
        List<HlsPlaylists.Segment> listed = playlist.segments();
        double seconds = listed.stream().mapToDouble(HlsPlaylists.Segment::duration).sum();
        assertTrue(playlist.mediaSequence() > 0 && seconds >= 3 * playlist.targetDuration() && seconds <= 14,
                "the newest 10 s, at least three target durations: " + playlist.text());
        assertEquals(null, playlist.tag("#EXT-X-PLAYLIST-TYPE"), "a sliding window is no EVENT playlist");
        assertEquals(200, anonymous.getBytes(point + "/QualityLevels(" + bitrate(variants.get(0)) + ")/"
                + listed.get(0).uri()).statusCode());
        assertEquals(404, anonymous.getBytes(point + "/QualityLevels(" + bitrate(variants.get(0))
                + ")/Fragments(" + VIDEO + "=0,format=m3u8-aapl)").statusCode(), "deleted after leaving the window");
        assertHlsCheck(events.url(point) + MASTER);
    }

    @Test
    void badRequestsGetAClearAnswer() {
        String off = RUN + "/off.isml";
        events.create(off, "{}");
        events.state(off, "Started");
        assertAnswer(404, "Apple HTTP Live Streaming output is not enabled", off + MASTER);
        String on = RUN + "/on.isml";
        events.create(on, "{\"hls\":{\"enabled\":true}}");
        events.state(on, "Started");
        assertAnswer(404, "no HLS segment yet", on + MASTER);
        assertAnswer(400, "bitrate 'abc' is not a number", on + "/QualityLevels(abc)/Manifest(video,format=m3u8-aapl)");
        assertAnswer(404, "no HLS variant", on + "/QualityLevels(1)/Manifest(video,format=m3u8-aapl)");
        assertAnswer(404, "not served", on + "/KeyFile(format=m3u8-aapl)");
        assertAnswer(404, "not served", on + "/manifest(format=m3u8-other)");
        String closed = RUN + "/closed.isml";
        events.create(closed, "{\"clientConnections\":{\"enabled\":false},\"hls\":{\"enabled\":true}}");
        events.state(closed, "Started");
        assertAnswer(403, "does not allow client connections", closed + MASTER);
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    /** Pushes the 30 s clip as fast as ffmpeg can and waits for the end of the event. */
    private void pushWholeClip(String point) {
        try (Encoder encoder = Encoder.push(Media.content().resolve("source.mp4"), events.url(point), "--no-re")) {
            assertEquals(0, encoder.waitFor(60), encoder.log());
        }
        LiveEvents.await(Duration.ofSeconds(15), "EXT-X-ENDLIST", () -> {
            HttpResponse<byte[]> r = anonymous.getBytes(point + MASTER);
            return r.statusCode() == 200 && media(point, bitrate(point, 0)).ended();
        });
    }

    @Test
    void subtitlesFromASparseCaptionTrackShowInHlsJsAtTheirTimes() throws IOException {
        String point = RUN + "/captions.isml";
        events.create(point, "{\"autoStart\":true,\"hls\":{\"enabled\":true,\"segmentLength\":\"PT2S\"},"
                + "\"archive\":{\"enabled\":true}}");
        String subtitles = point + "/QualityLevels(1000)/Manifest(captions,format=m3u8-aapl)";
        try (RawIngest.Connection captions = RawIngest.open(URI.create(events.url(point) + "/Streams(captions)"));
             Encoder encoder = Encoder.push(Media.content().resolve("source.mp4"), events.url(point), "--loop")) {
            // the caption track the push encoder sends: announced first, its fragments laid on the video's timeline
            captions.send(CaptionStreams.header("captions", VIDEO, "en"));
            LiveEvents.await(Duration.ofSeconds(60), "video fragments", () -> {
                Document manifest = events.manifest(point);
                return manifest != null && !LiveEvents.times(manifest).get(VIDEO).isEmpty();
            });
            long start = LiveEvents.times(events.manifest(point)).get(VIDEO).get(0);
            for (int i = 0; i < CAPTIONS; i++) {
                long at = start + i * CAPTION_SPACING;
                Cue cue = new Cue(at + Cue.TICKS_PER_SECOND / 2, at + 3 * Cue.TICKS_PER_SECOND / 2, "caption " + i);
                captions.send(CaptionStreams.fragment(at, CAPTION_SPACING, List.of(cue), "en"));
            }
            long level = awaitSegments(point, 4).get(0);
            String master = text(point + MASTER);
            assertTrue(master.contains("#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"subs\",NAME=\"captions\","
                    + "LANGUAGE=\"en\",DEFAULT=YES,AUTOSELECT=YES,URI=\"QualityLevels(1000)/Manifest(captions,"
                    + "format=m3u8-aapl)\"\n"), master);
            HlsPlaylists.Variant variant = HlsPlaylists.master(master).get(0);
            assertEquals("subs", variant.attribute("SUBTITLES"), master);

            HlsPlaylists.Media video = media(point, level);
            HlsPlaylists.Media vtt = HlsPlaylists.media(text(subtitles));
            HlsPlaylists.Segment first = vtt.segments().get(0);
            HlsPlaylists.Segment same = video.segments().stream().filter(s -> s.time() == first.time()).findFirst()
                    .orElseThrow(() -> new AssertionError("no video segment at " + first.uri() + ": " + video.text()));
            assertEquals(same.sequence(), first.sequence(), "the same media sequence numbers");
            assertEquals(same.duration(), first.duration(), "the same durations");
            HttpResponse<byte[]> webVtt = anonymous.getBytes(point + "/QualityLevels(1000)/" + first.uri());
            assertEquals(200, webVtt.statusCode(), first.uri());
            assertEquals("text/vtt", webVtt.headers().firstValue("Content-Type").orElse("").split(";")[0]);
            long pts = packets(segment(point, level, same), "v").stream().mapToLong(p -> p[0]).min().orElseThrow();
            assertTrue(new String(webVtt.body(), StandardCharsets.UTF_8).startsWith("WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:"
                    + pts + ","), "the segment's start maps to its TS segment's first PTS " + pts);

            Players.Result play = Players.play("hls", events.url(point) + MASTER, 12);
            assertTrue(play.ok(), play.toString());
            List<JsonObject> cues = play.json().getJsonArray("textTracks").getValuesAs(JsonObject.class).stream()
                    .filter(t -> t.getString("label").equals("captions"))
                    .flatMap(t -> t.getJsonArray("cues").getValuesAs(JsonObject.class).stream()).toList();
            assertTrue(cues.size() >= 3, "hls.js shows the captions it played through: " + play);
            // hls.js's media time 0 is the start of the first segment listed: the event's first (whole-event DVR)
            for (JsonObject cue : cues) {
                int n = Integer.parseInt(cue.getString("text").substring("caption ".length()));
                double expected = (n * CAPTION_SPACING + Cue.TICKS_PER_SECOND / 2) / (double) Cue.TICKS_PER_SECOND;
                double shown = cue.getJsonNumber("start").doubleValue();
                assertEquals(expected, shown, CUE_TOLERANCE, "cue " + n + " at its time: " + play);
                assertEquals(1.0, cue.getJsonNumber("end").doubleValue() - shown, 0.01, cue.toString());
            }
            encoder.stop();
            captions.endOfStream();
        }
        assertArchiveKeepsTheCaptions(point);
    }

    /** The event's archive holds the caption track, and its HLS has the same subtitles rendition. */
    private void assertArchiveKeepsTheCaptions(String point) {
        LiveEvents.await(Duration.ofSeconds(30), "the event over", () -> "Stopped".equals(events.state(point)));
        HttpResponse<String> state = events.admin().get(point + "/state", ManagementApiIT.JSON);
        JsonObject status = LiveEvents.json(state.body()).getJsonObject("status");
        Path folder = Path.of(status.getString("archivePath"));
        LiveEvents.await(Duration.ofSeconds(30), "the archive complete",
                () -> Files.exists(folder.resolve("captions.ismc")));
        String manifest = status.getString("archiveUrl");
        HttpResponse<byte[]> ismc = anonymous.getBytes(manifest);
        assertEquals(200, ismc.statusCode(), manifest);
        String clientManifest = new String(ismc.body(), StandardCharsets.UTF_8);
        assertTrue(clientManifest.matches("(?s).*<StreamIndex [^>]*Name=\"captions\"[^>]*>.*")
                && clientManifest.contains("ParentStreamIndex=\"" + VIDEO + "\""), "the sparse track is archived: "
                + clientManifest);

        String archived = manifest.substring(0, manifest.length() - "Manifest".length());
        String master = text(archived + "Manifest(format=m3u8-aapl)");
        assertTrue(master.contains("#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"subs\",NAME=\"captions\","), master);
        HlsPlaylists.Media vtt = HlsPlaylists.media(text(archived
                + "QualityLevels(1000)/Manifest(captions,format=m3u8-aapl)"));
        HttpResponse<byte[]> first = anonymous.getBytes(archived + "QualityLevels(1000)/"
                + vtt.segments().get(0).uri());
        assertEquals(200, first.statusCode(), vtt.segments().get(0).uri());
        assertEquals("text/vtt", first.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertTrue(new String(first.body(), StandardCharsets.UTF_8).contains("\ncaption 0\n"),
                new String(first.body(), StandardCharsets.UTF_8));

        Players.Result play = Players.play("hls", anonymous.base().resolve(archived) + "Manifest(format=m3u8-aapl)",
                4);
        assertTrue(play.ok(), play.toString());
        JsonObject caption0 = play.json().getJsonArray("textTracks").getValuesAs(JsonObject.class).stream()
                .flatMap(t -> t.getJsonArray("cues").getValuesAs(JsonObject.class).stream())
                .filter(c -> c.getString("text").equals("caption 0")).findFirst()
                .orElseThrow(() -> new AssertionError("hls.js shows the archived captions: " + play));
        assertEquals(0.5, caption0.getJsonNumber("start").doubleValue(), CUE_TOLERANCE, play.toString());
    }

    /** Waits until every quality level's playlist lists {@code count} segments; returns the levels. */
    private List<Long> awaitSegments(String point, int count) {
        LiveEvents.await(Duration.ofSeconds(60), count + " segments in every variant", () -> {
            if (anonymous.getBytes(point + MASTER).statusCode() != 200) {
                return false;
            }
            List<HlsPlaylists.Variant> variants = HlsPlaylists.master(text(point + MASTER));
            Document smooth = events.manifest(point);
            return smooth != null && variants.size() == LiveEvents.bitrates(smooth, VIDEO).size()
                    && variants.stream().allMatch(v -> {
                        HlsPlaylists.Media m = media(point, bitrate(v));
                        return m != null && m.segments().size() >= count;
                    });
        });
        return HlsPlaylists.master(text(point + MASTER)).stream().map(LiveHlsIT::bitrate).toList();
    }

    /** Index of the first segment after a discontinuity, or -1. */
    private static int gap(List<HlsPlaylists.Segment> segments) {
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).discontinuity()) {
                return i;
            }
        }
        return -1;
    }

    /** Segments with the same URI have the same sequence number and date in every variant. */
    private static void assertAlignedAcrossVariants(List<HlsPlaylists.Media> playlists) {
        Map<String, HlsPlaylists.Segment> first = playlists.get(0).segments().stream()
                .collect(Collectors.toMap(HlsPlaylists.Segment::uri, Function.identity()));
        for (HlsPlaylists.Media other : playlists.subList(1, playlists.size())) {
            for (HlsPlaylists.Segment s : other.segments()) {
                HlsPlaylists.Segment same = first.get(s.uri());
                if (same != null) {
                    assertEquals(same.sequence(), s.sequence(), s.uri());
                    assertEquals(same.programDateTime(), s.programDateTime(), s.uri());
                }
            }
        }
    }

    private void assertHlsCheck(String url) {
        String out = TestTools.runAllowingFailure(List.of("bash",
                TestTools.encoder("hls-check.sh"), url));
        String line = out.strip();
        JsonObject result = LiveEvents.json(line.substring(line.lastIndexOf('\n') + 1));
        assertTrue(result.getBoolean("ok"), "ffmpeg decodes every variant: " + out);
        assertTrue(result.getJsonArray("errors").isEmpty(), out);
    }

    private void assertAnswer(int status, String message, String path) {
        HttpResponse<byte[]> r = anonymous.getBytes(path);
        String body = new String(r.body(), StandardCharsets.UTF_8);
        assertEquals(status, r.statusCode(), path + ": " + body);
        assertTrue(body.contains(message), path + ": " + body);
    }

    private String text(String path) {
        HttpResponse<byte[]> r = anonymous.getBytes(path);
        assertEquals(200, r.statusCode(), path);
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/vnd.apple.mpegurl"));
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    /** The media playlist of the variant of {@code bitrate}, or null while it has none. */
    private HlsPlaylists.Media media(String point, long bitrate) {
        String path = point + "/QualityLevels(" + bitrate + ")/Manifest(" + VIDEO + ",format=m3u8-aapl)";
        return anonymous.getBytes(path).statusCode() == 404 ? null : HlsPlaylists.media(text(path));
    }

    private byte[] segment(String point, long bitrate, HlsPlaylists.Segment segment) {
        HttpResponse<byte[]> r = anonymous.getBytes(point + "/QualityLevels(" + bitrate + ")/" + segment.uri());
        assertEquals(200, r.statusCode(), segment.uri());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("video/mp2t"));
        return r.body();
    }

    /** The bitrate of the master playlist's {@code index}th variant. */
    private long bitrate(String point, int index) {
        return bitrate(HlsPlaylists.master(text(point + MASTER)).get(index));
    }

    private static long bitrate(HlsPlaylists.Variant variant) {
        String uri = variant.uri();
        return Long.parseLong(uri.substring("QualityLevels(".length(), uri.indexOf(')')));
    }

    /** PTS and DTS (90 kHz) of the packets of one stream type ({@code v}, {@code a}) of a TS, in file order. */
    private static List<long[]> packets(byte[] ts, String type) {
        Path file = temp(ts);
        String csv = ExternalTools.check("ffprobe", "-v", "error", "-select_streams", type, "-show_entries",
                "packet=pts,dts", "-of", "csv=p=0", file.toString());
        return csv.lines().filter(l -> !l.isBlank()).map(l -> l.split(","))
                .map(f -> new long[] {Long.parseLong(f[0]), Long.parseLong(f[1])}).toList();
    }

    /** PTS and DTS of the source's {@code index}th video stream, on the 90 kHz clock. */
    private static List<long[]> sourcePackets(Path source, int index) {
        String timeBase = ExternalTools.check("ffprobe", "-v", "error", "-select_streams", "v:" + index,
                "-show_entries", "stream=time_base", "-of", "csv=p=0", source.toString()).strip();
        long scale = Long.parseLong(timeBase.substring(timeBase.indexOf('/') + 1));
        String csv = ExternalTools.check("ffprobe", "-v", "error", "-select_streams", "v:" + index, "-show_entries",
                "packet=pts,dts", "-of", "csv=p=0", source.toString());
        return csv.lines().filter(l -> !l.isBlank()).map(l -> l.split(","))
                .map(f -> new long[] {Long.parseLong(f[0]) * 90_000 / scale, Long.parseLong(f[1]) * 90_000 / scale})
                .toList();
    }

    /** ffmpeg's warnings and errors decoding the segments one after the other ("Packet corrupt" is a warning). */
    private static String decodeWarnings(List<byte[]> segments) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        segments.forEach(all::writeBytes);
        return ExternalTools.decodeErrors(temp(all.toByteArray()));
    }

    private static Path temp(byte[] bytes) {
        try {
            Path file = Files.createTempFile(ExternalTools.workDir(), "hls", ".ts");
            Files.write(file, bytes);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
