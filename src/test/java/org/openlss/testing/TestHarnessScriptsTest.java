package org.openlss.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scripts of the test harness ({@code src/test/encoder}) that other tests take as references: the box dumper reads
 * each committed ffmpeg capture as its {@code .fragments} file says, a replayed body arrives byte for byte at the
 * stand-in publishing point, and smooth-push builds the encoder shapes the end-to-end tests rely on.
 */
class TestHarnessScriptsTest {
    private static final Path CAPTURES = TestTools.DIR.resolve("resources/org/openlss/mp4");
    private static final Pattern BOX = Pattern.compile("^\\s*(\\S+) @(\\d+) size=(\\d+)(.*)$");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"ffmpeg-stream1", "ffmpeg-audio0", "ffmpeg-bframes", "ffmpeg-tiny"})
    void boxdumpListsTheFragmentsOfEachCaptureAsCommitted(String capture) throws IOException {
        String dump = TestTools.boxdump(Files.readAllBytes(CAPTURES.resolve(capture + ".body")));
        List<String> listed = new ArrayList<>();
        String track = null;
        String time = null;
        String samples = null;
        String moof = null;
        for (String line : dump.split("\n")) {
            Matcher box = BOX.matcher(line);
            if (!box.matches()) {
                continue;
            }
            String fields = box.group(4);
            switch (box.group(1)) {
                case "moof" -> moof = box.group(2) + " " + box.group(3);
                case "tfhd" -> track = field(fields, "track_id");
                case "uuid[tfxd]" -> time = field(fields, "fragment_absolute_time") + " "
                        + field(fields, "fragment_duration");
                case "trun" -> samples = field(fields, "sample_count");
                case "mdat" -> listed.add(String.join(" ", track, time, samples, moof, box.group(2), box.group(3)));
                default -> {
                }
            }
        }
        List<String> committed = Files.readAllLines(CAPTURES.resolve(capture + ".fragments")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).map(String::strip).toList();
        assertEquals(committed, listed);
    }

    @Test
    void boxdumpSaysWhenABoxIsCutShort() throws IOException {
        byte[] body = Files.readAllBytes(CAPTURES.resolve("ffmpeg-tiny.body"));
        assertEquals("", TestTools.boxdump(new byte[0]).strip(), "no input, no boxes");
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> TestTools.boxdump(Arrays.copyOf(body, body.length - 100)));
        assertTrue(failure.getMessage().contains("failed"), failure.getMessage());
    }

    @Test
    void aReplayedBodyArrivesWholeAtTheStandInPublishingPoint() throws Exception {
        Path body = CAPTURES.resolve("ffmpeg-tiny.body");
        Path capture = dir.resolve("capture");
        int port = freePort();
        Process server = new ProcessBuilder("python3", TestTools.encoder("ingest-capture.py"), "--port",
                String.valueOf(port), capture.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("capture.log").toFile()).start();
        try {
            awaitListening(port);
            String url = "http://127.0.0.1:" + port + "/tiny.isml/Streams(tiny)";
            TestTools.run(List.of("python3", TestTools.encoder("fmp4-post.py"), "--no-pace", "--header", "X-Test: 1",
                    body.toString(), url), new byte[0]);
            TestTools.runAllowingFailure(List.of("python3", TestTools.encoder("fmp4-post.py"), "--no-pace",
                    "--abort-after", "2", body.toString(), url));
            List<String> requests = awaitRequests(capture, 2);
            assertTrue(requests.get(0).contains("\"complete\": true"), requests.get(0));
            assertTrue(requests.get(0).contains("\"X-Test\", \"1\""), requests.get(0));
            assertTrue(requests.get(1).contains("\"complete\": false"), "aborted: " + requests.get(1));
            assertArrayEquals(Files.readAllBytes(body),
                    Files.readAllBytes(capture.resolve("001-tiny.isml_Streams(tiny).body")));
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    @Test
    void smoothPushSendsOnePostForAllTracksOrOnePerTrackWithCredentials() {
        String source = CAPTURES.resolve("ffmpeg-stream1.body").toString();
        String push = TestTools.encoder("smooth-push.sh");
        String one = TestTools.run(List.of("bash", push, "--dry-run", "--no-re", "--start", "3600", "-i", source,
                "http://enc:secret@127.0.0.1:9/live.isml/"), new byte[0]);
        assertTrue(one.contains("-output_ts_offset 3600 "), one);
        assertTrue(one.contains("-auth_type basic http://enc:secret@127.0.0.1:9/live.isml/Streams\\(stream1\\)"), one);
        assertFalse(one.contains(" -re "), one);
        String perTrack = TestTools.run(List.of("bash", push, "--dry-run", "--per-track", "--user", "enc:secret",
                "-i", source, "http://127.0.0.1:9/live.isml"), new byte[0]);
        for (String stream : List.of("video0", "video1", "audio0")) {
            assertTrue(perTrack.contains("http://enc:secret@127.0.0.1:9/live.isml/Streams\\(" + stream + "\\)"),
                    perTrack);
        }
        assertEquals(3, perTrack.split(" -f ismv ", -1).length - 1, perTrack);
    }

    private static String field(String fields, String name) {
        Matcher m = Pattern.compile("\\b" + name + "=(-?\\d+)").matcher(fields);
        return m.find() ? m.group(1) : null;
    }

    private static List<String> awaitRequests(Path capture, int count) throws Exception {
        Path log = capture.resolve("requests.jsonl");
        for (int i = 0; i < 200; i++) {
            if (Files.exists(log)) {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                if (lines.size() >= count) {
                    return lines.stream().sorted().toList();
                }
            }
            Thread.sleep(50);
        }
        try (Stream<Path> files = Files.list(capture)) {
            throw new AssertionError("no " + count + " requests logged: " + files.toList());
        }
    }

    private static void awaitListening(int port) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            try {
                new Socket(InetAddress.getLoopbackAddress(), port).close();
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("ingest-capture.py is not listening on " + port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
