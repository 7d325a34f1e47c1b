package org.openlss.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The server is killed ({@code kill -9}) in the middle of an archived event while ffmpeg pushes in real time. At the
 * next start the archive is repaired: complete files that ffprobe reads and dash.js plays from {@code /archive/},
 * holding every fragment ffmpeg sent before the kill but at most the last one of each track.
 */
class ArchiveCrashIT {
    @Test
    void anArchiveCutByKillMinus9IsRepairedAtTheNextStartAndPlays() {
        Path source = Media.content().resolve("source.mp4");
        byte[] sent = IngestCapture.record(source, "--loop", "-t", "60").get("stream1");
        try (ServerProcess server = ServerProcess.start("archive-crash-" + System.nanoTime(), Map.of())) {
            LiveEvents events = new LiveEvents(server.admin());
            String point = "live/crash.isml";
            events.create(point, "{\"archive\":{\"enabled\":true}}");
            events.state(point, "Started");
            Map<Integer, Long> ingested = new HashMap<>();
            Path folder;
            try (Encoder encoder = Encoder.push(source, events.url(point), "--loop")) {
                LiveEvents.await(Duration.ofSeconds(60), "six fragments of each track ingested",
                        () -> fragmentsIngested(events, point).values().stream().allMatch(n -> n >= 6));
                folder = Path.of(status(events, point).getString("archivePath"));
                ingested.putAll(fragmentsIngested(events, point));
                server.kill();
                encoder.waitFor(30); // ffmpeg notices the broken connection and gives up
            }
            assertFalse(Files.exists(folder.resolve("crash.ismc")), "killed before the event ended");

            server.restart();
            LiveEvents.await(Duration.ofSeconds(60), "the repair at start",
                    () -> Files.exists(folder.resolve("crash.ismc")));
            assertFalse(server.logLines("Repaired the archived presentation " + folder.resolve("crash.ism")).isEmpty());

            Path file = folder.resolve("stream1.ismv");
            List<ArchivedFiles.Fragment> archived = ArchivedFiles.fragments(file);
            List<ArchivedFiles.Fragment> pushed = ArchivedFiles.fragments(sent);
            for (int i = 0; i < archived.size(); i++) {
                assertEquals(pushed.get(i).key(), archived.get(i).key(), "the archive is what ffmpeg sent, in order");
                assertArrayEquals(pushed.get(i).mdat(), archived.get(i).mdat(), "mdat of " + pushed.get(i).key());
            }
            for (Map.Entry<Integer, Long> track : ingested.entrySet()) {
                long kept = archived.stream().filter(f -> f.trackId() == track.getKey()).count();
                assertTrue(kept >= track.getValue() - 1, "track " + track.getKey() + ": " + track.getValue()
                        + " ingested before the kill, " + kept + " archived");
            }
            assertEquals(4, ArchivedFiles.probe(file).size(), "ffprobe reads the repaired file");

            JsonObject status = status(events, point);
            assertEquals("Starting", status.getString("state"), "the point waits for its encoder again");
            String url = status.getString("archiveUrl");
            HttpResponse<String> manifest = server.admin().anonymous().get(url.substring(1), "*/*");
            assertEquals(200, manifest.statusCode(), manifest.body());
            Players.Result play = Players.play("smooth", server.base().resolve(url).toString(), 8);
            assertTrue(play.ok(), "the repaired archive plays: " + play);
            assertFalse(play.live());
        }
    }

    /** fragmentsIngested per track id of the one input stream. */
    private static Map<Integer, Long> fragmentsIngested(LiveEvents events, String point) {
        Map<Integer, Long> counts = new HashMap<>();
        JsonObject stats = events.statistics(point);
        for (JsonObject input : stats.getJsonArray("inputStreams").getValuesAs(JsonObject.class)) {
            for (JsonObject track : input.getJsonArray("tracks").getValuesAs(JsonObject.class)) {
                counts.put(Integer.parseInt(track.getString("id")), track.getJsonNumber("fragmentsIngested").longValue());
            }
        }
        return counts.isEmpty() ? Map.of(0, 0L) : counts;
    }

    private static JsonObject status(LiveEvents events, String point) {
        HttpResponse<String> r = events.admin().get(point + "/state", ManagementApiIT.JSON);
        assertEquals(200, r.statusCode(), r.body());
        return LiveEvents.json(r.body()).getJsonObject("status");
    }
}
