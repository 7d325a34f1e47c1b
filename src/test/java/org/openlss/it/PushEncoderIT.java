package org.openlss.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openlss.testing.HlsPlaylists;
import org.w3c.dom.Document;

/**
 * The push encoder utility ({@code java -jar target/pushencoder.jar}) replaying ffmpeg's {@code -f ismv} test content
 * and an archive of ours into the server: what players, the manifests, the HLS playlists, the point's state and the
 * archive show. Pushes run faster than real time ({@code /rate}) except the one that checks a slow clock for a minute.
 */
@ExtendWith(ArquillianExtension.class)
class PushEncoderIT {
    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    private static final String RUN = "push-" + Long.toString(System.currentTimeMillis(), 36);
    private static final String MASTER = "/manifest(format=m3u8-aapl)";
    private static final long SECOND = 10_000_000L;
    private static final String ENDED = "end of stream sent, the server answered 200";

    @ArquillianResource
    URL url;

    LiveEvents events;
    Path ismv;

    @BeforeEach
    void setUp() throws Exception {
        events = new LiveEvents(new Http(url.toURI().resolve("/"), Deployments.ADMIN, Deployments.ADMIN_PASSWORD));
        ismv = Media.content().resolve("source.ismv");
    }

    @Test
    void aMinuteAtASlowClockPlaysLiveInDashJsAndHlsJsWithNothingRejected() {
        String point = RUN + "/live.isml";
        events.create(point, "{\"autoStart\":true,\"hls\":{\"enabled\":true,\"segmentLength\":\"PT4S\"}}");
        long start = System.nanoTime();
        String log;
        try (Encoder push = Encoder.pushEncoder("/loop", "/rate:0.999", "/id:live", events.publishUrl(point),
                ismv.toString())) {
            LiveEvents.await(Duration.ofSeconds(30), "three listed fragments", () -> events.videoChunks(point) >= 3);
            Players.Result smooth = Players.play("smooth", events.url(point) + "/Manifest", 8);
            assertTrue(smooth.ok() && smooth.live(), "dash.js plays the pushed stream live: " + smooth);
            Players.Result hls = Players.play("hls", events.url(point) + MASTER, 8);
            assertTrue(hls.ok(), "hls.js plays it: " + hls);
            long left = Duration.ofSeconds(62).toNanos() - (System.nanoTime() - start);
            if (left > 0) {
                ServerProcess.sleep(left / 1_000_000);
            }
            push.stop();
            log = push.log();
        }
        assertTrue(log.contains(ENDED), log);
        assertFalse(log.contains("dropped") || log.contains("error"), "nothing was refused: " + log);
        assertTrue(log.lines().filter(l -> l.contains("live-stream0: ") && l.contains(" fragments, t=")).count() >= 10,
                "a progress line every few seconds: " + log);
        List<Long> video = LiveEvents.times(events.manifest(point)).values().iterator().next();
        assertTrue(video.size() >= 28, "a minute of 2 s fragments across the loop point: " + video);
        assertIncreasing(video);
    }

    @Test
    void loopKeepsTimestampsIncreasingAcrossTheLoopPoint() {
        String point = RUN + "/loop.isml";
        events.create(point, "{\"autoStart\":true}");
        List<Long> source = sourceTimes(1);
        try (Encoder push = Encoder.pushEncoder("/loop", "/rate:8", "/id:loop", events.publishUrl(point),
                ismv.toString())) {
            LiveEvents.await(Duration.ofSeconds(60), "fragments of the second pass",
                    () -> events.videoChunks(point) >= source.size() + 4);
            push.stop();
            assertTrue(push.log().contains(ENDED), push.log());
        }
        Map<String, List<Long>> times = LiveEvents.times(events.manifest(point));
        for (List<Long> track : times.values()) {
            assertIncreasing(track);
        }
        List<Long> video = times.values().iterator().next();
        assertEquals(source, video.subList(0, source.size()), "the first pass as in the file");
        long loopLength = video.get(source.size()) - source.get(0);
        assertTrue(loopLength >= 30 * SECOND && loopLength < 31 * SECOND, "the second pass follows the first: " + video);
        for (int i = 0; i < 4; i++) {
            assertEquals(source.get(i) + loopLength, video.get(source.size() + i), "pass two is pass one moved on");
        }
    }

