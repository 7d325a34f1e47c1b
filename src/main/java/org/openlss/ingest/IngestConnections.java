package org.openlss.ingest;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.openlss.platform.ServerConfig;

/**
 * The open ingest connections. A connection that delivers nothing for the idle timeout is closed, so a dead encoder
 * does not pin its stream identifier, and so is one that sent its headers but no fragment within the first-fragment
 * timeout (it holds a connection and shows no stream); the check runs on the container's scheduled executor.
 */
@ApplicationScoped
public class IngestConnections {
    private static final Logger LOG = Logger.getLogger(IngestConnections.class.getName());
    private static final long DEFAULT_IDLE_SECONDS = 60;
    private static final long DEFAULT_FIRST_FRAGMENT_SECONDS = 30;

    @Resource
    ManagedScheduledExecutorService scheduler;
    @Inject
    ServerConfig config;

    private final Set<IngestReader> open = ConcurrentHashMap.newKeySet();
    private ScheduledFuture<?> check;
    private long idleMillis;
    private long firstFragmentMillis;

    @PostConstruct
    void start() {
        idleMillis = TimeUnit.SECONDS.toMillis(config.value("openlss.ingest.idle-timeout-seconds")
                .map(Long::parseLong).orElse(DEFAULT_IDLE_SECONDS));
        firstFragmentMillis = TimeUnit.SECONDS.toMillis(config.value("openlss.ingest.first-fragment-timeout-seconds")
                .map(Long::parseLong).orElse(DEFAULT_FIRST_FRAGMENT_SECONDS));
        check = scheduler.scheduleWithFixedDelay(this::closeIdle, 5, 5, TimeUnit.SECONDS);
    }

    void opened(IngestReader reader) {
        open.add(reader);
    }

    void closed(IngestReader reader) {
        open.remove(reader);
    }

    /** How many encoders are connected now. */
    public int count() {
        return open.size();
    }

    private void closeIdle() {
        long now = System.currentTimeMillis();
        for (IngestReader reader : open) {
            if (now - reader.lastDataMillis() > idleMillis) {
                LOG.warning(reader + " delivered nothing for " + idleMillis / 1000 + " s; closing the connection");
                reader.refuse(408, "no data for " + idleMillis / 1000 + " s");
                continue;
            }
            long headersAt = reader.waitingForFirstFragmentSince();
            if (headersAt >= 0 && now - headersAt > firstFragmentMillis) {
                LOG.warning(reader + " sent headers but no fragment for " + firstFragmentMillis / 1000
                        + " s; closing the connection");
                reader.refuse(408, "headers but no fragment within " + firstFragmentMillis / 1000 + " s");
            }
        }
    }

    @PreDestroy
    void stop() {
        if (check != null) {
            check.cancel(false);
        }
        open.forEach(IngestReader::abandon);
    }
}
