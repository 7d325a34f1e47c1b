package org.openlss.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openlss.testing.ExternalTools;
import org.openlss.testing.HlsPlaylists;
import org.openlss.testing.TestTools;
import org.w3c.dom.Document;

/**
 * Archiving live events (archive-and-syndication.md §1) end to end: ffmpeg pushes, the server archives while the event
 * runs, ffprobe reads the files, dash.js plays them on demand from {@code /archive/}, and every archived mdat is
 * compared with what ffmpeg sent (recorded by {@code ingest-capture.py}).
 */
@ExtendWith(ArquillianExtension.class)
class ArchiveIT {
    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    /** Folder of this run's points: the server's data dir may hold earlier runs. */
    private static final String RUN = "arc-" + Long.toString(System.currentTimeMillis(), 36);

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
    void anEventIsArchivedWhileItRunsAndPlaysOnDemandFromTheArchive() {
        String point = RUN + "/channel1.isml";
        events.create(point, "{\"autoStart\":true,\"archive\":{\"enabled\":true}}");
        Map<String, byte[]> sent = IngestCapture.record(source, "--per-track");
        Path folder;
        try (Encoder encoder = Encoder.push(source, events.url(point), "--per-track")) {
            LiveEvents.await(Duration.ofSeconds(30), "three listed fragments", () -> events.videoChunks(point) >= 3);
            JsonObject status = status(point);
            assertEquals("Started", status.getString("archive"), status.toString());
            folder = Path.of(status.getString("archivePath"));
            assertTrue(folder.getParent().endsWith(Path.of("archive", RUN, "channel1")), "under the data dir's "
                    + "archive root, the point's path without .isml: " + folder);
            assertTrue(folder.getFileName().toString().matches("\\d{8}T\\d{6}Z"), "named by the start time: " + folder);
            String archiveUrl = "/archive/" + RUN + "/channel1/" + folder.getFileName() + "/channel1.ism/Manifest";
            assertEquals(archiveUrl, status.getString("archiveUrl"));
            JsonObject stats = events.statistics(point);
            assertEquals(folder.toString(), stats.getString("archivePath"));
            assertEquals(archiveUrl, stats.getString("archiveUrl"));
            for (JsonObject input : stats.getJsonArray("inputStreams").getValuesAs(JsonObject.class)) {
                String id = input.getString("id");
                assertEquals(id + (id.startsWith("audio") ? ".isma" : ".ismv"), input.getString("archiveFileName"));
            }
            assertTrue(Files.exists(folder.resolve("channel1.ism")), "the server manifest names the tracks at once");
            assertFalse(Files.exists(folder.resolve("channel1.ismc")), "the client manifest comes at the end");
            assertEquals(0, encoder.waitFor(60), encoder.log());
        }
        LiveEvents.await(Duration.ofSeconds(20), "the archive complete",
                () -> Files.exists(folder.resolve("channel1.ismc")));
        assertEquals(List.of("audio0.isma", "channel1.ism", "channel1.ismc", "video0.ismv", "video1.ismv",
                "video2.ismv"), ArchivedFiles.names(folder));
        assertEquals("Stopped", events.state(point));

        for (Map.Entry<String, byte[]> stream : sent.entrySet()) {
            Path file = folder.resolve(stream.getKey() + (stream.getKey().startsWith("audio") ? ".isma" : ".ismv"));
            List<String> probe = ArchivedFiles.probe(file);
            assertEquals(1, probe.size(), probe.toString());
            assertTrue(probe.get(0).matches((stream.getKey().startsWith("audio") ? "aac" : "h264") + ",\\d+"),
                    file + ": " + probe);
            assertSameFragments(ArchivedFiles.fragments(stream.getValue()), ArchivedFiles.fragments(file), file);
        }
        Document manifest = archiveManifest(folder);
        assertFalse(manifest.getDocumentElement().hasAttribute("IsLive"));
        List<Long> video = LiveEvents.bitrates(manifest, "video_und");
        assertEquals(3, video.size());
        assertServedAsArchived(folder, manifest, "video_und", video.get(0), archivedFile(folder, video.get(0)));

        Players.Result play = Players.play("smooth", base() + "/archive/" + RUN + "/channel1/" + folder.getFileName()
                + "/channel1.ism/Manifest", 10);
        assertTrue(play.ok(), "plays on demand from the archive: " + play);
        assertFalse(play.live());

        String archived = base() + "/archive/" + RUN + "/channel1/" + folder.getFileName() + "/channel1.ism/";
        Players.Result dash = Players.play("dash", archived + "Manifest(format=mpd-time-cmaf)", 10);
        assertTrue(dash.ok(), "MPEG-DASH from the archive: " + dash);
        assertFalse(dash.live());
        Players.Result hls = Players.play("hls", archived + "Manifest(format=m3u8-cmaf)", 10);
        assertTrue(hls.ok(), "HLS with CMAF segments from the archive: " + hls);
        assertFalse(hls.live());
        assertPlaysOnAppleDevices(folder, archived, video);
    }

