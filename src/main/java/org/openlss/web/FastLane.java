package org.openlss.web;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openlss.platform.ServerConfig;

/**
 * Opens the player fast lane where the container has one (Payara's Grizzly: {@code web.grizzly}) when the application
 * starts, and closes it when the application stops. Elsewhere, or with {@code OPENLSS_FAST_LANE=false}, every request
 * takes the portable servlet path ({@link HttpEdge}); both lanes answer through the same player gate. The Grizzly
 * classes are touched only by name here, so this class loads on any server.
 */
@WebListener
public class FastLane implements ServletContextListener {
    private static final Logger LOG = Logger.getLogger(FastLane.class.getName());
    private static final String GRIZZLY_HANDLER = "org.glassfish.grizzly.http.server.HttpHandler";
    private static final String INSTALLER = "org.openlss.web.grizzly.GrizzlyInstaller";

    @Inject
    ServerConfig config;
    @Inject
    PublicReads reads;

    private Runnable close;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (!config.fastLane()) {
            LOG.info("Player requests take the servlet path (OPENLSS_FAST_LANE=false)");
            return;
        }
        ClassLoader application = Thread.currentThread().getContextClassLoader();
        try {
            Class.forName(GRIZZLY_HANDLER, false, application);
        } catch (ClassNotFoundException e) {
            LOG.info("Player requests take the servlet path (no Grizzly HTTP server here)");
            return;
        }
        try {
            close = (Runnable) Class.forName(INSTALLER, true, application)
                    .getMethod("install", String.class, PublicReads.class, ClassLoader.class)
                    .invoke(null, event.getServletContext().getContextPath(), reads, application);
            LOG.info(close != null ? "Player requests take the Grizzly fast lane"
                    : "Player requests take the servlet path (no Grizzly HTTP listener found)");
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            LOG.log(Level.WARNING, "Player requests take the servlet path: the Grizzly fast lane could not be opened", e);
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (close != null) {
            close.run();
            close = null;
        }
    }
}
