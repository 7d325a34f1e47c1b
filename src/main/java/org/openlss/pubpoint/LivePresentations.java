package org.openlss.pubpoint;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.openlss.live.Presentation;
import org.openlss.live.PresentationListener;
import org.openlss.live.PresentationSettings;
import org.openlss.platform.ServerConfig;

/**
 * The live presentation (event) of every publishing point that has one, opened and closed by the lifecycle: a start
 * from Idle opens a new event, Stopped ends it (DVR-only), Idle deletes it. At server start the event of a running or
 * stopped point is reopened from disk. Outputs attach to a new presentation by observing {@link Opened}.
 */
@ApplicationScoped
public class LivePresentations {
    private static final Logger LOG = Logger.getLogger(LivePresentations.class.getName());
    /**
     * Newest fragments kept in memory per quality level when the point does not say (LiveCacheLength): the newest
     * listed one, from which its served response is built once its lookahead is complete, and the lookahead's two;
     * the rest of the DVR window is read from its file, where the page cache keeps what players ask for.
     */
    private static final int DEFAULT_LIVE_CACHE = 3;

    @Inject
    ServerConfig config;
    @Inject
    PublishingPoints points;
    @Inject
    Event<Opened> opened;

    private final Map<PublishingPointPath, Opened> live = new ConcurrentHashMap<>();

    /** A presentation was opened for {@code point}'s current event; observers attach their listeners now. */
    public record Opened(PublishingPoint point, Presentation presentation) {
    }

    /** The presentation of {@code path}'s current event, if it has one. */
    public Optional<Presentation> find(PublishingPointPath path) {
        Opened o = live.get(path);
        return Optional.ofNullable(o == null ? null : o.presentation());
    }

    void onStateChanged(@Observes PublishingPointStateChanged change) {
        PublishingPoint point = change.point();
        PublishingPointState state = point.state();
        if (state == PublishingPointState.Idle || state == PublishingPointState.ShuttingDown) {
            Opened gone = live.remove(point.path());
            if (gone != null) {
                gone.presentation().stop();
                gone.presentation().delete();
            }
            return;
        }
        if (!state.hasEvent() && state != PublishingPointState.Error) {
            return;
        }
        Opened current = live.get(point.path());
        if (current == null || current.point().eventNumber() != point.eventNumber()) {
            if (current != null) {
                current.presentation().stop();
                current.presentation().delete();
            }
            current = open(point);
        }
        if (state == PublishingPointState.Stopped || state == PublishingPointState.Error) {
            current.presentation().stop();
        }
    }

    private Opened open(PublishingPoint point) {
        Path dir = eventDirectory(point);
        PublishingPointSettings s = point.settings();
        int liveCache = s.clientConnections().liveCacheLength() == null ? DEFAULT_LIVE_CACHE
                : (int) Math.max(2, Math.min(120, s.clientConnections().liveCacheLength().toSeconds() / 2));
        Duration maxJump = config.value("openlss.ingest.max-timeline-jump-seconds").map(Long::parseLong)
                .map(Duration::ofSeconds).orElse(PresentationSettings.DEFAULT_MAX_TIMELINE_JUMP);
        Presentation presentation = Presentation.open(dir, new PresentationSettings(s.lookAheadChunks(),
                s.clientConnections().windowLength(), liveCache, PresentationSettings.DEFAULT_EVICTION_GRACE,
                s.maxStreams(), maxJump));
        presentation.addListener(new PresentationListener() {
            @Override
            public void allStreamsEnded() {
                points.allStreamsEnded(point.path());
            }

            @Override
            public void storageFailed(String problem) {
                points.fail(point.path(), problem);
            }
        });
        Opened o = new Opened(point, presentation);
        live.put(point.path(), o);
        opened.fire(o);
        presentation.resume();
        LOG.info("Opened event " + point.eventNumber() + " of " + point.path().urlPath() + " in " + dir);
        return o;
    }

    /** {@code <data dir>/dvr/<point path>/event-<n>}: the path is validated, so it is safe as folders. */
    private Path eventDirectory(PublishingPoint point) {
        return config.dataDir().resolve("dvr").resolve(point.path().value()).resolve("event-" + point.eventNumber());
    }

    @PreDestroy
    void close() {
        live.values().forEach(o -> o.presentation().close());
        live.clear();
    }
}
