package org.openlss.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openlss.pubpoint.ArchiveSettings;
import org.openlss.pubpoint.ClientConnectionSettings;
import org.openlss.pubpoint.HlsSettings;
import org.openlss.pubpoint.PublishingPointEntity;
import org.openlss.pubpoint.PublishingPointPath;
import org.openlss.pubpoint.PublishingPointSettings;
import org.openlss.pubpoint.PublishingPointState;
import org.openlss.pubpoint.ServerConnectionSettings;
import org.openlss.pubpoint.SourceType;
import org.openlss.pubpoint.SyndicationUrl;
import org.openlss.pubpoint.credential.StoredCredentialEntity;
import org.openlss.web.AccountEntity;

/**
 * The one Liquibase changelog migrates the embedded H2 database and PostgreSQL (when OPENLSS_TEST_PG_URL names one,
 * as .ci/run does), runs again as a no-op, and Hibernate maps the entities onto the result.
 */
class DatabaseMigrationTest {
    @TempDir
    static Path dir;

    static Stream<String> databases() {
        List<String> urls = new ArrayList<>();
        urls.add("h2");
        String pg = System.getenv("OPENLSS_TEST_PG_URL");
        if (pg != null && !pg.isBlank()) {
            urls.add(pg);
        }
        return urls.stream();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void migratesAndMapsTheEntities(String database) throws SQLException {
        String url;
        String schema = null;
        if (database.equals("h2")) {
            url = "jdbc:h2:file:" + dir.resolve("db-" + UUID.randomUUID()) + ";DB_CLOSE_ON_EXIT=FALSE";
        } else {
            schema = "openlss_migration_" + UUID.randomUUID().toString().substring(0, 8);
            execute(database, "CREATE SCHEMA " + schema);
            url = database.replaceAll("([?&])currentSchema=[^&]*&?", "$1").replaceAll("[?&]$", "")
                    + (database.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        }
        try {
            PublishingPointPath path = PublishingPointPath.of("/live/migrated.isml");
            PublishingPointSettings settings = new PublishingPointSettings("Migrated", SourceType.Push,
                    Duration.ofHours(2), true, true, 3, new ArchiveSettings(true, Duration.ofMinutes(10), null, true),
                    new ClientConnectionSettings(true, Duration.ofMinutes(30), null, "2.2"),
                    new ServerConnectionSettings(true, false), List.of(),
                    List.of(new SyndicationUrl("http://a/x.isml", "c1"), new SyndicationUrl("http://b/x.isml", null)),
                    HlsSettings.DISABLED.withEnabled(true), "c1");
            try (Database db = Database.open(url, "", "", entities())) {
                db.inTransaction(em -> {
                    em.persist(new PublishingPointEntity(path, settings, Instant.now()));
                    return null;
                });
            }
            try (Database again = Database.open(url, "", "", entities())) {
                PublishingPointEntity stored = again.inTransaction(em -> em.createQuery(
                        "select p from PublishingPointEntity p", PublishingPointEntity.class).getSingleResult());
                assertEquals(settings, stored.settings(), "every setting round-trips through the schema");
                assertEquals(PublishingPointState.Idle, stored.state());
                long changeSets = again.inTransaction(em -> ((Number) em.createNativeQuery(
                        "select count(*) from databasechangelog").getSingleResult()).longValue());
                assertTrue(changeSets >= 3, "the changelog was recorded once: " + changeSets);
                assertTrue(again.reachable(2));
            }
        } finally {
            if (schema != null) {
                execute(database, "DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private static List<Class<?>> entities() {
        return List.of(PublishingPointEntity.class, StoredCredentialEntity.class, AccountEntity.class);
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
