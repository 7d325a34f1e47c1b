package org.openlss.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code java -jar target/pushencoder.jar ...} as a user runs it, its standard error kept in a file. */
final class PushEncoderProcess implements AutoCloseable {
    private static final Path BUILD = Path.of(System.getProperty("openlss.build.dir", "target")).toAbsolutePath();

    private final Process process;
    private final Path log;

    private PushEncoderProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static PushEncoderProcess start(String... args) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-jar", BUILD.resolve("pushencoder.jar").toString()));
        command.addAll(List.of(args));
        try {
            Path log = Files.createTempFile(BUILD, "pushencoder", ".log");
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            p.getOutputStream().close();
            return new PushEncoderProcess(p, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the push encoder to its end; returns the exit status. */
    static int run(long seconds, List<String> logOut, String... args) {
        try (PushEncoderProcess p = start(args)) {
            int status = p.waitFor(seconds);
            logOut.add(p.log());
            return status;
        }
    }

    int waitFor(long seconds) {
        try {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                throw new AssertionError("the push encoder did not end within " + seconds + " s: " + log());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGTERM, as an operator's Ctrl-C: the streams end with end of stream. */
    void stop() {
        process.destroy();
        waitFor(30);
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
