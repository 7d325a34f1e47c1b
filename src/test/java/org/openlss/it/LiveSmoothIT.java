package org.openlss.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openlss.mp4.Bytes;
import org.openlss.testing.HlsPlaylists;
import org.openlss.testing.TestTools;
import org.w3c.dom.Document;

/**
 * Live ingest and Smooth delivery end to end: ffmpeg pushes ({@code smooth-push.sh}), dash.js plays in headless
 * Chromium ({@code play-check.js}), in the shapes real encoders take: one POST for all tracks, one POST per track,
 * reconnects, redundant encoders, malformed input.
 */
@ExtendWith(ArquillianExtension.class)
class LiveSmoothIT {
    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    private static final String DASH = "Manifest(format=mpd-time-cmaf)";

    /** Folder of this run's points: the server's data dir may hold earlier runs. */
    private static final String RUN = "e2e-" + Long.toString(System.currentTimeMillis(), 36);

    @ArquillianResource
    URL url;

    LiveEvents events;
    Path source;

    @BeforeEach
    void setUp() throws Exception {
        events = new LiveEvents(new Http(url.toURI().resolve("/"), Deployments.ADMIN, Deployments.ADMIN_PASSWORD));
        source = Media.content().resolve("source.mp4");
    }

    @Test
    void playsLiveOnEveryQualityLevelThenSeeksBackAfterTheEndOfStream() {
        String point = RUN + "/single.isml";
        events.create(point, "{\"title\":\"single POST\",\"autoStart\":true}");
        try (Encoder encoder = Encoder.push(source, events.url(point), "--loop")) {
            LiveEvents.await(Duration.ofSeconds(30), "three listed fragments", () -> events.videoChunks(point) >= 3);
            assertEquals("Started", events.state(point));
            Document manifest = events.manifest(point);
            List<Long> videoLevels = LiveEvents.bitrates(manifest, "video_und");
            assertEquals(3, videoLevels.size());

            Players.Result play = Players.play("smooth", events.url(point) + "/Manifest", 10, "--switch");
            assertTrue(play.ok(), play.toString());
            assertTrue(play.live());
            assertTrue(new HashSet<>(play.levelsPlayed()).containsAll(videoLevels), "every level played: " + play);

            JsonObject stats = events.statistics(point);
            JsonObject input = stats.getJsonArray("inputStreams").getJsonObject(0);
            assertEquals("stream1", input.getString("id"));
            assertEquals("127.0.0.1", input.getJsonObject("source").getString("sourceIp"));
            assertEquals(4, input.getJsonArray("tracks").size());
            for (JsonValue track : input.getJsonArray("tracks")) {
                assertTrue(track.asJsonObject().getJsonNumber("incomingBitRate").longValue() > 0, stats.toString());
            }
            assertTrue(stats.getJsonArray("destinations").toString().contains("IIS Smooth Streaming"), stats.toString());
            assertNoDuplicates(events.manifest(point));

            encoder.stop();
        }
        LiveEvents.await(Duration.ofSeconds(10), "DVR-only after end of stream", () -> "Stopped".equals(events.state(point)));
        Document ended = events.manifest(point);
        assertFalse(ended.getDocumentElement().hasAttribute("IsLive"));
        Players.Result replay = Players.play("smooth", events.url(point) + "/Manifest", 10);
        assertTrue(replay.ok(), "seek back through the DVR after the event: " + replay);
        assertFalse(replay.live());
    }

