package org.openlss.syndication;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openlss.live.IncomingStream;
import org.openlss.live.Presentation;
import org.openlss.live.PresentationListener;
import org.openlss.pubpoint.BehaviourErrors;
import org.openlss.pubpoint.Destinations;
import org.openlss.pubpoint.LivePresentations;
import org.openlss.pubpoint.PublishingPoint;
import org.openlss.pubpoint.PublishingPointPath;
import org.openlss.pubpoint.PublishingPointState;
import org.openlss.pubpoint.PublishingPointStateChanged;
import org.openlss.pubpoint.SyndicationUrl;

/**
 * Push syndication: every input stream a Push point receives is re-posted to each of its downstream URLs, one
 * {@link PushConnection} per (downstream, stream), opened when the stream first arrives and closed when the point is
 * shut down.
 */
@ApplicationScoped
public class PushSyndication {
    @Inject
    SyndicationHttp http;
    @Inject
    Destinations destinations;
    @Inject
    BehaviourErrors errors;

    private final Map<PublishingPointPath, Map<String, PushConnection>> connections = new ConcurrentHashMap<>();

    void onOpened(@Observes LivePresentations.Opened opened) {
        PublishingPoint point = opened.point();
        if (point.settings().pushTo().isEmpty()) {
            return;
        }
        stopAll(point.path());
        Map<String, PushConnection> forPoint = new ConcurrentHashMap<>();
        connections.put(point.path(), forPoint);
        Presentation presentation = opened.presentation();
        presentation.addListener(new PresentationListener() {
            @Override
            public void streamOpened(IncomingStream stream) {
                for (SyndicationUrl downstream : point.settings().pushTo()) {
                    forPoint.computeIfAbsent(downstream.url() + " " + stream.id(), key -> {
                        PushConnection c = new PushConnection(point.path(), downstream, presentation, stream,
                                point.settings().serverConnections().sendEndOfStreamOnStop(), http, destinations,
                                errors);
                        c.start();
                        return c;
                    });
                }
            }
        });
    }

    void onStateChanged(@Observes PublishingPointStateChanged change) {
        if (change.newState() == PublishingPointState.Idle) {
            stopAll(change.point().path());
        }
    }

    private void stopAll(PublishingPointPath path) {
        Map<String, PushConnection> old = connections.remove(path);
        if (old != null) {
            old.values().forEach(PushConnection::stop);
        }
    }
}
