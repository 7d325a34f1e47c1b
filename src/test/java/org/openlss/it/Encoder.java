package org.openlss.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openlss.testing.SharedTools;

/** ffmpeg as a live Smooth encoder, through {@code smooth-push.sh}. */
public final class Encoder implements AutoCloseable {
    private final Process process;
    private final Path log;

    private Encoder(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Pushes {@code source} to {@code pointUrl} ({@code …/name.isml}) with smooth-push options. */
    public static Encoder push(Path source, String pointUrl, String... options) {
        List<String> command = new ArrayList<>(List.of("bash", SharedTools.DIR.resolve("smooth-push.sh").toString(),
                "-i", source.toString()));
        command.addAll(List.of(options));
        command.add(pointUrl);
        try {
            Path log = Files.createTempFile(Path.of(System.getProperty("openlss.build.dir", "target")), "encoder", ".log");
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return new Encoder(p, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Ends the stream the way an operator does (SIGTERM to smooth-push, which interrupts ffmpeg): ffmpeg sends end of
     * stream (empty mfra) and the final chunk. The exit status of an interrupted push is not meaningful.
     */
    public void stop() {
        process.destroy();
        waitFor(30);
    }

    /** The connection drops without end of stream: ffmpeg is killed; smooth-push reconnects if told to. */
    public void dropConnection() {
        process.toHandle().descendants().filter(h -> h.info().command().orElse("").endsWith("ffmpeg"))
                .forEach(ProcessHandle::destroyForcibly);
    }

    /** Waits for the push to end; returns its exit status. */
    public int waitFor(long seconds) {
        try {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the encoder did not end within " + seconds + " s; log: " + log());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public boolean running() {
        return process.isAlive();
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
