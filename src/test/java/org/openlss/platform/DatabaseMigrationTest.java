package org.openlss.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
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

    /** An empty database of the kind {@code database} names: a new H2 file, or a new schema in PostgreSQL. */
    private record EmptyDatabase(String url, String server, String schema) implements AutoCloseable {
        static EmptyDatabase of(String database) throws SQLException {
            if (database.equals("h2")) {
                return new EmptyDatabase("jdbc:h2:file:" + dir.resolve("db-" + UUID.randomUUID())
                        + ";DB_CLOSE_ON_EXIT=FALSE", null, null);
            }
            String schema = "openlss_migration_" + UUID.randomUUID().toString().substring(0, 8);
            execute(database, "CREATE SCHEMA " + schema);
            return new EmptyDatabase(database.replaceAll("([?&])currentSchema=[^&]*&?", "$1").replaceAll("[?&]$", "")
                    + (database.contains("?") ? "&" : "?") + "currentSchema=" + schema, database, schema);
        }

        @Override
        public void close() throws SQLException {
            if (schema != null) {
                execute(server, "DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void migratesAndMapsTheEntities(String database) throws SQLException {
        try (EmptyDatabase empty = EmptyDatabase.of(database)) {
            String url = empty.url();
            PublishingPointPath path = PublishingPointPath.of("/live/migrated.isml");
            PublishingPointSettings settings = new PublishingPointSettings("Migrated", SourceType.Push,
                    Duration.ofHours(2), true, true, 3, new ArchiveSettings(true, Duration.ofMinutes(10), null, true),
                    new ClientConnectionSettings(true, Duration.ofMinutes(30), null, "2.2"),
                    new ServerConnectionSettings(true, false), List.of(),
                    List.of(new SyndicationUrl("http://a/x.isml", "c1"), new SyndicationUrl("http://b/x.isml", null)),
                    HlsSettings.DISABLED.withEnabled(true), "c1");
            try (Database db = Database.open(url, "", "", null, entities())) {
                db.inTransaction(em -> {
                    em.persist(new PublishingPointEntity(path, settings, Instant.now()));
                    return null;
                });
            }
            try (Database again = Database.open(url, "", "", null, entities())) {
                PublishingPointEntity stored = again.inTransaction(em -> em.createQuery(
                        "select p from PublishingPointEntity p", PublishingPointEntity.class).getSingleResult());
                assertEquals(settings, stored.settings(), "every setting round-trips through the schema");
                assertEquals(PublishingPointState.Idle, stored.state());
                long changeSets = again.inTransaction(em -> ((Number) em.createNativeQuery(
                        "select count(*) from databasechangelog").getSingleResult()).longValue());
                assertTrue(changeSets >= 3, "the changelog was recorded once: " + changeSets);
                assertTrue(again.reachable(2));
            }
        }
    }

    /**
     * 003: point names are unique regardless of letter case. A database from before that holds two case variants (the
     * earlier versions allowed them) stops the migration with what to do; once one is gone, it migrates, and the
     * lower-cased key refuses new variants.
     */
    @ParameterizedTest
    @MethodSource("databases")
    void caseVariantsOfAPointNameStopTheMigrationUntilOneIsGone(String database) throws SQLException {
        try (EmptyDatabase empty = EmptyDatabase.of(database)) {
            try (Database db = Database.open(empty.url(), "", "", null, entities())) {
                db.inTransaction(em -> {
                    em.persist(new PublishingPointEntity(PublishingPointPath.of("/Live/A.isml"),
                            PublishingPointSettings.defaults(), Instant.now()));
                    em.persist(new PublishingPointEntity(PublishingPointPath.of("/live/b.isml"),
                            PublishingPointSettings.defaults(), Instant.now()));
                    return null;
                });
            }
            // the schema before 003, where the second point became a case variant of the first
            execute(empty.url(), "ALTER TABLE publishing_point DROP CONSTRAINT uq_publishing_point_path_key");
            execute(empty.url(), "ALTER TABLE publishing_point DROP COLUMN path_key");
            execute(empty.url(), "DELETE FROM databasechangelog WHERE id = '003-point-names-ignore-case'");
            execute(empty.url(), "UPDATE publishing_point SET path = 'live/a.isml' WHERE path = 'live/b.isml'");

            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> Database.open(empty.url(), "", "", null, entities()).close());
            assertTrue(refused.getMessage().contains("named alike but for letter case"), refused.getMessage());

            execute(empty.url(), "DELETE FROM publishing_point WHERE path = 'live/a.isml'");
            try (Database db = Database.open(empty.url(), "", "", null, entities())) {
                assertEquals("live/a.isml", db.inTransaction(em -> em.createNativeQuery(
                        "SELECT path_key FROM publishing_point WHERE path = 'Live/A.isml'").getSingleResult()));
                assertThrows(PersistenceException.class, () -> db.inTransaction(em -> {
                    em.persist(new PublishingPointEntity(PublishingPointPath.of("/LIVE/a.isml"),
                            PublishingPointSettings.defaults(), Instant.now()));
                    return null;
                }));
            }
        }
    }

    /** OPENLSS_DB_SCHEMA: servers sharing one database (an origin and its edge) each keep their tables apart. */
    @ParameterizedTest
    @MethodSource("databases")
    void serversSharingADatabaseKeepTheirTablesInSchemasCreatedForThem(String database) throws SQLException {
        String url = database.equals("h2") ? "jdbc:h2:file:" + dir.resolve("db-" + UUID.randomUUID())
                + ";DB_CLOSE_ON_EXIT=FALSE" : database;
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        List<String> schemas = List.of("openlss_origin_" + suffix, "openlss_edge_" + suffix);
        try {
            for (String schema : schemas) {
                try (Database db = Database.open(url, "", "", schema, entities())) {
                    db.inTransaction(em -> {
                        em.persist(new PublishingPointEntity(PublishingPointPath.of("/live/" + schema + ".isml"),
                                PublishingPointSettings.defaults(), Instant.now()));
                        return null;
                    });
                }
            }
            try (Database again = Database.open(url, "", "", schemas.get(1), entities())) {
                List<String> paths = again.inTransaction(em -> em.createQuery("select p from PublishingPointEntity p",
                        PublishingPointEntity.class).getResultList().stream().map(p -> p.path().toString()).toList());
                assertEquals(List.of("live/" + schemas.get(1) + ".isml"), paths, "the edge sees its own points only");
            }
        } finally {
            if (!database.equals("h2")) {
                for (String schema : schemas) {
                    execute(database, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                }
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
