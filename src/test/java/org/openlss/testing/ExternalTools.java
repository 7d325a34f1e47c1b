package org.openlss.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs ffmpeg, ffprobe and friends, which the test suite requires on the PATH. */
public final class ExternalTools {
    public record Result(int exitCode, String stdout, String stderr) {
    }

    private static final Path WORK_DIR = createWorkDir();

    private ExternalTools() {
    }

    /** A directory for generated media, one for all the test classes of a run. */
    public static Path workDir() {
        return WORK_DIR;
    }

    public static Result run(List<String> command) {
        try {
            Path err = Files.createTempFile(WORK_DIR, "stderr", ".txt");
            Process process = new ProcessBuilder(command).directory(WORK_DIR.toFile())
                    .redirectError(err.toFile()).start();
            process.getOutputStream().close();
            String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + command);
            }
            String stderr = Files.readString(err);
            Files.delete(err);
            return new Result(process.exitValue(), stdout, stderr);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0) + " (a prerequisite of these tests)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs the command and insists on exit code 0. */
    public static String check(String... command) {
        Result result = run(List.of(command));
        if (result.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + result.stderr());
        }
        return result.stdout();
    }

    /** ffmpeg decoding the whole file: its warnings and errors ("Packet corrupt" is a warning), or "" if none. */
    public static String decodeErrors(Path file) {
        Result result = run(List.of("ffmpeg", "-nostdin", "-v", "warning", "-i", file.toString(), "-f", "null", "-"));
        return result.exitCode() == 0 ? result.stderr() : "exit " + result.exitCode() + ": " + result.stderr();
    }

    /** The first packet on {@code pid} of a 1-second TS written by ffmpeg's own muxer (H.264, optionally AAC). */
    public static byte[] ffmpegPacket(boolean withAudio, int pid) {
        Path ts = WORK_DIR.resolve(withAudio ? "ffmpeg-av.ts" : "ffmpeg-v.ts");
        if (!Files.exists(ts)) {
            List<String> command = new java.util.ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error", "-y",
                    "-f", "lavfi", "-i", "testsrc=d=1"));
            if (withAudio) {
                command.addAll(List.of("-f", "lavfi", "-i", "sine=sample_rate=48000:d=1", "-c:a", "aac"));
            }
            command.addAll(List.of("-c:v", "libx264", "-f", "mpegts", ts.toString()));
            check(command.toArray(String[]::new));
        }
        try {
            byte[] bytes = Files.readAllBytes(ts);
            for (int at = 0; at + 188 <= bytes.length; at += 188) {
                if (((bytes[at + 1] & 0x1F) << 8 | bytes[at + 2] & 0xFF) == pid) {
                    return java.util.Arrays.copyOfRange(bytes, at, at + 188);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("ffmpeg wrote no packet on PID " + pid);
    }

    private static Path createWorkDir() {
        try {
            return Files.createTempDirectory("openlss-ts");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
