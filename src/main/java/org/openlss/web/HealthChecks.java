package org.openlss.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.openlss.platform.PersistenceService;
import org.openlss.platform.ServerConfig;

/** MicroProfile Health: live while the application runs; ready once started, with the database and data dir usable. */
@ApplicationScoped
public class HealthChecks {
    @Inject
    ServerStartup startup;
    @Inject
    PersistenceService persistence;
    @Inject
    ServerConfig config;

    @Produces
    @Liveness
    HealthCheck live() {
        return () -> HealthCheckResponse.named("openlss").up().build();
    }

    @Produces
    @Readiness
    HealthCheck started() {
        return () -> HealthCheckResponse.named("openlss-started").status(startup.started())
                .withData("failure", startup.failure() == null ? "" : startup.failure()).build();
    }

    @Produces
    @Readiness
    HealthCheck database() {
        return () -> HealthCheckResponse.named("database").status(startup.started() && persistence.ready()).build();
    }

    @Produces
    @Readiness
    HealthCheck dataDirectory() {
        return () -> {
            Path dir;
            try {
                dir = config.dataDir();
                Path probe = Files.createTempFile(dir, ".ready", ".tmp");
                Files.delete(probe);
                return HealthCheckResponse.named("data-directory").up().withData("path", dir.toString()).build();
            } catch (IOException | RuntimeException e) {
                return HealthCheckResponse.named("data-directory").down().withData("error", String.valueOf(e.getMessage()))
                        .build();
            }
        };
    }
}