    /**
     * The archive as Apple HTTP Live Streaming with TS segments: a variant per video level with the audio muxed in,
     * VOD playlists listing every archived video fragment as a segment, TS that ffprobe reads (H.264 and AAC),
     * decoded by ffmpeg and played by hls.js.
     */
    private void assertPlaysOnAppleDevices(Path folder, String archived, List<Long> videoBitrates) {
        Http anonymous = events.admin().anonymous();
        String master = playlist(anonymous, archived + "Manifest(format=m3u8-aapl)");
        List<HlsPlaylists.Variant> variants = HlsPlaylists.master(master);
        assertEquals(videoBitrates.size(), variants.size(), master);
        for (int i = 0; i < variants.size(); i++) {
            String uri = variants.get(i).uri();
            assertTrue(variants.get(i).attribute("CODECS").matches("avc1\\.\\w+,mp4a\\.40\\.\\d"), master);
            String text = playlist(anonymous, archived + uri);
            HlsPlaylists.Media media = HlsPlaylists.media(text);
            assertTrue(media.ended() && text.contains("#EXT-X-PLAYLIST-TYPE:VOD"), text);
            long bitrate = Long.parseLong(uri.substring("QualityLevels(".length(), uri.indexOf(')')));
            List<ArchivedFiles.Fragment> fragments = ArchivedFiles.fragments(archivedFile(folder, bitrate));
            assertEquals(fragments.size(), media.segments().size(), "a segment per archived fragment: " + text);
            String level = archived + uri.substring(0, uri.indexOf('/') + 1);
            HttpResponse<byte[]> ts = anonymous.getBytes(level + media.segments().get(1).uri());
            assertEquals(200, ts.statusCode(), level + media.segments().get(1).uri());
            assertEquals("video/mp2t", ts.headers().firstValue("Content-Type").orElse(""));
            Path file = ExternalTools.workDir().resolve(RUN + "-archive-" + bitrate + ".ts");
            try {
                Files.write(file, ts.body());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            assertEquals(List.of("h264", "aac"), ExternalTools.check("ffprobe", "-v", "error", "-show_entries",
                    "stream=codec_name", "-of", "csv=p=0", file.toString()).lines().map(String::strip).filter(l -> !l.isEmpty()).distinct().toList(),
                    file.toString());
        }
        assertEquals(404, anonymous.getBytes(archived + "QualityLevels(1)/Manifest(video_und,format=m3u8-aapl)")
                .statusCode());
        String out = TestTools.runAllowingFailure(List.of("bash", TestTools.encoder("hls-check.sh"),
                archived + "Manifest(format=m3u8-aapl)"));
        assertTrue(out.strip().endsWith("}") && LiveEvents.json(out.strip().substring(out.strip().lastIndexOf('\n') + 1))
                .getBoolean("ok"), "ffmpeg decodes every variant: " + out);
        Players.Result played = Players.play("hls", archived + "Manifest(format=m3u8-aapl)", 10);
        assertTrue(played.ok(), "hls.js plays the archive as TS HLS: " + played);
        assertFalse(played.live());
    }

    /**
     * The file of the archive in {@code folder} holding the level of {@code bitrate}, as its server manifest says:
     * streams pushed on separate connections get their file numbers in the order they arrive.
     */
    private static Path archivedFile(Path folder, long bitrate) {
        try (var files = Files.list(folder)) {
            Path ism = files.filter(f -> f.toString().endsWith(".ism")).findFirst().orElseThrow();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("src=\"([^\"]+)\" systemBitrate=\""
                    + bitrate + "\"").matcher(Files.readString(ism));
            assertTrue(m.find(), "the server manifest names the file of " + bitrate);
            return folder.resolve(m.group(1));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String playlist(Http http, String url) {
        HttpResponse<byte[]> r = http.getBytes(url);
        assertEquals(200, r.statusCode(), url + ": " + new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/vnd.apple.mpegurl"));
        return new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * 150 s of media pushed faster than real time into one-minute segments: the cuts follow media time, so three
     * presentations, which together hold exactly the fragments ffmpeg sent, each once.
     */
    @Test
    void segmentsFollowMediaTimeAndTogetherHoldExactlyTheIngestedFragments() {
        String point = RUN + "/segmented.isml";
        events.create(point, "{\"autoStart\":true,\"archive\":{\"enabled\":true,\"segmentLength\":\"PT1M\"}}");
        byte[] sent = IngestCapture.record(source, "--loop", "-t", "150").get("stream1");
        try (Encoder encoder = Encoder.push(source, events.url(point), "--loop", "-t", "150", "--no-re")) {
            assertEquals(0, encoder.waitFor(60), encoder.log());
        }
        LiveEvents.await(Duration.ofSeconds(20), "DVR-only", () -> "Stopped".equals(events.state(point)));
        Path folder = Path.of(status(point).getString("archivePath"));
        LiveEvents.await(Duration.ofSeconds(30), "three complete segments", () -> ArchivedFiles.names(folder).size() == 3
                && ArchivedFiles.names(folder).stream().allMatch(s -> Files.exists(folder.resolve(s).resolve("segmented.ismc"))));
        assertEquals(List.of("Segment0001", "Segment0002", "Segment0003"), ArchivedFiles.names(folder));

        List<ArchivedFiles.Fragment> archived = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            Path segment = folder.resolve(ArchivedFiles.names(folder).get(k));
            assertEquals(List.of("segmented.ism", "segmented.ismc", "stream1.ismv"), ArchivedFiles.names(segment));
            List<ArchivedFiles.Fragment> fragments = ArchivedFiles.fragments(segment.resolve("stream1.ismv"));
            for (ArchivedFiles.Fragment f : fragments) {
                long second = f.time() / 10_000_000L;
                assertEquals(k, second / 60, "segment " + (k + 1) + " holds minute " + k + ": " + f.key());
            }
            Document manifest = archiveManifest(segment);
            assertEquals(fragments.stream().filter(f -> f.trackId() == 1).count(),
                    LiveEvents.times(manifest).get("video_und").size(), "the segment's manifest lists its fragments");
            archived.addAll(fragments);
        }
        archived.sort(Comparator.comparing(ArchivedFiles.Fragment::trackId).thenComparing(ArchivedFiles.Fragment::time));
        List<ArchivedFiles.Fragment> ingested = new ArrayList<>(ArchivedFiles.fragments(sent));
        ingested.sort(Comparator.comparing(ArchivedFiles.Fragment::trackId).thenComparing(ArchivedFiles.Fragment::time));
        assertEquals(300, ingested.size(), "150 s of 2 s fragments, four tracks");
        assertSameFragments(ingested, archived, folder);

        Players.Result play = Players.play("smooth", base() + "/archive/" + RUN + "/segmented/" + folder.getFileName()
                + "/Segment0002/segmented.ism/Manifest", 5);
        assertTrue(play.ok(), "a segment plays on its own: " + play);
    }

    /** An archive folder that cannot be created: the Archive behaviour reports why, live delivery goes on. */
    @Test
    void anUnwritableArchivePathStopsOnlyTheArchive() throws Exception {
        Path blocker = Path.of(System.getProperty("openlss.build.dir")).toAbsolutePath().resolve("it-data/" + RUN
                + "-not-a-folder");
        Files.createDirectories(blocker.getParent());
        Files.writeString(blocker, "a file where the archive folder should be");
        String point = RUN + "/unwritable.isml";
        events.create(point, "{\"autoStart\":true,\"archive\":{\"enabled\":true,\"path\":\""
                + blocker.resolve("archive") + "\"}}");
        Path body = Path.of(getClass().getResource("/org/openlss/mp4/ffmpeg-stream1.body").toURI());
        TestTools.run(LiveEvents.fmp4Post("--no-pace", "--no-mfra", body.toString(),
                events.url(point) + "/Streams(stream1)"), new byte[0]);
        LiveEvents.await(Duration.ofSeconds(10), "the archive error", () -> status(point).containsKey("archiveError")
                && !status(point).isNull("archiveError"));
        JsonObject status = status(point);
        assertEquals("Started", status.getString("state"), "live goes on: " + status);
        assertEquals("Stopped", status.getString("archive"), status.toString());
        assertTrue(status.getString("archiveError").contains(blocker.toString())
                && status.getString("archiveError").contains("Not a directory"), status.toString());
        assertTrue(status.isNull("archiveUrl"), "an archive outside the root is not served");
        assertEquals(2, events.videoChunks(point), "the live manifest lists the fragments (two held for lookahead)");
        String log = events.admin().get(point + "/events", ManagementApiIT.JSON).body();
        assertTrue(log.contains("\"kind\":\"ARCHIVE_ERROR\"") && log.contains("Not a directory"),
                "the archive error in the point's event log: " + log);
        events.state(point, "Idle");
    }

    private static void assertSameFragments(List<ArchivedFiles.Fragment> ingested, List<ArchivedFiles.Fragment> archived,
                                            Path where) {
        assertEquals(ingested.stream().map(ArchivedFiles.Fragment::key).toList(),
                archived.stream().map(ArchivedFiles.Fragment::key).toList(), "the fragments of " + where);
        for (int i = 0; i < ingested.size(); i++) {
            assertArrayEquals(ingested.get(i).mdat(), archived.get(i).mdat(), "mdat of " + ingested.get(i).key()
                    + " in " + where);
        }
    }

    /** Each fragment the manifest lists is served from the archive with the mdat the file holds. */
    private void assertServedAsArchived(Path folder, Document manifest, String stream, long bitrate, Path file) {
        List<Long> times = LiveEvents.times(manifest).get(stream);
        List<ArchivedFiles.Fragment> fragments = ArchivedFiles.fragments(file);
        assertEquals(fragments.stream().map(ArchivedFiles.Fragment::time).toList(), times);
        for (ArchivedFiles.Fragment f : fragments) {
            HttpResponse<byte[]> served = events.admin().anonymous().getBytes(archivePath(folder)
                    + "/QualityLevels(" + bitrate + ")/Fragments(" + stream + "=" + f.time() + ")");
            assertEquals(200, served.statusCode());
            byte[] body = served.body();
            int moof = ((body[0] & 0xff) << 24) | ((body[1] & 0xff) << 16) | ((body[2] & 0xff) << 8) | (body[3] & 0xff);
            assertArrayEquals(f.mdat(), Arrays.copyOfRange(body, moof, body.length));
            assertFalse(TestTools.boxdump(body).contains("tfrf"), "on-demand fragments carry no tfrf");
        }
        String first = archivePath(folder) + "/QualityLevels(" + bitrate + ")/Fragments(" + stream + "="
                + fragments.get(0).time() + ")";
        for (String path : List.of(first, first.replace("Fragments(", "FragmentInfo("),
                first.replace("Fragments(", "RawFragments("), archivePath(folder) + "/Manifest",
                archivePath(folder) + "/QualityLevels(" + bitrate + ")/Fragments(" + stream + "=1)")) {
            Lanes.assertAlike(events.admin().anonymous(), path, "GET");
            Lanes.assertAlike(events.admin().anonymous(), path, "HEAD");
        }
    }

    private Document archiveManifest(Path presentation) {
        HttpResponse<byte[]> r = events.admin().anonymous().getBytes(archivePath(presentation) + "/Manifest");
        assertEquals(200, r.statusCode(), new String(r.body()));
        try {
            return javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new java.io.ByteArrayInputStream(r.body()));
        } catch (Exception e) {
            throw new AssertionError("unparsable archive manifest", e);
        }
    }

    /** {@code archive/<path below the root>/<name>.ism} of a presentation folder of this run. */
    private static String archivePath(Path presentation) {
        Path root = presentation;
        while (!root.getFileName().toString().equals(RUN)) {
            root = root.getParent();
        }
        String name = Files.exists(presentation.resolve("channel1.ism")) ? "channel1" : "segmented";
        return "archive/" + root.getParent().relativize(presentation).toString().replace('\\', '/') + "/" + name + ".ism";
    }

    private String base() {
        String base = events.admin().base().toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private JsonObject status(String point) {
        HttpResponse<String> r = events.admin().get(point + "/state", ManagementApiIT.JSON);
        assertEquals(200, r.statusCode(), r.body());
        JsonObject status = LiveEvents.json(r.body()).getJsonObject("status");
        assertNotNull(status);
        return status;
    }
}
