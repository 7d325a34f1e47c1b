package org.openlss.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openlss.testing.TestTools;

/**
 * What ffmpeg sends as an encoder, recorded by {@code ingest-capture.py} (a stand-in publishing point): the reference
 * a test compares the server's output with. ffmpeg copying a file is deterministic (the same bytes with or without
 * real-time pacing), so a capture made as fast as possible equals what the same push sends to the server.
 */
public final class IngestCapture {
    private static final Path BUILD = Path.of(System.getProperty("openlss.build.dir", "target")).toAbsolutePath();
    private static final Pattern BODY = Pattern.compile("\\d+-.*Streams\\((.*)\\)\\.body");

    private IngestCapture() {
    }

    /** The request bodies of {@code smooth-push.sh -i source --no-re <options>}, by stream id. */
    public static Map<String, byte[]> record(Path source, String... options) {
        int port = freePort();
        Path dir = BUILD.resolve("captures").resolve("capture-" + System.nanoTime());
        Process server;
        try {
            Files.createDirectories(dir);
            server = new ProcessBuilder("python3", TestTools.encoder("ingest-capture.py"),
                    "--port", String.valueOf(port), dir.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolveSibling(dir.getFileName() + ".log").toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            LiveEvents.await(Duration.ofSeconds(20), "ingest-capture listening", () -> listening(port));
            List<String> push = new ArrayList<>(List.of("bash", TestTools.encoder("smooth-push.sh"),
                    "-i", source.toString(), "--no-re"));
            push.addAll(List.of(options));
            push.add("http://127.0.0.1:" + port + "/capture.isml");
            TestTools.run(push, new byte[0]);
            int posts = options.length > 0 && List.of(options).contains("--per-track") ? 4 : 1;
            LiveEvents.await(Duration.ofSeconds(30), posts + " complete bodies", () -> complete(dir) == posts);
            return bodies(dir);
        } finally {
            server.destroy();
        }
    }

    private static long complete(Path dir) {
        try {
            Path log = dir.resolve("requests.jsonl");
            return Files.exists(log) ? Files.readAllLines(log).stream().filter(l -> l.contains("\"complete\": true"))
                    .count() : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static Map<String, byte[]> bodies(Path dir) {
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                Matcher m = BODY.matcher(file.getFileName().toString());
                if (m.matches()) {
                    bodies.put(m.group(1), Files.readAllBytes(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bodies;
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
