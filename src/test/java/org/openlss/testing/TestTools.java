package org.openlss.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The project's own test harness, run as separate programs: {@code src/test/encoder} (ffmpeg as a live encoder, test
 * content, an independent box dumper, an ingest capture and replay, ffmpeg as an HLS client) and
 * {@code src/test/players} (hls.js, dash.js and Shaka Player in headless Chromium). Nothing outside the repository.
 */
public final class TestTools {
    /** {@code src/test} of this checkout ({@code openlss.test.dir}, set by the pom; the working directory otherwise). */
    public static final Path DIR = Path.of(System.getProperty("openlss.test.dir", "src/test")).toAbsolutePath()
            .normalize();
    /** The encoder side: {@code smooth-push.sh}, {@code make-test-content.sh}, {@code boxdump.py}, ... */
    public static final Path ENCODER = DIR.resolve("encoder");
    /** The players: {@code play-check.js} with its pinned npm packages. */
    public static final Path PLAYERS = DIR.resolve("players");

    private TestTools() {
    }

    /** A script of {@code src/test/encoder}. */
    public static String encoder(String script) {
        return ENCODER.resolve(script).toString();
    }

    /** {@code boxdump.py} of {@code bytes}: the box tree as an independent parser sees it. */
    public static String boxdump(byte[] bytes, String... options) {
        List<String> command = new ArrayList<>(List.of("python3", encoder("boxdump.py")));
        command.addAll(List.of(options));
        command.add("-");
        return run(command, bytes);
    }

    /** Runs a command with {@code input} on stdin; returns stdout, failing on a non-zero exit. */
    public static String run(List<String> command, byte[] input) {
        return run(command, input, true);
    }

    /** Runs a command that may fail on purpose (e.g. an encoder told to abort); returns its stdout. */
    /** Runs {@code command} whatever its exit status; returns what it printed, standard output then error. */
    public static String runAllowingFailure(List<String> command) {
        return run(command, new byte[0], false);
    }

    private static String run(List<String> command, byte[] input, boolean mustSucceed) {
        try {
            Path err = Files.createTempFile("tool", ".err");
            Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
            try (var in = p.getOutputStream()) {
                in.write(input);
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || mustSucceed && p.exitValue() != 0) {
                throw new IllegalStateException(command + " failed: " + Files.readString(err));
            }
            String errors = mustSucceed ? "" : Files.readString(err);
            Files.delete(err);
            return out + errors;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
