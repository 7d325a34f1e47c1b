package org.openlss.platform;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Logger;

/** The application's one database, opened at start (migrations first) from the configured URL. */
@ApplicationScoped
public class PersistenceService {
    private static final Logger LOG = Logger.getLogger(PersistenceService.class.getName());

    @Inject
    ServerConfig config;
    @Inject
    Instance<EntityClasses> features;

    private volatile Database database;

    /** Opens the database if it is not open yet; fails with the reason when it cannot. */
    public synchronized Database database() {
        if (database == null) {
            String url = config.databaseUrl();
            String schema = config.databaseSchema().orElse(null);
            LOG.info("Opening database " + url.replaceAll("password=[^;&]*", "password=***")
                    + (schema == null ? "" : ", schema " + schema));
            List<Class<?>> entities = features.stream().flatMap(f -> f.entities().stream()).toList();
            database = Database.open(url, config.databaseUser(), config.databasePassword(), schema, entities);
        }
        return database;
    }

    public <T> T inTransaction(Function<EntityManager, T> work) {
        return database().inTransaction(work);
    }

    /** For readiness: the database was opened and still answers. */
    public boolean ready() {
        Database db = database;
        return db != null && db.reachable(2);
    }

    @PreDestroy
    synchronized void close() {
        if (database != null) {
            database.close();
            database = null;
        }
    }
}
