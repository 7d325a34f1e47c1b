package org.openlss.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The server as the README runs it: the java -jar line with nothing else installed gets ready, and what an
 * administrator set survives a restart (a point that was live comes back waiting for its encoder).
 */
class ServerRestartIT {
    @Test
    void theReadmeRunLineStartsTheServerAndStateSurvivesARestart() throws Exception {
        try (ServerProcess server = ServerProcess.start("restart-" + System.nanoTime(), Map.of())) {
            assertTrue(server.commandLine().containsAll(List.of("--deploy", "--contextroot", "/", "--nohazelcast")));
            HttpResponse<String> ready = server.admin().anonymous().get("health/ready", "application/json");
            assertEquals(200, ready.statusCode());
            assertTrue(Files.isDirectory(server.dataDir().resolve("db")), "the embedded H2 database lives in the data dir");

            Http admin = server.admin();
            assertEquals(201, admin.send("POST", ManagementApiIT.COLLECTION + "/settings", ManagementApiIT.ATOM,
                    Documents.iisCreateEntry("Survivor"), "Slug", "/live/survivor.isml").statusCode());
            assertEquals(201, admin.send("POST", ManagementApiIT.COLLECTION + "/settings", ManagementApiIT.ATOM,
                    Documents.settingsEntry("<Title>Stopped one</Title>"), "Slug", "/live/stopped.isml").statusCode());
            assertEquals(200, admin.send("PUT", "live/survivor.isml/state", ManagementApiIT.ATOM,
                    Documents.stateEntry("Started")).statusCode());
            assertEquals(200, admin.send("PUT", "live/stopped.isml/state", ManagementApiIT.ATOM,
                    Documents.stateEntry("Started")).statusCode());
            assertEquals(200, admin.send("PUT", "live/stopped.isml/state", ManagementApiIT.ATOM,
                    Documents.stateEntry("Stopped")).statusCode());

            server.restart();

            String settings = admin.get("live/survivor.isml/settings", ManagementApiIT.ATOM).body();
            assertTrue(settings.contains("<Title>Survivor</Title>"), settings);
            assertTrue(settings.contains("<SegmentLength>PT30M</SegmentLength>"), settings);
            assertTrue(admin.get("live/survivor.isml/state", ManagementApiIT.ATOM).body()
                    .contains("<Value>Starting</Value>"), "a started point waits for its encoder again");
            assertTrue(admin.get("live/stopped.isml/state", ManagementApiIT.ATOM).body()
                    .contains("<Value>Stopped</Value>"));
            assertFalse(server.logLines("Publishing point /live/survivor.isml restored as Starting").isEmpty());
        }
    }

    @Test
    void withNoPasswordConfiguredOneIsGeneratedIntoAFileOnlyTheServersUserReadsAndNeverIntoTheLog()
            throws IOException {
        try (ServerProcess server = ServerProcess.start("generated-" + System.nanoTime(),
                Map.of("OPENLSS_ADMIN_PASSWORD", "", "OPENLSS_ADMIN_USER", "operator", "OPENLSS_ENCODER_PASSWORD", ""))) {
            Path file = server.dataDir().resolve("generated-credentials.properties");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            Properties generated = properties(file);
            assertEquals("operator", generated.getProperty("admin.user"));
            assertEquals("encoder", generated.getProperty("encoder.user"), "the encoder account's, too");
            String password = generated.getProperty("admin.password");
            assertEquals(2, server.logLines("with a generated password, written to " + file).size(),
                    "the log says where, for both accounts");
            assertEquals(List.of(), server.logLines(password), "the log never shows the password");
            assertEquals(List.of(), server.logLines(generated.getProperty("encoder.password")));

            Http admin = new Http(server.base(), "operator", password);
            assertEquals(200, admin.get(ManagementApiIT.COLLECTION, ManagementApiIT.ATOM).statusCode());
            assertEquals(401, new Http(server.base(), "operator", password + "x")
                    .get(ManagementApiIT.COLLECTION, ManagementApiIT.ATOM).statusCode());
            assertEquals(401, new Http(server.base(), "encoder", generated.getProperty("encoder.password"))
                    .get(ManagementApiIT.COLLECTION, ManagementApiIT.ATOM).statusCode(),
                    "the encoder account is no administrator");
            server.restart();
            assertEquals(2, server.logLines("with a generated password").size(), "not generated again");
            assertEquals(generated, properties(file));
            assertEquals(200, admin.get(ManagementApiIT.COLLECTION, ManagementApiIT.ATOM).statusCode());
        }
    }

    private static Properties properties(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        }
        return properties;
    }
}
