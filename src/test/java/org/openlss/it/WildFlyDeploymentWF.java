package org.openlss.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Portability: the WAR built for Payara deploys unchanged on WildFly (standalone-microprofile), gets ready, serves
 * a create and a read of a publishing point, and renders the administration screens after the form sign-in. Runs in the wildfly profile ({@code mvn -Pwildfly verify}).
 *
 * <p>WildFly needs two server settings the WAR cannot make (checked in STACK.md): JASPI integration off for the
 * application security domain, and the Faces subsystem, which standalone-microprofile.xml lacks.
 */
class WildFlyDeploymentWF {
    private static final Path HOME = Path.of(System.getProperty("openlss.wildfly.home", "target/wildfly"));
    private static final Path BUILD = Path.of(System.getProperty("openlss.build.dir", "target"));

    @Test
    void theWarDeploysOnWildFlyAndServesTheManagementApi() throws Exception {
        Path data = BUILD.resolve("it-data/wildfly-" + System.nanoTime()).toAbsolutePath();
        Files.createDirectories(data);
        configure(data);
        Files.copy(BUILD.resolve("openlss.war"), HOME.resolve("standalone/deployments/ROOT.war"),
                StandardCopyOption.REPLACE_EXISTING);
        int offset = freeOffset();
        Process server = new ProcessBuilder(HOME.resolve("bin/standalone.sh").toString(),
                "-c", "standalone-microprofile.xml", "-b", "127.0.0.1", "-bmanagement", "127.0.0.1",
                "-Djboss.socket.binding.port-offset=" + offset, "-Djava.io.tmpdir=" + BUILD.toAbsolutePath())
                .redirectErrorStream(true).redirectOutput(data.resolve("wildfly.log").toFile()).start();
        try {
            URI app = URI.create("http://127.0.0.1:" + (8080 + offset) + "/");
            URI management = URI.create("http://127.0.0.1:" + (9990 + offset) + "/");
            long t0 = System.nanoTime();
            awaitReady(management, server, data);
            System.out.printf("[WildFly] ready in %.1f s%n", (System.nanoTime() - t0) / 1e9);

            Http admin = new Http(app, Deployments.ADMIN, Deployments.ADMIN_PASSWORD);
            assertEquals(401, admin.anonymous().get(ManagementApiIT.COLLECTION, ManagementApiIT.ATOM).statusCode());
            HttpResponse<String> created = admin.send("POST", ManagementApiIT.COLLECTION + "/settings",
                    ManagementApiIT.ATOM, Documents.iisCreateEntry("On WildFly"), "Slug", "/live/wildfly.isml");
            assertEquals(201, created.statusCode(), created.body());
            HttpResponse<String> read = admin.get("live/wildfly.isml/settings", ManagementApiIT.JSON);
            assertEquals(200, read.statusCode(), read.body());
            assertTrue(read.body().contains("\"title\":\"On WildFly\""), read.body());
            assertTrue(admin.get("live/wildfly.isml/state", ManagementApiIT.ATOM).body().contains("<Value>Idle</Value>"));

            SignedInClient screens = new SignedInClient(app);
            assertEquals(303, screens.get("admin/").statusCode(), "the screens need the sign-in on WildFly too");
            screens.signIn(Deployments.ADMIN, Deployments.ADMIN_PASSWORD);
            HttpResponse<String> page = screens.get("admin/");
            assertEquals(200, page.statusCode(), page.body());
            assertTrue(page.body().contains("live/wildfly.isml") && page.body().contains("jakarta.faces.ViewState")
                    && !page.body().contains("xmlns:ui"), "the publishing points page, rendered: " + page.body());
            assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"),
                    "the screens' hardening headers on WildFly too: " + page.headers());

            // the security probes of the API and of ingest, as on Payara
            assertEquals(401, admin.anonymous().send("POST", "live/wildfly.isml/Streams(s)", null, "").statusCode(),
                    "publishing needs credentials");
            HttpResponse<String> deep = admin.send("POST", ManagementApiIT.COLLECTION + "/settings",
                    ManagementApiIT.JSON, "[".repeat(30_000) + "]".repeat(30_000), "Slug", "/live/deep.isml");
            assertEquals(400, deep.statusCode(), "deeply nested JSON is refused, not a 500: " + deep.body());
            Http guessing = new Http(app, Deployments.ADMIN, "guess");
            for (int i = 0; i < 10; i++) {
                assertEquals(401, guessing.get(ManagementApiIT.COLLECTION, ManagementApiIT.ATOM).statusCode());
            }
            HttpResponse<String> throttled = admin.get(ManagementApiIT.COLLECTION, ManagementApiIT.ATOM);
            assertEquals(429, throttled.statusCode(), "after repeated failures even the right password waits");
            assertTrue(throttled.headers().firstValue("Retry-After").isPresent(), throttled.headers().toString());
        } finally {
            // standalone.sh starts the JVM as its child: stop the JVM, not just the script
            server.descendants().forEach(ProcessHandle::destroy);
            server.destroy();
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                server.descendants().forEach(ProcessHandle::destroyForcibly);
                server.destroyForcibly().waitFor();
            }
        }
    }

    /** Offline configuration with jboss-cli (embed-server), before the first boot. */
    private static void configure(Path data) throws IOException, InterruptedException {
        Path script = data.resolve("configure.cli");
        Files.write(script, List.of(
                "embed-server --server-config=standalone-microprofile.xml --std-out=discard",
                "if (outcome != success) of /extension=org.jboss.as.jsf:read-resource",
                "  /extension=org.jboss.as.jsf:add",
                "end-if",
                "if (outcome != success) of /subsystem=jsf:read-resource",
                "  /subsystem=jsf:add",
                "end-if",
                "/subsystem=undertow/application-security-domain=other:write-attribute(name=integrated-jaspi,value=false)",
                "if (outcome == success) of /system-property=openlss.data.dir:read-resource",
                "  /system-property=openlss.data.dir:remove()",
                "end-if",
                "/system-property=openlss.data.dir:add(value=\"" + data + "\")",
                "if (outcome != success) of /system-property=openlss.admin.password:read-resource",
                "  /system-property=openlss.admin.password:add(value=\"" + Deployments.ADMIN_PASSWORD + "\")",
                "end-if",
                "stop-embedded-server"));
        Process cli = new ProcessBuilder(HOME.resolve("bin/jboss-cli.sh").toString(), "--file=" + script)
                .redirectErrorStream(true).redirectOutput(data.resolve("configure.log").toFile()).start();
        assertTrue(cli.waitFor(120, TimeUnit.SECONDS), "jboss-cli finished");
        assertEquals(0, cli.exitValue(), Files.readString(data.resolve("configure.log")));
    }

    private static void awaitReady(URI management, Process server, Path data) throws Exception {
        Http http = new Http(management, null, null);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            assertTrue(server.isAlive(), "WildFly exited; see " + data.resolve("wildfly.log"));
            try {
                HttpResponse<String> r = http.get("health/ready", ManagementApiIT.JSON);
                if (r.statusCode() == 200 && r.body().contains("openlss-started")) {
                    return;
                }
            } catch (RuntimeException e) {
                // not up yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("WildFly did not get ready; see " + data.resolve("wildfly.log"));
    }

    private static int freeOffset() throws IOException {
        for (int offset = 1000; offset < 20000; offset += 97) {
            if (free(8080 + offset) && free(9990 + offset) && free(8443 + offset) && free(9993 + offset)) {
                return offset;
            }
        }
        throw new IOException("no free port offset");
    }

    private static boolean free(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
