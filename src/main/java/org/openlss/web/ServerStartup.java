package org.openlss.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openlss.platform.PersistenceService;
import org.openlss.platform.ServerConfig;
import org.openlss.pubpoint.PublishingPoints;

/**
 * Brings the server up when the application starts: schema migration, accounts, then the publishing
 * points in the state they come back in. A failure is logged and reported by the readiness check.
 */
@ApplicationScoped
public class ServerStartup {
    private static final Logger LOG = Logger.getLogger(ServerStartup.class.getName());

    @Inject
    PersistenceService persistence;
    @Inject
    Accounts accounts;
    @Inject
    PublishingPoints points;
    @Inject
    ServerConfig config;

    private volatile boolean started;
    private volatile String failure = "starting";

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        long t0 = System.nanoTime();
        try {
            LOG.info("OpenLSS data directory: " + config.dataDir());
            persistence.database();
            accounts.ensureAccounts();
            points.restore();
            started = true;
            failure = null;
            LOG.info(String.format("OpenLSS started in %d ms with %d publishing point(s)",
                    (System.nanoTime() - t0) / 1_000_000, points.all().size()));
        } catch (RuntimeException | LinkageError e) {
            failure = String.valueOf(e.getMessage());
            LOG.log(Level.SEVERE, "OpenLSS failed to start: " + e.getMessage(), e);
        }
    }

    public boolean started() {
        return started;
    }

    /** Why the server is not started, or null. */
    public String failure() {
        return failure;
    }
}
