package org.openlss.stats;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openlss.pubpoint.Destinations;
import org.openlss.pubpoint.PublishingPoint;
import org.openlss.pubpoint.PublishingPointDeleted;
import org.openlss.pubpoint.PublishingPointPath;
import org.openlss.pubpoint.PublishingPointState;
import org.openlss.pubpoint.PublishingPointStateChanged;
import org.openlss.pubpoint.PublishingPoints;
import org.openlss.pubpoint.StatisticsSource;

/**
 * Samples every running publishing point every {@value #INTERVAL_SECONDS} s on the container's scheduled executor
 * into its {@link PointHistory} of the last {@value #SAMPLES} samples (ten minutes), for the charts of the details
 * page. A point's history goes when it is shut down or deleted.
 */
@ApplicationScoped
public class HistorySampler {
    public static final int INTERVAL_SECONDS = 5;
    public static final int SAMPLES = 120;
    private static final Logger LOG = Logger.getLogger(HistorySampler.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;
    @Inject
    PublishingPoints points;
    @Inject
    StatisticsSource statistics;
    @Inject
    Destinations destinations;

    private final Map<PublishingPointPath, PointHistory> histories = new ConcurrentHashMap<>();
    private ScheduledFuture<?> sampling;

    /** At deployment, not at first use: the history must be there when the details page first asks. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        sampling = scheduler.scheduleAtFixedRate(this::sampleAll, INTERVAL_SECONDS, INTERVAL_SECONDS,
                TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (sampling != null) {
            sampling.cancel(false);
        }
    }

    /** A task that throws is never run again: one point's trouble, or any, must not end the sampling. */
    private void sampleAll() {
        try {
            sample(System.currentTimeMillis());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot sample the points' history", e);
        }
    }

    private void sample(long now) {
        java.util.Set<PublishingPointPath> running = new java.util.HashSet<>();
        for (PublishingPoint point : points.all()) {
            if (point.state() == PublishingPointState.Idle) {
                continue;
            }
            running.add(point.path());
            try {
                PointHistory history = histories.computeIfAbsent(point.path(),
                        p -> new PointHistory(SAMPLES, INTERVAL_SECONDS));
                synchronized (history) {
                    history.sample(now, statistics.current(point), destinations.requestCounts(point.path()));
                }
            } catch (RuntimeException e) {
                // one point's trouble must not end the sampling of the others
                LOG.log(Level.WARNING, "Cannot sample the history of " + point.path().urlPath(), e);
            }
        }
        // also what a shutdown or deletion during this round left behind
        histories.keySet().retainAll(running);
    }

    /** The point's samples, oldest first; empty while it has none (shut down, or just started). */
    public Optional<PointHistory.Snapshot> snapshot(PublishingPointPath point) {
        PointHistory history = histories.get(point);
        if (history == null) {
            return Optional.empty();
        }
        synchronized (history) {
            return Optional.of(history.snapshot());
        }
    }

    void onShutDown(@Observes PublishingPointStateChanged change) {
        if (change.newState() == PublishingPointState.Idle) {
            histories.remove(change.point().path());
        }
    }

    void onDeleted(@Observes PublishingPointDeleted deleted) {
        histories.remove(deleted.path());
    }
}
