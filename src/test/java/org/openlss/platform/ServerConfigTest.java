package org.openlss.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server-wide settings over what MicroProfile Config found (environment, system properties, files). */
class ServerConfigTest {
    @TempDir
    Path dir;

    private final Map<String, String> found = new HashMap<>();

    @Test
    void valuesAreTrimmedAndABlankOneCountsAsUnset() {
        found.put("openlss.admin.user", "  operator ");
        found.put("openlss.admin.password", "   ");
        ServerConfig config = config();
        assertEquals("operator", config.adminUser());
        assertEquals(Optional.empty(), config.adminPassword(), "an empty OPENLSS_ADMIN_PASSWORD means none");
        assertEquals(Optional.empty(), config.value("openlss.credentials.key"));
    }

    @Test
    void theDefaultsWhenNothingIsSet() {
        ServerConfig config = config();
        assertEquals("admin", config.adminUser());
        assertEquals(Optional.empty(), config.adminPassword());
        assertEquals("", config.databasePassword());
        assertEquals(Optional.empty(), config.credentialsKey());
        assertTrue(config.fastLane());
    }

    @Test
    void theDataDirectoryIsMadeAbsoluteNormalisedAndCreated() {
        found.put("openlss.data.dir", dir.resolve("a/../data").toString());
        ServerConfig config = config();
        assertEquals(dir.resolve("data").toAbsolutePath(), config.dataDir());
        assertTrue(Files.isDirectory(dir.resolve("data")));
    }

    @Test
    void aDataDirectoryThatCannotBeCreatedSaysWhichAndWhatToSet() throws IOException {
        Path blocker = Files.writeString(dir.resolve("not-a-folder"), "a file where a folder should be");
        found.put("openlss.data.dir", blocker.resolve("data").toString());
        UncheckedIOException e = assertThrows(UncheckedIOException.class, config()::dataDir);
        assertEquals("Cannot create the data directory " + blocker.resolve("data")
                + " (set OPENLSS_DATA_DIR to a writable folder)", e.getMessage());
    }

    @Test
    void theDatabaseIsAnEmbeddedH2FileUnderTheDataDirectoryByDefault() {
        found.put("openlss.data.dir", dir.toString());
        ServerConfig config = config();
        assertEquals("jdbc:h2:file:" + dir.resolve("db/openlss") + ";DB_CLOSE_ON_EXIT=FALSE", config.databaseUrl());
        assertEquals("sa", config.databaseUser());
    }

    @Test
    void anotherDatabaseHasNoDefaultUser() {
        found.put("openlss.db.url", "jdbc:postgresql://db/openlss");
        assertEquals("jdbc:postgresql://db/openlss", config().databaseUrl());
        assertEquals("", config().databaseUser());
        found.put("openlss.db.user", "lss");
        assertEquals("lss", config().databaseUser());
    }

    @Test
    void aDatabaseSchemaIsAPlainSqlNameOrNone() {
        assertEquals(Optional.empty(), config().databaseSchema());
        found.put("openlss.db.schema", " edge_1 ");
        assertEquals(Optional.of("edge_1"), config().databaseSchema());
        for (String bad : List.of("1edge", "edge-1", "edge; DROP TABLE account", "\"edge\"", "x".repeat(64))) {
            found.put("openlss.db.schema", bad);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> config().databaseSchema());
            assertTrue(e.getMessage().startsWith("OPENLSS_DB_SCHEMA must be an SQL name"), e.getMessage());
        }
    }

    @Test
    void theFastLaneIsOnUnlessSetToFalse() {
        found.put("openlss.fast.lane", "false");
        assertFalse(config().fastLane());
        found.put("openlss.fast.lane", " TRUE ");
        assertTrue(config().fastLane());
    }

    /** A ServerConfig over {@link #found}; it asks for strings only. */
    private ServerConfig config() {
        ServerConfig config = new ServerConfig();
        config.config = (Config) Proxy.newProxyInstance(Config.class.getClassLoader(), new Class<?>[]{Config.class},
                (p, m, args) -> {
                    if (m.getName().equals("getOptionalValue") && args[1] == String.class) {
                        return Optional.ofNullable(found.get((String) args[0]));
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
        return config;
    }
}
