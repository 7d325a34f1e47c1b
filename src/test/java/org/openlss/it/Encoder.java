package org.openlss.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openlss.testing.TestTools;

/** A live Smooth encoder process: ffmpeg through {@code smooth-push.sh}, or our push encoder jar. */
public final class Encoder implements AutoCloseable {
    private final Process process;
    private final Path log;

    private Encoder(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    private static final Path BUILD = Path.of(System.getProperty("openlss.build.dir", "target")).toAbsolutePath();

    /** Pushes {@code source} to {@code pointUrl} ({@code …/name.isml}) with smooth-push options, as the encoder account. */
    public static Encoder push(Path source, String pointUrl, String... options) {
        return pushAs(Deployments.ENCODER + ":" + Deployments.ENCODER_PASSWORD, source, pointUrl, options);
    }

    /** Pushes with these HTTP Basic credentials ({@code user:password}), or with none when null. */
    public static Encoder pushAs(String credentials, Path source, String pointUrl, String... options) {
        List<String> command = new ArrayList<>(List.of("bash", TestTools.encoder("smooth-push.sh"),
                "-i", source.toString()));
        if (credentials != null) {
            command.addAll(List.of("--user", credentials));
        }
        command.addAll(List.of(options));
        command.add(pointUrl);
        return start(command, "encoder");
    }

    /** {@code java -jar target/pushencoder.jar args} as a user runs it. */
    public static Encoder pushEncoder(String... args) {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-jar", BUILD.resolve("pushencoder.jar").toString()));
        command.addAll(List.of(args));
        return start(command, "pushencoder");
    }

    private static Encoder start(List<String> command, String logName) {
        try {
            Path log = Files.createTempFile(BUILD, logName, ".log");
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            p.getOutputStream().close();
            return new Encoder(p, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Ends the stream the way an operator does (SIGTERM: smooth-push interrupts ffmpeg; the push encoder stops its
     * streams): end of stream (empty mfra) and the final chunk are sent. The exit status is not meaningful.
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
