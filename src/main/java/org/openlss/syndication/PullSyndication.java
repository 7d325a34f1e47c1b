package org.openlss.syndication;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openlss.pubpoint.BehaviourErrors;
import org.openlss.pubpoint.LivePresentations;
import org.openlss.pubpoint.PointEvents;
import org.openlss.pubpoint.PublishingPoint;
import org.openlss.pubpoint.PublishingPointPath;
import org.openlss.pubpoint.PublishingPointState;
import org.openlss.pubpoint.PublishingPointStateChanged;
import org.openlss.pubpoint.PublishingPoints;
import org.openlss.pubpoint.SourceType;

/**
 * Pull syndication: a Pull point that has an event fetches its streams from its upstream URLs (first = primary, the
 * others failover) while it is starting or live; stopping or shutting it down ends the pulls. When every URL keeps
 * failing for {@code OPENLSS_PULL_FAILURE_ERROR_SECONDS} the point enters Error, which ends them too.
 */
@ApplicationScoped
public class PullSyndication {
    @Inject
    SyndicationHttp http;
    @Inject
    BehaviourErrors errors;
    @Inject
    PublishingPoints points;
    @Inject
    LivePresentations presentations;
    @Inject
    PointEvents events;

    private final Map<PublishingPointPath, PullSession> sessions = new ConcurrentHashMap<>();

    void onOpened(@Observes LivePresentations.Opened opened) {
        PublishingPoint point = opened.point();
        if (point.settings().sourceType() != SourceType.Pull || !point.state().running()) {
            return;
        }
        stop(point.path());
        UpstreamHealth health = new UpstreamHealth(point.path(), point.settings().pullFrom(), errors,
                Clock.systemUTC(), http.pullFailureLimit(), reason -> points.fail(point.path(), reason));
        PullSession session = new PullSession(point.path(), point.settings().pullFrom(),
                () -> presentations.find(point.path()).orElse(null), () -> points.streamArrived(point.path()), http,
                health, events);
        sessions.put(point.path(), session);
        session.start();
    }

    void onStateChanged(@Observes PublishingPointStateChanged change) {
        PublishingPointState state = change.newState();
        if (state == PublishingPointState.Stopping || state == PublishingPointState.ShuttingDown
                || state == PublishingPointState.Idle || state == PublishingPointState.Stopped
                || state == PublishingPointState.Error) {
            stop(change.point().path());
        }
    }

    private void stop(PublishingPointPath path) {
        PullSession session = sessions.remove(path);
        if (session != null) {
            session.stop();
        }
    }
}
