package org.openlss.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Document;

/**
 * Server-to-server syndication with separate server processes on loopback, each with its own data dir: an origin
 * pushing to an edge, an edge pulling from two origins with failover, credentials, peers that stop reading, and an
 * nginx cache in front of a distribution server (the README's configuration).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyndicationIT {
    private static final String RUN = "s" + Long.toString(System.currentTimeMillis(), 36);
    /** The pull source that survives; also the origin of the push tests. */
    private ServerProcess origin;
    private ServerProcess pullSource1;
    private ServerProcess pullSource2;
    private ServerProcess edge;
    private Path source;

    @BeforeAll
    void startServers() throws Exception {
        source = Media.content().resolve("source.mp4");
        CompletableFuture<ServerProcess> o = start(RUN + "-origin", Map.of("OPENLSS_SYNDICATION_MAX_BEHIND_FRAGMENTS", "20"));
        CompletableFuture<ServerProcess> p1 = start(RUN + "-source1", Map.of());
        CompletableFuture<ServerProcess> e = start(RUN + "-edge", Map.of());
        try {
            origin = o.get();
            pullSource1 = p1.get();
            pullSource2 = origin;
            edge = e.get();
        } catch (Exception failure) {
            // those that did start must not outlive the test
            for (CompletableFuture<ServerProcess> f : List.of(o, p1, e)) {
                f.thenAccept(ServerProcess::stop);
            }
            throw failure;
        }
    }

    private static CompletableFuture<ServerProcess> start(String name, Map<String, String> environment) {
        return CompletableFuture.supplyAsync(() -> ServerProcess.start(name, environment));
    }

    @AfterAll
    void stopServers() {
        for (ServerProcess server : new ServerProcess[] {origin, pullSource1, edge}) {
            if (server != null) {
                server.stop();
            }
        }
    }

    @Test
    void anOriginPushesToAnEdgeWhereClientsPlayTheSameBytes() {
        LiveEvents onOrigin = new LiveEvents(origin.admin());
        LiveEvents onEdge = new LiveEvents(edge.admin());
        onEdge.create("push/edge.isml", "{\"autoStart\":true,\"hls\":{\"enabled\":true,\"segmentLength\":\"PT2S\"}}");
        credential(origin, "edge-encoder", Deployments.ENCODER, Deployments.ENCODER_PASSWORD);
        onOrigin.create("push/origin.isml", "{\"autoStart\":true,\"pushTo\":[{\"url\":\"" + onEdge.url("push/edge.isml")
                + "\",\"credentialName\":\"edge-encoder\"}]}");
        try (Encoder encoder = Encoder.push(source, onOrigin.url("push/origin.isml"), "--loop")) {
            LiveEvents.await(Duration.ofSeconds(40), "fragments on the edge", () -> onEdge.videoChunks("push/edge.isml") >= 3);
            Players.Result play = Players.play("smooth", onEdge.url("push/edge.isml") + "/Manifest", 10);
            assertTrue(play.ok(), play.toString());
            Players.Result hls = Players.play("hls", onEdge.url("push/edge.isml") + "/manifest(format=m3u8-aapl)", 10);
            assertTrue(hls.ok(), "hls.js on the edge: " + hls);

            Document edgeManifest = onEdge.manifest("push/edge.isml");
            List<Long> bitrates = LiveEvents.bitrates(edgeManifest, "video_und");
            List<Long> times = LiveEvents.times(edgeManifest).get("video_und");
            for (long time : times.subList(0, 3)) {
                String fragment = "/QualityLevels(" + bitrates.get(0) + ")/Fragments(video_und=" + time + ")";
                byte[] onOriginBytes = origin.admin().anonymous().getBytes("push/origin.isml" + fragment).body();
                byte[] onEdgeBytes = edge.admin().anonymous().getBytes("push/edge.isml" + fragment).body();
                assertArrayEquals(onOriginBytes, onEdgeBytes, "fragment " + time + " byte-identical on the edge");
            }
            JsonObject stats = onOrigin.statistics("push/origin.isml");
            assertTrue(stats.getJsonArray("destinations").toString().contains("\"type\":\"HTTP Push\""), stats.toString());
            JsonObject edgeStats = onEdge.statistics("push/edge.isml");
            assertTrue(edgeStats.toString().contains("\"name\":\"HTTP Push\""), "the edge sees an HTTP Push source");
            encoder.stop();
        }
        LiveEvents.await(Duration.ofSeconds(20), "end of stream forwarded to the edge",
                () -> "Stopped".equals(onEdge.state("push/edge.isml")));
    }

    @Test
    void anEdgePullingFromTwoOriginsFailsOverWithoutGapOrDuplicate() throws Exception {
        LiveEvents one = new LiveEvents(pullSource1.admin());
        LiveEvents two = new LiveEvents(pullSource2.admin());
        LiveEvents onEdge = new LiveEvents(edge.admin());
        String settings = "{\"autoStart\":true,\"serverConnections\":{\"enabled\":true}}";
        one.create("pull/origin.isml", settings);
        two.create("pull/origin.isml", settings);
        onEdge.create("pull/edge.isml", "{\"autoStart\":true,\"hls\":{\"enabled\":true,\"segmentLength\":\"PT2S\"},"
                + "\"sourceType\":\"Pull\",\"pullFrom\":[{\"url\":\""
                + one.url("pull/origin.isml") + "\"},{\"url\":\"" + two.url("pull/origin.isml") + "\"}]}");
        try (Encoder first = Encoder.push(source, one.url("pull/origin.isml"), "--loop");
             Encoder second = Encoder.push(source, two.url("pull/origin.isml"), "--loop")) {
            LiveEvents.await(Duration.ofSeconds(40), "the edge pulling", () -> onEdge.videoChunks("pull/edge.isml") >= 3);
            assertTrue(onEdge.statistics("pull/edge.isml").toString().contains("\"name\":\"HTTP Pull\""));
            CompletableFuture<Players.Result> play = CompletableFuture.supplyAsync(
                    () -> Players.play("smooth", onEdge.url("pull/edge.isml") + "/Manifest", 16));
            ServerProcess.sleep(4000);
            int before = onEdge.videoChunks("pull/edge.isml");
            pullSource1.kill();
            LiveEvents.await(Duration.ofSeconds(40), "the edge continuing from the second origin",
                    () -> onEdge.videoChunks("pull/edge.isml") >= before + 4);
            Players.Result result = play.get(90, TimeUnit.SECONDS);
            assertTrue(result.ok(), "the player on the edge kept playing across the failover: " + result);
            Document manifest = onEdge.manifest("pull/edge.isml");
            for (Map.Entry<String, List<Long>> stream : LiveEvents.times(manifest).entrySet()) {
                assertContinuous(stream.getKey(), manifest, stream.getValue());
            }
            long bitrate = LiveEvents.bitrates(manifest, "video_und").get(0);
            String playlist = edge.admin().anonymous().get("pull/edge.isml/QualityLevels(" + bitrate
                    + ")/Manifest(video_und,format=m3u8-aapl)", "*/*").body();
            assertTrue(playlist.contains("#EXT-X-MEDIA-SEQUENCE:0"), playlist);
            assertTrue(!playlist.contains("#EXT-X-DISCONTINUITY"), "no break in the HLS sequence: " + playlist);
            assertTrue(playlist.split("#EXTINF").length > 6, playlist);
            String log = onEdge.admin().get("pull/edge.isml/events", ManagementApiIT.JSON).body();
            assertTrue(log.contains("\"kind\":\"SYNDICATION_FAILOVER\"") && log.contains("from "
                    + one.url("pull/origin.isml")) && log.contains(" to " + two.url("pull/origin.isml")),
                    "the failover in the edge's event log: " + log);
            second.stop();
        }
    }

    @Test
    void aWrongCredentialShowsAsAnAuthenticationErrorAndTheRightOneWorks() throws Exception {
        LiveEvents onOrigin = new LiveEvents(pullSource2.admin());
        LiveEvents onEdge = new LiveEvents(edge.admin());
        credential(pullSource2, "exchange", "syndicator", "right-secret");
        credential(edge, "wrong", "syndicator", "wrong-secret");
        credential(edge, "right", "syndicator", "right-secret");
        onOrigin.create("auth/origin.isml", "{\"autoStart\":true,\"serverConnections\":{\"enabled\":true},"
                + "\"ingestCredential\":\"exchange\"}");
        String pull = "{\"autoStart\":true,\"sourceType\":\"Pull\",\"pullFrom\":[{\"url\":\""
                + onOrigin.url("auth/origin.isml") + "\",\"credentialName\":\"%s\"}]}";
        onEdge.create("auth/edge.isml", String.format(pull, "wrong"));
        onEdge.state("auth/edge.isml", "Started");
        Path body = Path.of(getClass().getResource("/org/openlss/mp4/ffmpeg-stream1.body").toURI());
        String basic = java.util.Base64.getEncoder().encodeToString("syndicator:right-secret"
                .getBytes(StandardCharsets.UTF_8));
        org.openlss.testing.TestTools.run(List.of("python3",
                org.openlss.testing.TestTools.encoder("fmp4-post.py"), "--no-pace", "--header",
                "Authorization: Basic " + basic, body.toString(), onOrigin.url("auth/origin.isml") + "/Streams(s)"),
                new byte[0]);
        LiveEvents.await(Duration.ofSeconds(30), "the authentication error in the edge's status", () ->
                onEdge.admin().get("auth/edge.isml/state", ManagementApiIT.JSON).body().contains("authentication failed"));
        onEdge.state("auth/edge.isml", "Idle");
        HttpResponse<String> fixed = onEdge.admin().send("PUT", "auth/edge.isml/settings", ManagementApiIT.JSON,
                String.format(pull, "right"));
        assertEquals(200, fixed.statusCode(), fixed.body());
        onEdge.state("auth/edge.isml", "Started");
        LiveEvents.await(Duration.ofSeconds(40), "fragments pulled with the right credential",
                () -> onEdge.videoChunks("auth/edge.isml") >= 2);
        assertTrue(!onEdge.admin().get("auth/edge.isml/state", ManagementApiIT.JSON).body()
                .contains("authentication failed"), "the error is gone");
    }

    @Test
    void peersThatStopReadingNeitherSlowIngestNorGrowTheOrigin() throws Exception {
        LiveEvents onOrigin = new LiveEvents(origin.admin());
        try (ServerSocket sink = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            onOrigin.create("slow/origin.isml", "{\"autoStart\":true,\"serverConnections\":{\"enabled\":true},"
                    + "\"pushTo\":[{\"url\":\"http://127.0.0.1:" + sink.getLocalPort() + "/never/reads.isml\"}]}");
            CompletableFuture<Void> acceptForever = CompletableFuture.runAsync(() -> acceptAndNeverRead(sink));
            try (Encoder encoder = Encoder.push(source, onOrigin.url("slow/origin.isml"), "--loop")) {
                LiveEvents.await(Duration.ofSeconds(30), "fragments", () -> onOrigin.videoChunks("slow/origin.isml") >= 2);
                try (Socket puller = new Socket()) {
                    // a small window must be set before connecting, or the kernel absorbs megabytes for the peer
                    puller.setReceiveBufferSize(4096);
                    puller.connect(new java.net.InetSocketAddress("127.0.0.1", origin.port()));
                    OutputStream out = puller.getOutputStream();
                    out.write(("GET /slow/origin.isml/Streams(stream1) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    int atStart = onOrigin.videoChunks("slow/origin.isml");
                    ServerProcess.sleep(12_000);
                    int later = onOrigin.videoChunks("slow/origin.isml");
                    assertTrue(later >= atStart + 4, "ingest kept its real-time pace: " + atStart + " -> " + later);
                    // watch the origin, not the socket: reading would make the peer a reader
                    LiveEvents.await(Duration.ofSeconds(150), "the non-reading puller cut off at its lag limit",
                            () -> !origin.logLines("slow/origin.isml/Streams(stream1) by").isEmpty());
                    assertTrue(closedByPeer(puller), "the connection was closed");
                }
                assertTrue(onOrigin.admin().get("slow/origin.isml/state", ManagementApiIT.JSON).body()
                        .contains("\"value\":\"Started\""));
                encoder.stop();
            }
            acceptForever.cancel(true);
        }
    }

    @Test
    void anNginxCacheInFrontOfADistributionServerServesFragments() throws Exception {
        LiveEvents onEdge = new LiveEvents(edge.admin());
        onEdge.create("cache/edge.isml", "{\"autoStart\":true}");
        Path body = Path.of(getClass().getResource("/org/openlss/mp4/ffmpeg-stream1.body").toURI());
        org.openlss.testing.TestTools.run(LiveEvents.fmp4Post("--no-pace", body.toString(),
                onEdge.url("cache/edge.isml") + "/Streams(s)"), new byte[0]);
        Path dir = Path.of(System.getProperty("openlss.build.dir", "target"), "it-data", RUN + "-nginx").toAbsolutePath();
        Files.createDirectories(dir.resolve("cache"));
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        String sample = cacheConfiguration()
                .replace("/var/cache/nginx/openlss", dir.resolve("cache").toString())
                .replace("listen 80;", "listen 127.0.0.1:" + port + ";")
                .replace("edge-1:8080", "127.0.0.1:" + edge.port())
                .replace("edge-2:8080", "127.0.0.1:" + edge.port());
        Files.writeString(dir.resolve("nginx.conf"), "daemon off;\nworker_processes 1;\npid " + dir.resolve("nginx.pid")
                + ";\nerror_log " + dir.resolve("error.log") + ";\nevents {}\nhttp {\naccess_log off;\n"
                + "client_body_temp_path " + dir + "/body;\nproxy_temp_path " + dir + "/proxy;\n"
                + "fastcgi_temp_path " + dir + "/fcgi;\nuwsgi_temp_path " + dir + "/uwsgi;\nscgi_temp_path "
                + dir + "/scgi;\n" + sample + "\n}\n");
        Process nginx = new ProcessBuilder("nginx", "-p", dir.toString(), "-c", dir.resolve("nginx.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
        try {
            Http cache = new Http(java.net.URI.create("http://127.0.0.1:" + port + "/"), null, null);
            LiveEvents.await(Duration.ofSeconds(10), "nginx listening", () -> {
                try {
                    return cache.get("cache/edge.isml/Manifest", "*/*").statusCode() == 200;
                } catch (RuntimeException e) {
                    return false;
                }
            });
            Document manifest = onEdge.manifest("cache/edge.isml");
            long bitrate = LiveEvents.bitrates(manifest, "video_und").get(0);
            long time = LiveEvents.times(manifest).get("video_und").get(1);
            String fragment = "cache/edge.isml/QualityLevels(" + bitrate + ")/Fragments(video_und=" + time + ")";
            HttpResponse<String> first = cache.get(fragment, "*/*");
            HttpResponse<String> second = cache.get(fragment, "*/*");
            assertEquals("MISS", first.headers().firstValue("X-Cache-Status").orElse(""));
            assertEquals("HIT", second.headers().firstValue("X-Cache-Status").orElse(""), "fragments come from the cache");
            HttpResponse<String> notYet = cache.get("cache/edge.isml/QualityLevels(" + bitrate
                    + ")/Fragments(video_und=999999999999)", "*/*");
            HttpResponse<String> notYetAgain = cache.get("cache/edge.isml/QualityLevels(" + bitrate
                    + ")/Fragments(video_und=999999999999)", "*/*");
            assertEquals(412, notYetAgain.statusCode());
            assertTrue(!"HIT".equals(notYetAgain.headers().firstValue("X-Cache-Status").orElse("")),
                    "a 412 is never served from the cache: " + notYet.headers().map());
        } finally {
            nginx.destroy();
            nginx.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** The nginx configuration that docker-compose.yml mounts, which the README shows as it is. */
    private static String cacheConfiguration() throws IOException {
        Path project = Path.of(System.getProperty("openlss.build.dir", "target")).getParent();
        String configuration = Files.readString(project.resolve("src/deploy/nginx/openlss-cache.conf"));
        String readme = Files.readString(project.resolve("README.md"));
        String block = readme.substring(readme.indexOf("<!-- nginx-cache-sample -->"),
                readme.indexOf("<!-- /nginx-cache-sample -->"));
        assertEquals(configuration, block.substring(block.indexOf("```nginx\n") + "```nginx\n".length(),
                block.lastIndexOf("```")), "the README shows src/deploy/nginx/openlss-cache.conf as it is");
        return configuration;
    }

    /** No duplicate, no gap: every fragment starts where the one before ended. */
    private static void assertContinuous(String stream, Document manifest, List<Long> times) {
        List<String> breaks = new ArrayList<>();
        org.w3c.dom.NodeList cs = manifest.getElementsByTagName("c");
        for (int i = 1; i < times.size(); i++) {
            if (times.get(i) <= times.get(i - 1)) {
                breaks.add("not increasing at " + times.get(i));
            }
        }
        int explicit = 0;
        for (int i = 0; i < cs.getLength(); i++) {
            org.w3c.dom.Element c = (org.w3c.dom.Element) cs.item(i);
            org.w3c.dom.Element index = (org.w3c.dom.Element) c.getParentNode();
            if (index.getAttribute("Name").equals(stream) && c.hasAttribute("t")) {
                explicit++;
            }
        }
        assertEquals(1, explicit, stream + ": only the first fragment has an explicit time (no gap) " + breaks);
        assertTrue(breaks.isEmpty(), stream + ": " + breaks);
    }

    private static void credential(ServerProcess server, String name, String user, String password) {
        HttpResponse<String> r = server.admin().send("POST", "services/smoothstreaming/credentials", ManagementApiIT.JSON,
                "{\"name\":\"" + name + "\",\"userName\":\"" + user + "\",\"password\":\"" + password + "\"}");
        assertTrue(r.statusCode() == 201 || r.body().contains("exists already"), r.body());
    }

    private static void acceptAndNeverRead(ServerSocket sink) {
        List<Socket> held = new ArrayList<>();
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Socket s = sink.accept();
                s.setReceiveBufferSize(4096);
                held.add(s);
            }
        } catch (IOException e) {
            // the test is over
        }
    }

    /** Whether the server closed the connection (reads drain what was sent before the close). */
    private static boolean closedByPeer(Socket socket) {
        try {
            socket.setSoTimeout(5000);
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[1 << 16];
            for (int i = 0; i < 2000; i++) {
                if (in.read(buffer) < 0) {
                    return true;
                }
            }
            return false;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