    /** With a 10-hour timestamp offset: the MPD's presentationTimeOffset makes it presentation time 0. */
    @Test
    void playsMpegDashLiveOnEveryLevelInDashJsAndShakaThenStaticFromTheStartAfterTheEnd() {
        String point = RUN + "/dash.isml";
        String mpdUrl = events.url(point) + "/" + DASH;
        events.create(point, "{\"autoStart\":true,\"hls\":{\"enabled\":true}}");
        try (Encoder encoder = Encoder.push(source, events.url(point), "--loop", "--start", "36000")) {
            LiveEvents.await(Duration.ofSeconds(30), "three listed fragments", () -> events.videoChunks(point) >= 3);
            List<Long> videoLevels = LiveEvents.bitrates(events.manifest(point), "video_und");
            Document mpd = DashManifests.get(events.admin(), point, DASH);
            assertEquals("dynamic", mpd.getDocumentElement().getAttribute("type"));
            List<DashManifests.Representation> levels = DashManifests.representations(mpd);
            assertTrue(levels.get(0).times().get(0) >= 36_000L * 10_000_000L, "the encoder's 10-hour offset");
            assertEquals(videoLevels, levels.stream().filter(l -> l.contentType().equals("video"))
                    .map(DashManifests.Representation::bandwidth).toList());
            for (DashManifests.Representation level : levels) {
                String probe = DashManifests.probe(events.admin(), point, level, level.times().get(0));
                assertTrue(probe.matches("(h264|aac),[1-9][0-9]*"), level + ": " + probe);
            }

            Players.Result play = Players.play("dash", mpdUrl, 10, "--switch");
            assertTrue(play.ok(), play.toString());
            assertTrue(play.live());
            assertTrue(new HashSet<>(play.levelsPlayed()).containsAll(videoLevels), "every level played: " + play);
            Players.Result shaka = Players.play("shaka", mpdUrl, 10);
            assertTrue(shaka.ok(), shaka.toString());
            assertTrue(shaka.live());
            Players.Result fmp4 = Players.play("hls", events.url(point) + "/Manifest(format=m3u8-cmaf)", 8);
            assertTrue(fmp4.ok() && fmp4.live(), "HLS with fMP4 at a 10-hour offset: " + fmp4);
            JsonObject stats = events.statistics(point);
            assertTrue(stats.getJsonArray("destinations").toString().contains("MPEG-DASH"), stats.toString());
            assertTrue(stats.getJsonArray("inputStreams").getJsonObject(0).getJsonArray("sinks").toString()
                    .contains("MPEG-DASH"), stats.toString());
            encoder.stop();
        }
        LiveEvents.await(Duration.ofSeconds(10), "DVR-only after end of stream", () -> "Stopped".equals(events.state(point)));
        Document ended = DashManifests.get(events.admin(), point, DASH);
        assertEquals("static", ended.getDocumentElement().getAttribute("type"));
        Players.Result replay = Players.play("dash", mpdUrl, 10);
        assertTrue(replay.ok(), "the whole event from its start after it ended: " + replay);
        assertFalse(replay.live());
    }