    @Test
    void skipLeavesAGapThatTheManifestAndTheHlsPlaylistShow() {
        String point = RUN + "/skip.isml";
        events.create(point, "{\"autoStart\":true,\"hls\":{\"enabled\":true,\"segmentLength\":\"PT4S\"}}");
        List<String> log = new ArrayList<>();
        assertEquals(0, run(60, log, "/skip:3,5", "/rate:8", "/id:skip", events.publishUrl(point),
                ismv.toString()), log.toString());
        List<Long> source = sourceTimes(1);
        List<Long> expected = IntStream.range(0, source.size()).filter(i -> i < 3 || i > 5).mapToObj(source::get).toList();
        Document manifest = events.manifest(point);
        assertEquals(expected, LiveEvents.times(manifest).values().iterator().next(),
                "fragments 3 to 5 are missing and the next one is listed at its own time");
        HlsPlaylists.Variant variant = HlsPlaylists.master(text(point + MASTER)).get(0);
        HlsPlaylists.Media playlist = HlsPlaylists.media(text(point + "/" + variant.uri()));
        List<HlsPlaylists.Segment> gaps = playlist.segments().stream().filter(HlsPlaylists.Segment::discontinuity).toList();
        assertEquals(1, gaps.size(), playlist.text());
        assertEquals(source.get(6), gaps.get(0).time(), "the discontinuity is where the stream resumes: " + playlist.text());
    }

    @Test
    void noEosLeavesThePointStarted() {
        String point = RUN + "/noeos.isml";
        events.create(point, "{\"autoStart\":true}");
        List<String> log = new ArrayList<>();
        assertEquals(0, run(60, log, "/noEOS", "/rate:10", "/id:noeos", events.publishUrl(point),
                ismv.toString()), log.toString());
        assertTrue(log.get(0).contains("without end of stream"), log.toString());
        ServerProcess.sleep(2000);
        assertEquals("Started", events.state(point), "an encoder that vanished may come back");
        assertTrue(events.videoChunks(point) >= sourceTimes(1).size() - 2, "all but the two held for look-ahead");
    }

    @Test
    void captionsFromAWebVttSidecarShowInDashJsAtTheirTimesWithPointersInTheVideoFragments() throws Exception {
        String point = RUN + "/captions.isml";
        events.create(point, "{\"autoStart\":true}");
        Path vtt = Path.of(getClass().getResource("/org/openlss/it/captions.vtt").toURI());
        List<String> log = new ArrayList<>();
        assertEquals(0, run(60, log, "/rate:10", "/id:captions", "/captions:" + vtt, "/captionsLanguage:en",
                events.publishUrl(point), ismv.toString()), log.toString());
        assertTrue(log.get(0).contains("captions-stream1: " + ENDED), log.toString());
        LiveEvents.await(Duration.ofSeconds(10), "the point stopped", () -> "Stopped".equals(events.state(point)));

        Document manifest = events.manifest(point);
        Map<String, List<Long>> times = LiveEvents.times(manifest);
        assertEquals(List.of("video", "audio", "text"), types(manifest), "the captions after their parent");
        List<Long> captions = times.get("textstream_en");
        assertEquals(List.of(0L, 2 * SECOND, 5 * SECOND, 7 * SECOND, 10 * SECOND, 125 * SECOND / 10, 15 * SECOND),
                captions, "fragments cut where a caption starts or ends");
        String video = manifest.getElementsByTagName("StreamIndex").item(0).getAttributes().getNamedItem("Name")
                .getNodeValue();
        List<Long> videoTimes = times.get(video);
        long bitrate = LiveEvents.bitrates(manifest, video).get(0);
        for (int i = 0; i < 8; i++) {
            long end = i + 1 < videoTimes.size() ? videoTimes.get(i + 1) : Long.MAX_VALUE;
            long newest = captions.stream().filter(t -> t < end).reduce((a, b) -> b).orElseThrow();
            HttpResponse<byte[]> fragment = events.admin().anonymous().getBytes(point + "/QualityLevels(" + bitrate
                    + ")/Fragments(" + video + "=" + videoTimes.get(i) + ")");
            assertEquals(200, fragment.statusCode());
            assertEquals("video/mp4;ChildTrack=\"textstream_en=" + newest + "\"",
                    fragment.headers().firstValue("Content-Type").orElse(""), "the Sparse Stream Pointer of fragment " + i);
        }

        HttpResponse<byte[]> caption = events.admin().anonymous().getBytes(point + "/QualityLevels(1000)/Fragments("
                + "textstream_en=" + captions.get(2) + ")");
        assertEquals("application/mp4;ChildTrack=\"textstream_en=" + captions.get(1) + "\"",
                caption.headers().firstValue("Content-Type").orElse(""), "a caption fragment points to the one before");

        Players.Result played = Players.play("smooth", events.url(point) + "/Manifest", 16);
        assertTrue(played.ok(), "dash.js plays the presentation with captions: " + played);
        List<JsonObject> cues = played.json().getJsonArray("textTracks").getValuesAs(JsonObject.class).stream()
                .flatMap(t -> t.getJsonArray("cues").getValuesAs(JsonObject.class).stream()).toList();
        Map<String, Double> expected = Map.of("First caption", 2.0, "Second caption", 7.0, "Third caption", 12.5);
        expected.forEach((text, start) -> assertTrue(cues.stream().anyMatch(c -> c.getString("text").strip().equals(text)
                && Math.abs(c.getJsonNumber("start").doubleValue() - start) <= 2.0),
                "dash.js shows \"" + text + "\" at " + start + " s: " + played.json().get("textTracks")));
    }

