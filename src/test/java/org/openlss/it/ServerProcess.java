package org.openlss.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An OpenLSS server started exactly as the README says ({@code java -jar target/payara-micro.jar --deploy
 * target/openlss.war --contextroot / --port P --nohazelcast}, loopback preboot file), with its own data dir. Tests that
 * need several servers, a restart or a {@code kill -9} use it.
 */
public final class ServerProcess implements AutoCloseable {
    private static final Path BUILD = Path.of(System.getProperty("openlss.build.dir", "target"));
    private final Path dataDir;
    private final Map<String, String> environment;
    private final int port;
    private final Path log;
    private Process process;
    private Duration startTime;

    private ServerProcess(Path dataDir, Map<String, String> environment, int port) {
        this.dataDir = dataDir;
        this.environment = environment;
        this.port = port;
        this.log = dataDir.resolveSibling(dataDir.getFileName() + "-server.log");
    }

    /** Starts a server on a free loopback port with {@code dataDir} and extra environment, and waits until ready. */
    public static ServerProcess start(String name, Map<String, String> environment) {
        Path dataDir = BUILD.resolve("it-data").resolve(name).toAbsolutePath();
        ServerProcess server = new ServerProcess(dataDir, Map.copyOf(environment), freePort());
        server.launch();
        return server;
    }

    /** The README's run line with this server's port. */
    public List<String> commandLine() {
        return List.of(javaExecutable(), "-Djava.io.tmpdir=" + BUILD.toAbsolutePath(), "-jar",
                BUILD.resolve("payara-micro.jar").toAbsolutePath().toString(),
                "--prebootcommandfile", BUILD.resolve("preboot-loopback.asadmin").toAbsolutePath().toString(),
                "--deploy", BUILD.resolve("openlss.war").toAbsolutePath().toString(),
                "--contextroot", "/", "--port", String.valueOf(port), "--nohazelcast");
    }

    private void launch() {
        try {
            Files.createDirectories(dataDir);
            ProcessBuilder builder = new ProcessBuilder(commandLine()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            Map<String, String> env = new HashMap<>(builder.environment());
            env.put("OPENLSS_DATA_DIR", dataDir.toString());
            env.put("OPENLSS_ADMIN_PASSWORD", Deployments.ADMIN_PASSWORD);
            env.put("OPENLSS_ENCODER_PASSWORD", Deployments.ENCODER_PASSWORD);
            env.putAll(environment);
            builder.environment().clear();
            builder.environment().putAll(env);
            long t0 = System.nanoTime();
            process = builder.start();
            awaitReady(Duration.ofSeconds(300));
            startTime = Duration.ofNanos(System.nanoTime() - t0);
            System.out.printf("[ServerProcess] %s ready on port %d in %.1f s%n", dataDir.getFileName(), port,
                    startTime.toMillis() / 1000.0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(Duration timeout) {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(base().resolve("/health/ready"))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("UP")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(500);
        }
        throw new IllegalStateException("the server was not ready within " + timeout + "; see " + log);
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    public Http admin() {
        return new Http(base(), Deployments.ADMIN, Deployments.ADMIN_PASSWORD);
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path log() {
        return log;
    }

    /** Time from process start to the first ready answer. */
    public Duration startTime() {
        return startTime;
    }

    /** Stops the server the way an operator does (SIGTERM) and waits for it to exit. */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            waitFor(Duration.ofSeconds(60));
        }
    }

    /** kill -9: no shutdown hooks, no flushing. */
    public void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            waitFor(Duration.ofSeconds(30));
        }
    }

    /** Starts the server again on the same port and data dir. */
    public void restart() {
        stop();
        launch();
    }

    private void waitFor(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Lines of the server log containing {@code text}. */
    public List<String> logLines(String text) {
        try {
            List<String> lines = new ArrayList<>();
            for (String line : Files.readAllLines(log)) {
                if (line.contains(text)) {
                    lines.add(line);
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