    @Test
    void playsHlsWithCmafSegmentsInHlsJsAndShakaWhenHlsIsEnabled() {
        String off = RUN + "/fmp4-off.isml";
        events.create(off, "{\"autoStart\":true}");
        HttpResponse<byte[]> disabled = events.admin().anonymous().getBytes(off + "/Manifest(format=m3u8-cmaf)");
        assertEquals(404, disabled.statusCode(), "HLS is off on the point");
        assertTrue(new String(disabled.body()).contains("needs Apple HTTP Live Streaming enabled"));
        String enabled = RUN + "/fmp4-hls.isml";
        String enabledMaster = events.url(enabled) + "/Manifest(format=m3u8-cmaf)";
        events.create(enabled, "{\"autoStart\":true,\"hls\":{\"enabled\":true}}");
        try (Encoder encoder = Encoder.push(source, events.url(enabled), "--loop")) {
            LiveEvents.await(Duration.ofSeconds(30), "three listed fragments", () -> events.videoChunks(enabled) >= 3);
            List<Long> videoLevels = LiveEvents.bitrates(events.manifest(enabled), "video_und");
            String text = new String(DashManifests.ok(events.admin(), enabled + "/Manifest(format=m3u8-cmaf)"),
                    java.nio.charset.StandardCharsets.UTF_8);
            List<HlsPlaylists.Variant> variants = HlsPlaylists.master(text);
            assertEquals(videoLevels.size(), variants.size(), text);
            variants.forEach(v -> assertTrue(v.attribute("CODECS").matches("avc1\\.[0-9a-f]{6},mp4a\\.40\\.2"), text));
            String media = new String(DashManifests.ok(events.admin(), enabled + "/" + variants.get(0).uri()),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(media.contains("#EXT-X-MAP:URI=\"Fragments(video_und=i,format=m3u8-cmaf)\""), media);

            Players.Result hlsJs = Players.play("hls", enabledMaster, 10, "--switch");
            assertTrue(hlsJs.ok(), hlsJs.toString());
            assertTrue(hlsJs.live());
            assertTrue(new HashSet<>(hlsJs.levelsPlayed()).containsAll(variants.stream()
                    .map(v -> Long.parseLong(v.attribute("BANDWIDTH"))).toList()), "every variant played: " + hlsJs);
            Players.Result shaka = Players.play("shaka", enabledMaster, 10);
            assertTrue(shaka.ok(), shaka.toString());
            JsonObject stats = events.statistics(enabled);
            assertTrue(stats.getJsonArray("destinations").toString().contains("HLS (fMP4)"), stats.toString());
            assertTrue(stats.getJsonArray("inputStreams").getJsonObject(0).getJsonArray("sinks").toString()
                    .contains("HLS (fMP4)"), stats.toString());
            encoder.stop();
        }
    }

    @Test
    void playsOnePostPerTrack() {
        String point = RUN + "/pertrack.isml";
        events.create(point, "{\"autoStart\":true,\"hls\":{\"enabled\":true}}");
        try (Encoder encoder = Encoder.push(source, events.url(point), "--loop", "--per-track")) {
            LiveEvents.await(Duration.ofSeconds(30), "three listed fragments", () -> events.videoChunks(point) >= 3);
            Document manifest = events.manifest(point);
            assertEquals(3, LiveEvents.bitrates(manifest, "video_und").size(), "three POSTs, each with track id 1");
            assertEquals(1, LiveEvents.bitrates(manifest, "audio_und").size());
            Players.Result play = Players.play("smooth", events.url(point) + "/Manifest", 10, "--switch");
            assertTrue(play.ok(), play.toString());
            Players.Result dash = Players.play("dash", events.url(point) + "/" + DASH, 8);
            assertTrue(dash.ok(), "MPEG-DASH of one POST per track: " + dash);
            DashManifests.assertNoOverlap(DashManifests.get(events.admin(), point, DASH));
            Players.Result fmp4 = Players.play("hls", events.url(point) + "/Manifest(format=m3u8-cmaf)", 8);
            assertTrue(fmp4.ok(), "HLS with fMP4 of one POST per track: " + fmp4);
            assertEquals(4, events.statistics(point).getJsonArray("inputStreams").size());
            assertNoDuplicates(events.manifest(point));
            bothLanesAnswerAlike(point, LiveEvents.bitrates(manifest, "video_und").get(0),
                    LiveEvents.times(manifest).get("video_und").get(0));
            encoder.stop();
        }
    }

    /**
     * A fragment that has left memory is sent from its DVR file after a rewritten {@code moof}: the same bytes on
     * Payara's fast lane as on the servlet path, whole, again and again on the same connections.
     */
    @Test
    void olderFragmentsComeFromTheDvrFilesWholeOnBothLanes() throws Exception {
        String point = RUN + "/dvrfiles.isml";
        events.create(point, "{\"autoStart\":true,\"clientConnections\":{\"liveCacheLength\":\"PT4S\"}}");
        try (Encoder encoder = Encoder.push(source, events.url(point), "--no-re", "-t", "20")) {
            LiveEvents.await(Duration.ofSeconds(60), "DVR-only after the push", () -> "Stopped".equals(events.state(point)));
        }
        Document manifest = events.manifest(point);
        long bitrate = LiveEvents.bitrates(manifest, "video_und").get(0);
        List<Long> times = LiveEvents.times(manifest).get("video_und");
        assertTrue(times.size() >= 6, "more fragments than the two kept in memory: " + times);
        String base = "/" + point + "/QualityLevels(" + bitrate + ")/";
        for (long time : List.of(times.get(0), times.get(1))) {
            String fragment = base + "Fragments(video_und=" + time + ")";
            for (int i = 0; i < 3; i++) {
                Lanes.assertAlike(events.admin().anonymous(), fragment, "GET");
                Lanes.assertAlike(events.admin().anonymous(), cmaf(fragment), "GET");
            }
            byte[] body = events.admin().anonymous().getBytes(fragment).body();
            long moof = Bytes.u32(body, 0);
            assertEquals(body.length, moof + Bytes.u32(body, (int) moof), "moof then mdat, nothing more or less");
            // the file region goes raw only on HTTP/1.1; an HTTP/2 stream (h2c, after the upgrade) frames its bytes
            for (HttpClient.Version version : HttpClient.Version.values()) {
                HttpClient client = HttpClient.newBuilder().version(version).build();
                for (int i = 0; i < 3; i++) {
                    HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(events.url(point)
                            + fragment.substring(point.length() + 1))).build(), HttpResponse.BodyHandlers.ofByteArray());
                    assertEquals(200, r.statusCode());
                    assertArrayEquals(body, r.body(), version + " request " + i + " (" + r.version() + ")");
                    if (i > 0) {
                        assertEquals(version, r.version(), "the protocol asked for");
                    }
                }
            }
        }
    }

    /** Player reads answer alike on the fast lane and the servlet path ({@link Lanes}). */
    private void bothLanesAnswerAlike(String point, long bitrate, long time) {
        String base = "/" + point + "/";
        String fragment = base + "QualityLevels(" + bitrate + ")/Fragments(video_und=" + time + ")";
        for (String resource : List.of(fragment, base + "QualityLevels(" + bitrate + ")/FragmentInfo(video_und=" + time
                + ")", base + "QualityLevels(" + bitrate + ")/Fragments(video_und=999999999999999)",
                base + "QualityLevels(1)/Fragments(video_und=" + time + ")", base + "QualityLevels(x)/Fragments(v=1)",
                base + "NoSuchThing", cmaf(fragment), cmaf(base + "QualityLevels(" + bitrate + ")/Fragments(video_und=i)"),
                cmaf(base + "QualityLevels(" + bitrate + ")/Fragments(video_und=999999999999999)"))) {
            Lanes.assertAlike(events.admin().anonymous(), resource, "GET");
            Lanes.assertAlike(events.admin().anonymous(), resource, "HEAD");
        }
        String etag = events.admin().anonymous().send("GET", fragment, null, null).headers().firstValue("ETag")
                .orElseThrow();
        Lanes.assertAlike(events.admin().anonymous(), fragment, "GET", "If-None-Match", etag);
        LiveEvents.await(Duration.ofSeconds(20), "the same manifest on both lanes", () -> {
            HttpResponse<byte[]> fast = events.admin().anonymous().getBytes(base + "Manifest");
            HttpResponse<byte[]> servlet = events.admin().anonymous().getBytes(Lanes.servletPath(base + "Manifest"));
            return fast.headers().firstValue("ETag").equals(servlet.headers().firstValue("ETag"))
                    && Arrays.equals(fast.body(), servlet.body());
        });
    }

    /** The CMAF (MPEG-DASH) form of a {@code Fragments(..)} resource. */
    private static String cmaf(String fragment) {
        return fragment.substring(0, fragment.length() - 1) + ",format=mpd-time-cmaf)";
    }

    @Test
    void anEncoderThatReconnectsContinuesTheTimelineWithoutDuplicates() {
        String point = RUN + "/reconnect.isml";
        events.create(point, "{\"autoStart\":true,\"hls\":{\"enabled\":true}}");
        try (Encoder encoder = Encoder.push(source, events.url(point), "--loop", "--reconnect", "3")) {
            LiveEvents.await(Duration.ofSeconds(30), "three listed fragments", () -> events.videoChunks(point) >= 3);
            encoder.dropConnection();
            int before = events.videoChunks(point);
            LiveEvents.await(Duration.ofSeconds(15), "the point still live after the drop",
                    () -> "Started".equals(events.state(point)));
            // the tool restarts ffmpeg at the elapsed time, leaving a gap; dash.js (which starts four fragments
            // behind the live edge) must start after it
            LiveEvents.await(Duration.ofSeconds(50), "eight fragments after the reconnect",
                    () -> events.videoChunks(point) >= before + 8);
            assertTrue(encoder.log().contains("attempt 2"), encoder.log());
            assertNoDuplicates(events.manifest(point));
            Players.Result play = Players.play("smooth", events.url(point) + "/Manifest", 8);
            assertTrue(play.ok(), play.toString());
            DashManifests.assertNoOverlap(DashManifests.get(events.admin(), point, DASH));
            Players.Result dash = Players.play("dash", events.url(point) + "/" + DASH, 8);
            assertTrue(dash.ok(), "MPEG-DASH across the reconnect: " + dash);

            String master = new String(DashManifests.ok(events.admin(), point + "/Manifest(format=m3u8-cmaf)"),
                    java.nio.charset.StandardCharsets.UTF_8);
            HlsPlaylists.Media media = HlsPlaylists.media(new String(DashManifests.ok(events.admin(),
                    point + "/" + HlsPlaylists.master(master).get(0).uri()), java.nio.charset.StandardCharsets.UTF_8));
            List<Long> hlsTimes = media.segments().stream().map(HlsPlaylists.Segment::time).toList();
            List<Long> dashTimes = DashManifests.representations(DashManifests.get(events.admin(), point, DASH))
                    .stream().filter(r -> r.contentType().equals("video")).findFirst().orElseThrow().times();
            assertEquals(0, media.mediaSequence(), "whole-event DVR: numbered from the event's first fragment");
            int listedInBoth = Math.min(hlsTimes.size(), dashTimes.size()); // the MPD was read a moment later
            assertEquals(dashTimes.subList(0, listedInBoth), hlsTimes.subList(0, listedInBoth),
                    "the same fragments as the MPD, once each");
            assertTrue(media.segments().stream().anyMatch(HlsPlaylists.Segment::discontinuity),
                    "the reconnect's gap is a discontinuity: " + media.text());
            Players.Result hls = Players.play("hls", events.url(point) + "/Manifest(format=m3u8-cmaf)", 8);
            assertTrue(hls.ok(), "fMP4 HLS across the reconnect: " + hls);
            encoder.stop();
        }
    }

    /**
     * A recorded ffmpeg push replayed by two encoders at once, one of them dying half-way and reconnecting with
     * everything again: one timeline without duplicates, and every fragment's mdat served exactly as ingested.
     */
    @Test
    void redundantAndReconnectingEncodersServeTheIngestedBytesOnce() throws Exception {
        String point = RUN + "/bytes.isml";
        events.create(point, "{\"autoStart\":true}");
        Path body = Path.of(getClass().getResource("/org/openlss/mp4/ffmpeg-stream1.body").toURI());
        String ingest = events.url(point) + "/Streams(stream1)";
        // the redundant encoder, at half speed, connects first and ends last: its end of stream ends the stream (and
        // the event), so the others start only once it feeds the stream, and must be done before its 8 s are over
        // or they would meet a Stopped point (a late start of it did that on a loaded CI machine)
        CompletableFuture<String> redundant = CompletableFuture.supplyAsync(() -> TestTools.run(
                LiveEvents.fmp4Post("--speed", "0.5", body.toString(), ingest), new byte[0]), r -> new Thread(r).start());
        LiveEvents.await(Duration.ofSeconds(30), "the redundant encoder's stream",
                () -> redundant.isDone() || "Started".equals(events.state(point)));
        TestTools.runAllowingFailure(LiveEvents.fmp4Post("--speed", "4", "--abort-after", "6", "--no-mfra",
                body.toString(), ingest));
        TestTools.run(LiveEvents.fmp4Post("--no-pace", body.toString(), ingest), new byte[0]);
        redundant.get();
        LiveEvents.await(Duration.ofSeconds(10), "DVR-only", () -> "Stopped".equals(events.state(point)));

        Document manifest = events.manifest(point);
        Map<String, List<Long>> times = LiveEvents.times(manifest);
        assertEquals(List.of(4, 4), times.values().stream().map(List::size).toList(), "no duplicate: " + times);
        List<Long> video = LiveEvents.bitrates(manifest, "video_und");
        List<Long> audio = LiveEvents.bitrates(manifest, "audio_und");
        byte[] captured = Files.readAllBytes(body);
        List<String> lines = Files.readAllLines(body.resolveSibling("ffmpeg-stream1.fragments"));
        int compared = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.trim().split("\\s+");
            int track = Integer.parseInt(f[0]);
            long time = Long.parseLong(f[1]);
            int mdatOffset = Integer.parseInt(f[6]);
            int mdatSize = Integer.parseInt(f[7]);
            String resource = track == 3 ? "QualityLevels(" + audio.get(0) + ")/Fragments(audio_und=" + time + ")"
                    : "QualityLevels(" + video.get(track - 1) + ")/Fragments(video_und=" + time + ")";
            HttpResponse<byte[]> served = events.admin().anonymous().getBytes(point + "/" + resource);
            assertEquals(200, served.statusCode(), resource);
            byte[] fragment = served.body();
            int moofSize = ((fragment[0] & 0xff) << 24) | ((fragment[1] & 0xff) << 16) | ((fragment[2] & 0xff) << 8)
                    | (fragment[3] & 0xff);
            assertArrayEquals(Arrays.copyOfRange(captured, mdatOffset, mdatOffset + mdatSize),
                    Arrays.copyOfRange(fragment, moofSize, fragment.length), "mdat of " + resource);
            assertTrue(TestTools.boxdump(fragment).contains("uuid[tfrf]"), "every live fragment carries a tfrf");
            String cmaf = cmaf(resource);
            byte[] segment = DashManifests.ok(events.admin(), point + "/" + cmaf);
            assertArrayEquals(Arrays.copyOfRange(captured, mdatOffset, mdatOffset + mdatSize),
                    Arrays.copyOfRange(segment, segment.length - mdatSize, segment.length), "mdat of " + cmaf);
            compared++;
        }
        assertEquals(12, compared);
        Document mpd = DashManifests.get(events.admin(), point, DASH);
        DashManifests.assertNoOverlap(mpd);
        assertEquals(List.of(4, 4), DashManifests.representations(mpd).stream()
                .filter(r -> r.bandwidth() == video.get(0) || r.bandwidth() == audio.get(0))
                .map(r -> r.times().size()).toList(), "one segment per fragment, none twice");
    }

    @Test
    void malformedIngestEndsOnlyThatStreamWhileAnotherKeepsPlaying() throws Exception {
        String point = RUN + "/victim.isml";
        events.create(point, "{\"autoStart\":true}");
        events.create(RUN + "/target.isml", "{\"autoStart\":true}");
        try (Encoder encoder = Encoder.push(source, events.url(point), "--loop")) {
            LiveEvents.await(Duration.ofSeconds(30), "three listed fragments", () -> events.videoChunks(point) >= 3);
            CompletableFuture<Players.Result> play = CompletableFuture.supplyAsync(
                    () -> Players.play("smooth", events.url(point) + "/Manifest", 10));
            byte[] ftyp = {0, 0, 0, 16, 'f', 't', 'y', 'p', 'i', 's', 'm', 'l', 0, 0, 2, 0};
            for (String target : new String[] {point + "/Streams(evil)", RUN + "/target.isml/Streams(evil)"}) {
                for (byte[] prefix : new byte[][] {new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, ftyp}) {
                    RawIngest.Outcome outcome = RawIngest.post(URI.create(events.url(target)), prefix, 20);
                    assertEquals(400, outcome.status(), outcome.toString());
                    assertTrue(outcome.secondsUntilClosed() < 10, "the connection is closed: " + outcome);
                }
            }
            Players.Result result = play.get();
            assertTrue(result.ok(), "the other stream kept playing: " + result);
            assertEquals("Started", events.state(point));
            assertEquals(1, events.statistics(point).getJsonArray("inputStreams").size(), "the refused streams left nothing");
            encoder.stop();
        }
    }

    @Test
    void whoMayPushAndWhoMayWatch() throws Exception {
        Http anonymous = events.admin().anonymous();
        Http encoder = new Http(anonymous.base(), Deployments.ENCODER, Deployments.ENCODER_PASSWORD);
        events.create(RUN + "/manual.isml", "{}");
        assertEquals(401, anonymous.send("POST", RUN + "/manual.isml/Streams(s)", null, "").statusCode(),
                "publishing needs credentials");
        assertEquals(404, encoder.send("POST", RUN + "/manual.isml/Streams(s)", null, "").statusCode(),
                "a shut-down point without AutoStart refuses encoders");
        events.state(RUN + "/manual.isml", "Started");
        assertEquals(200, encoder.send("POST", RUN + "/manual.isml/Streams(s)", null, "").statusCode(), "the probe");
        assertEquals(200, events.admin().send("POST", RUN + "/manual.isml/Streams(s)", null, "").statusCode(),
                "the administrator may publish too");
        assertEquals(401, new Http(anonymous.base(), Deployments.ENCODER, "wrong")
                .send("POST", RUN + "/manual.isml/Streams(s)", null, "").statusCode());
        events.create(RUN + "/open.isml", "{\"autoStart\":true,\"anonymousIngest\":true}");
        assertEquals(200, anonymous.send("POST", RUN + "/open.isml/Streams(s)", null, "").statusCode(),
                "a point that takes anonymous encoders");
        assertEquals(400, anonymous.get(RUN + "/manual.isml/QualityLevels(abc)/Fragments(video=0)", "*/*").statusCode());
        assertEquals(404, anonymous.get(RUN + "/manual.isml/Manifest", "*/*").statusCode(), "no data yet");

        events.create(RUN + "/pull.isml", "{\"sourceType\":\"Pull\",\"pullFrom\":[{\"url\":\"http://127.0.0.1:9/x.isml\"}]}");
        events.state(RUN + "/pull.isml", "Started");
        assertEquals(403, encoder.send("POST", RUN + "/pull.isml/Streams(s)", null, "").statusCode());

        events.create(RUN + "/noclients.isml", "{\"autoStart\":true,\"clientConnections\":{\"enabled\":false}}");
        assertEquals(403, anonymous.get(RUN + "/noclients.isml/Manifest", "*/*").statusCode());

        String credential = "{\"name\":\"" + RUN + "\",\"userName\":\"enc\",\"password\":\"push-secret\"}";
        assertEquals(201, events.admin().send("POST", "services/smoothstreaming/credentials", ManagementApiIT.JSON,
                credential).statusCode());
        events.create(RUN + "/secured.isml", "{\"autoStart\":true,\"ingestCredential\":\"" + RUN + "\"}");
        assertEquals(401, anonymous.send("POST", RUN + "/secured.isml/Streams(s)", null, "").statusCode());
        assertEquals(401, new Http(anonymous.base(), "enc", "wrong").send("POST", RUN + "/secured.isml/Streams(s)", null, "")
                .statusCode());
        assertEquals(200, new Http(anonymous.base(), "enc", "push-secret")
                .send("POST", RUN + "/secured.isml/Streams(s)", null, "").statusCode());

        String restart = RUN + "/restart.isml";
        events.create(restart, "{\"autoStart\":true,\"autoRestartOnEncoderReconnect\":true}");
        Path body = Path.of(getClass().getResource("/org/openlss/mp4/ffmpeg-tiny.body").toURI());
        TestTools.run(LiveEvents.fmp4Post("--no-pace", body.toString(), events.url(restart) + "/Streams(a)"),
                new byte[0]);
        LiveEvents.await(Duration.ofSeconds(10), "stopped", () -> "Stopped".equals(events.state(restart)));
        assertNotNull(events.manifest(restart));
        TestTools.run(LiveEvents.fmp4Post("--no-pace", "--max-fragments", "2", "--no-mfra", body.toString(),
                events.url(restart) + "/Streams(a)"), new byte[0]);
        LiveEvents.await(Duration.ofSeconds(10), "a new event", () -> "Started".equals(events.state(restart)));
        assertFalse(events.manifest(restart) != null && LiveEvents.times(events.manifest(restart)).values().stream()
                .anyMatch(t -> t.size() > 2), "the new event starts with an empty timeline");
    }

    @Test
    void anotherConnectionCanNeitherTakeOverNorEndALiveEvent() throws Exception {
        String point = RUN + "/guarded.isml";
        events.create(point, "{\"autoStart\":true}");
        try (Encoder intruder = Encoder.pushAs(null, source, events.url(point), "--no-re", "-t", "30")) {
            assertTrue(intruder.waitFor(60) != 0, "ffmpeg without credentials is refused: " + intruder.log());
        }
        assertEquals("Idle", events.state(point), "the anonymous push started nothing");

        try (Encoder encoder = Encoder.push(source, events.url(point), "--loop")) {
            LiveEvents.await(Duration.ofSeconds(30), "three listed fragments", () -> events.videoChunks(point) >= 3);
            CompletableFuture<Players.Result> play = CompletableFuture.supplyAsync(
                    () -> Players.play("smooth", events.url(point) + "/Manifest", 12));
            try (Encoder intruder = Encoder.pushAs(null, source, events.url(point), "--no-re", "-t", "30")) {
                assertTrue(intruder.waitFor(60) != 0, "a second anonymous connection is refused: " + intruder.log());
            }
            // a redundant encoder signed in: its fragments are duplicates, its end of stream ends only its connection
            try (Encoder redundant = Encoder.push(source, events.url(point), "--no-re", "-t", "4")) {
                assertEquals(0, redundant.waitFor(60), redundant.log());
            }
            int listed = events.videoChunks(point);
            LiveEvents.await(Duration.ofSeconds(20), "the live edge moving on", () -> events.videoChunks(point) > listed + 1);
            assertEquals("Started", events.state(point), "the first encoder still feeds the event");
            Players.Result result = play.get();
            assertTrue(result.ok() && result.live(), "the event kept playing: " + result);
            assertEquals(1, events.statistics(point).getJsonArray("inputStreams").size());
            assertNoDuplicates(events.manifest(point));
            encoder.stop();
        }
        LiveEvents.await(Duration.ofSeconds(10), "DVR-only after the encoder's end of stream",
                () -> "Stopped".equals(events.state(point)));
    }

    @Test
    void streamsBeyondThePointsLimitAndConnectionsWithoutFragmentsLeaveNothingBehind() throws Exception {
        String point = RUN + "/bounded.isml";
        events.create(point, "{\"autoStart\":true,\"maxStreams\":1}");
        String body = Path.of(getClass().getResource("/org/openlss/mp4/ffmpeg-tiny.body").toURI()).toString();
        String headersOnly = TestTools.runAllowingFailure(LiveEvents.fmp4Post("--no-pace", "--max-fragments", "0",
                "--no-mfra", body, events.url(point) + "/Streams(silent)"));
        assertTrue(headersOnly.contains("200"), headersOnly);
        assertEquals(0, events.statistics(point).getJsonArray("inputStreams").size(), "headers alone are no stream");

        TestTools.run(LiveEvents.fmp4Post("--no-pace", "--max-fragments", "2", "--no-mfra", body,
                events.url(point) + "/Streams(a)"), new byte[0]);
        String second = TestTools.runAllowingFailure(LiveEvents.fmp4Post("--no-pace", body,
                events.url(point) + "/Streams(b)"));
        assertTrue(second.contains("403"), "one stream more than the limit: " + second);
        JsonObject stats = events.statistics(point);
        assertEquals(1, stats.getJsonArray("inputStreams").size(), stats.toString());
        assertEquals("a", stats.getJsonArray("inputStreams").getJsonObject(0).getString("id"));
    }

    /**
     * Issue 17's event log: an encoder connects, drops, reconnects and ends its stream; {@code GET <point>/events}
     * lists it in JSON and Atom, newest first, with UTC times, between the state changes it caused; the
     * administrator's only.
     */
    @Test
    void theEventLogListsConnectsReconnectsEndOfStreamAndStateChangesInOrder() throws Exception {
        String point = RUN + "/eventlog.isml";
        events.create(point, "{\"autoStart\":true}");
        try (Encoder encoder = Encoder.push(source, events.url(point), "--loop", "--reconnect", "3")) {
            LiveEvents.await(Duration.ofSeconds(30), "three listed fragments", () -> events.videoChunks(point) >= 3);
            encoder.dropConnection();
            LiveEvents.await(Duration.ofSeconds(30), "the reconnect in the log",
                    () -> eventKinds(point).contains("RECONNECTED"));
            encoder.stop();
        }
        LiveEvents.await(Duration.ofSeconds(30), "the event over", () -> "Stopped".equals(events.state(point)));

        HttpResponse<String> json = events.admin().get(point + "/events", ManagementApiIT.JSON);
        assertEquals(200, json.statusCode(), json.body());
        List<JsonObject> log = LiveEvents.json(json.body()).getJsonArray("events").getValuesAs(JsonObject.class);
        List<String> lines = log.stream().map(e -> e.getString("kind") + " " + e.getString("stream") + " "
                + e.getString("text")).collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
        java.util.Collections.reverse(lines);
        List<JsonObject> oldestFirst = new java.util.ArrayList<>(log);
        java.util.Collections.reverse(oldestFirst);
        assertInOrder(lines, "STATE_CHANGED  Idle → Starting", "CONNECTED stream1 from 127.0.0.1",
                "STATE_CHANGED  Starting → Started", "DISCONNECTED stream1 from 127.0.0.1 without end of stream",
                "RECONNECTED stream1 from 127.0.0.1", "END_OF_STREAM stream1 from 127.0.0.1",
                "STATE_CHANGED  Started → Stopping", "STATE_CHANGED  Stopping → Stopped");
        // the encoder closes its connection after the end of stream, a moment before or after the point stops
        assertTrue(lines.indexOf("DISCONNECTED stream1 from 127.0.0.1 after end of stream")
                > lines.indexOf("END_OF_STREAM stream1 from 127.0.0.1"), lines.toString());
        Instant previous = Instant.EPOCH;
        for (JsonObject event : oldestFirst) {
            Instant time = Instant.parse(event.getString("time"));
            assertTrue(event.getString("time").endsWith("Z"), "UTC: " + event);
            assertFalse(time.isBefore(previous), "in the order they happened: " + log);
            assertTrue(Duration.between(time, Instant.now()).toMinutes() < 5, "when it happened: " + event);
            previous = time;
        }
        assertEquals("Encoder connected", log.stream().filter(e -> e.getString("kind").equals("CONNECTED"))
                .findFirst().orElseThrow().getString("title"));

        HttpResponse<String> atom = events.admin().get(point + "/events", ManagementApiIT.ATOM);
        assertEquals(200, atom.statusCode(), atom.body());
        assertTrue(atom.headers().firstValue("Content-Type").orElse("").startsWith(ManagementApiIT.ATOM));
        javax.xml.parsers.DocumentBuilderFactory parsers = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        parsers.setNamespaceAware(true);
        Document feed = parsers.newDocumentBuilder().parse(new org.xml.sax.InputSource(
                new java.io.StringReader(atom.body())));
        org.w3c.dom.NodeList entries = feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
        assertEquals(log.size(), entries.getLength(), "one entry per event");
        for (int i = 0; i < log.size(); i++) {
            org.w3c.dom.Element entry = (org.w3c.dom.Element) entries.item(i);
            assertEquals(log.get(i).getString("title"), child(entry, "title"));
            assertEquals(log.get(i).getString("time"), child(entry, "updated"));
            assertTrue(child(entry, "summary").contains(log.get(i).getString("text")), child(entry, "summary"));
        }

        HttpResponse<String> unknown = events.admin().get(RUN + "/nosuch.isml/events", ManagementApiIT.JSON);
        assertEquals(404, unknown.statusCode(), unknown.body());
        assertEquals(404, events.admin().get("services/smoothstreaming/publishingpoint/" + RUN + "/nosuch.isml/events",
                ManagementApiIT.ATOM).statusCode());
        HttpResponse<String> anonymous = events.admin().anonymous().get(point + "/events", ManagementApiIT.JSON);
        assertEquals(401, anonymous.statusCode(), anonymous.body());
        assertFalse(anonymous.body().contains("stream1"), anonymous.body());
    }

    private List<String> eventKinds(String point) {
        HttpResponse<String> r = events.admin().get(point + "/events", ManagementApiIT.JSON);
        assertEquals(200, r.statusCode(), r.body());
        return LiveEvents.json(r.body()).getJsonArray("events").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("kind")).toList();
    }

    /** Each of {@code expected} starts (or, when it starts with an arrow, ends) a line after the previous one's. */
    private static void assertInOrder(List<String> lines, String... expected) {
        int at = 0;
        for (String want : expected) {
            boolean found = false;
            while (at < lines.size() && !found) {
                String line = lines.get(at++);
                found = want.startsWith("→") ? line.endsWith(want) : line.startsWith(want);
            }
            assertTrue(found, "'" + want + "' in order in " + lines);
        }
    }

    private static String child(org.w3c.dom.Element entry, String name) {
        return entry.getElementsByTagNameNS("http://www.w3.org/2005/Atom", name).item(0).getTextContent();
    }

    private static void assertNoDuplicates(Document manifest) {
        for (Map.Entry<String, List<Long>> stream : LiveEvents.times(manifest).entrySet()) {
            List<Long> t = stream.getValue();
            for (int i = 1; i < t.size(); i++) {
                assertTrue(t.get(i) > t.get(i - 1), stream.getKey() + " times must increase: " + t);
            }
        }
    }
}