    @Test
    void captionsNoSparseEosKeepsThePointStartedAndManifestOutputCarriesTheSamplesInline() throws Exception {
        String point = RUN + "/captions-nosparseeos.isml";
        events.create(point, "{\"autoStart\":true}");
        Path vtt = Path.of(getClass().getResource("/org/openlss/it/captions.vtt").toURI());
        List<String> log = new ArrayList<>();
        assertEquals(0, run(60, log, "/rate:10", "/id:sparse", "/noSparseEOS", "/captions:" + vtt,
                "/captionsLanguage:en", "/captionsManifestOutput", events.publishUrl(point), ismv.toString()),
                log.toString());
        assertTrue(log.get(0).contains("sparse-stream0: " + ENDED), log.toString());
        assertTrue(log.get(0).contains("sparse-stream1: connection dropped without end of stream"), log.toString());
        ServerProcess.sleep(2000);
        assertEquals("Started", events.state(point), "the caption stream may come back: the event goes on");

        Document manifest = events.manifest(point);
        org.w3c.dom.Element captions = (org.w3c.dom.Element) manifest.getElementsByTagName("StreamIndex").item(2);
        assertEquals("TRUE", captions.getAttribute("ManifestOutput"));
        org.w3c.dom.NodeList inline = captions.getElementsByTagName("f");
        assertTrue(inline.getLength() >= 5, "every listed caption fragment has its sample inline");
        List<Long> times = LiveEvents.times(manifest).get("textstream_en");
        byte[] second = java.util.Base64.getDecoder().decode(inline.item(1).getTextContent());
        assertEquals(List.of(new org.openlss.mp4.text.Cue(2 * SECOND, 5 * SECOND, "First caption")),
                org.openlss.mp4.text.Ttml.read(second, times.get(1), times.get(2) - times.get(1)),
                "the sample as pushed: a TTML document timed from its fragment's start");
    }

    /** The StreamIndex Types in manifest order. */
    private static List<String> types(Document manifest) {
        org.w3c.dom.NodeList indexes = manifest.getElementsByTagName("StreamIndex");
        return IntStream.range(0, indexes.getLength())
                .mapToObj(i -> ((org.w3c.dom.Element) indexes.item(i)).getAttribute("Type")).toList();
    }

    @Test
    void createCreatesAMissingPointAndStartsIt() {
        String point = RUN + "/created.isml";
        List<String> log = new ArrayList<>();
        assertEquals(0, run(60, log, "/create", "/rate:10", "/id:create", withCredentials(point,
                Deployments.ADMIN_PASSWORD), ismv.toString()), log.toString());
        assertTrue(log.get(0).contains("created and started /" + point), log.toString());
        assertEquals(sourceTimes(1), LiveEvents.times(events.manifest(point)).values().iterator().next());
    }

    @Test
    void wrongCredentialsAMissingPointOrFileAndNoServerGiveAOneLineErrorAtOnce() {
        String existing = RUN + "/errors.isml";
        events.create(existing, "{\"autoStart\":true}");
        assertFails("401 wrong or missing credentials", "/create", withCredentials(RUN + "/denied.isml", "wrong"),
                ismv.toString());
        assertFails("404", events.url(RUN + "/missing.isml"), ismv.toString());
        assertFails("cannot read", events.url(existing), ismv.resolveSibling("no-such.ismv").toString());
        assertFails("cannot connect to 127.0.0.1:9", "http://127.0.0.1:9/x.isml", ismv.toString());
        HttpResponse<String> denied = events.admin().get(RUN + "/denied.isml/state", ManagementApiIT.JSON);
        assertEquals(404, denied.statusCode(), "nothing was created with wrong credentials");
    }

