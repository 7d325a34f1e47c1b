package org.openlss.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The third-party test tools of ../shared/tools (boxdump.py and friends), run as separate programs. */
public final class SharedTools {
    public static final Path DIR = Path.of(System.getProperty("openlss.tools.dir", "../shared/tools"))
            .toAbsolutePath().normalize();

    private SharedTools() {
    }

    /** {@code boxdump.py} of {@code bytes}: the box tree as an independent parser sees it. */
    public static String boxdump(byte[] bytes, String... options) {
        List<String> command = new ArrayList<>(List.of("python3", DIR.resolve("boxdump.py").toString()));
        command.addAll(List.of(options));
        command.add("-");
        return run(command, bytes);
    }

    /** Runs a command with {@code input} on stdin; returns stdout, failing on a non-zero exit. */
    public static String run(List<String> command, byte[] input) {
        return run(command, input, true);
    }

    /** Runs a command that may fail on purpose (e.g. an encoder told to abort); returns its stdout. */
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
            Files.delete(err);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