    @Test
    void anArchiveReplayedWithLiveArchiveYieldsTheArchivedMdatBytes() {
        String original = RUN + "/original.isml";
        events.create(original, "{\"autoStart\":true,\"archive\":{\"enabled\":true}}");
        List<String> log = new ArrayList<>();
        assertEquals(0, run(60, log, "/realtime:" + 3600 * SECOND, "/rate:10", "/id:rt",
                events.publishUrl(original), ismv.toString()), log.toString());
        Path first = completeArchive(original, "original");

        String replay = RUN + "/replay.isml";
        events.create(replay, "{\"autoStart\":true,\"archive\":{\"enabled\":true}}");
        assertEquals(0, run(60, log, "/liveArchive", "/rate:10", "/id:rt", events.publishUrl(replay),
                first.resolve("original.ism").toString()), log.toString());
        Path second = completeArchive(replay, "replay");

        List<ArchivedFiles.Fragment> archived = ArchivedFiles.fragments(first.resolve("rt-stream0.ismv"));
        List<ArchivedFiles.Fragment> replayed = ArchivedFiles.fragments(second.resolve("rt-stream0.ismv"));
        assertEquals(60, archived.size(), "30 s of 2 s fragments, four tracks");
        assertEquals(3600 * SECOND, archived.get(0).time(), "/realtime:start placed the first push at one hour");
        assertEquals(archived.stream().map(ArchivedFiles.Fragment::key).toList(),
                replayed.stream().map(ArchivedFiles.Fragment::key).toList(), "same tracks, same times");
        for (int i = 0; i < archived.size(); i++) {
            assertArrayEquals(archived.get(i).mdat(), replayed.get(i).mdat(), "mdat of " + archived.get(i).key());
        }
    }

    /** The archive folder of {@code point}'s event once its client manifest is written. */
    private Path completeArchive(String point, String name) {
        LiveEvents.await(Duration.ofSeconds(20), "DVR-only", () -> "Stopped".equals(events.state(point)));
        JsonObject status = LiveEvents.json(events.admin().get(point + "/state", ManagementApiIT.JSON).body())
                .getJsonObject("status");
        Path folder = Path.of(status.getString("archivePath"));
        LiveEvents.await(Duration.ofSeconds(20), "the archive complete", () -> Files.exists(folder.resolve(name + ".ismc")));
        return folder;
    }

    private void assertFails(String expected, String... args) {
        List<String> log = new ArrayList<>();
        long start = System.nanoTime();
        assertEquals(1, run(30, log, args), log.toString());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(20).toNanos(), "at once");
        List<String> errors = log.get(0).lines().filter(l -> l.startsWith("pushencoder: error: ")).toList();
        assertEquals(1, errors.size(), log.toString());
        assertTrue(errors.get(0).contains(expected), errors.get(0));
    }

    /** Runs the push encoder to its end, its output added to {@code logOut}; returns the exit status. */
    private static int run(long seconds, List<String> logOut, String... args) {
        try (Encoder push = Encoder.pushEncoder(args)) {
            int status = push.waitFor(seconds);
            logOut.add(push.log());
            return status;
        }
    }

    /** Track {@code trackId}'s fragment times in the ffmpeg file. */
    private List<Long> sourceTimes(int trackId) {
        return ArchivedFiles.fragments(ismv).stream().filter(f -> f.trackId() == trackId)
                .map(ArchivedFiles.Fragment::time).toList();
    }

    private String withCredentials(String point, String password) {
        return events.url(point).replaceFirst("://", "://" + Deployments.ADMIN + ":" + password + "@");
    }

    private String text(String path) {
        HttpResponse<byte[]> r = events.admin().anonymous().getBytes(path);
        assertEquals(200, r.statusCode(), path);
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    private static void assertIncreasing(List<Long> times) {
        for (int i = 1; i < times.size(); i++) {
            assertTrue(times.get(i) > times.get(i - 1), "increasing at " + i + ": " + times);
        }
    }
}
