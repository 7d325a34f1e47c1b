package org.openlss.pubpoint;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Run-time failures of a behaviour that do not stop the publishing point (e.g. archiving to a full disk while live
 * delivery goes on): reported here by the behaviour, shown in the point's status until it recovers or the point is
 * shut down.
 */
@ApplicationScoped
public class BehaviourErrors {
    private static final Logger LOG = Logger.getLogger(BehaviourErrors.class.getName());
    @Inject
    PointEvents events;
    private final Map<PublishingPointPath, String> archive = new ConcurrentHashMap<>();
    private final Map<PublishingPointPath, Map<String, String>> sourcing = new ConcurrentHashMap<>();
    private final Map<PublishingPointPath, Map<String, String>> distribution = new ConcurrentHashMap<>();

    public void archiveFailed(PublishingPointPath path, String message) {
        if (!message.equals(archive.put(path, message))) {
            LOG.severe("Archiving of " + path.urlPath() + " failed: " + message);
            events.record(path, PointEvent.Kind.ARCHIVE_ERROR, "", message);
        }
    }

    public void archiveRecovered(PublishingPointPath path) {
        if (archive.remove(path) != null) {
            LOG.info("Archiving of " + path.urlPath() + " works again");
        }
    }

    /** Sourcing from {@code peer} (an upstream URL) fails; {@code message} says how. */
    public void sourcingFailed(PublishingPointPath path, String peer, String message) {
        report(sourcing, path, peer, message, "Pulling");
    }

    public void sourcingRecovered(PublishingPointPath path, String peer) {
        clear(sourcing, path, peer);
    }

    /** Distribution to {@code peer} (a downstream URL) fails; {@code message} says how. */
    public void distributionFailed(PublishingPointPath path, String peer, String message) {
        report(distribution, path, peer, message, "Pushing");
    }

    public void distributionRecovered(PublishingPointPath path, String peer) {
        clear(distribution, path, peer);
    }

    /** A point that was shut down starts its next event with a clean slate. */
    void onShutDown(@Observes PublishingPointStateChanged change) {
        if (change.newState() == PublishingPointState.Idle) {
            archive.remove(change.point().path());
            sourcing.remove(change.point().path());
            distribution.remove(change.point().path());
        }
    }

    private static void report(Map<PublishingPointPath, Map<String, String>> errors, PublishingPointPath path,
                               String peer, String message, String what) {
        String text = peer + ": " + message;
        if (!text.equals(errors.computeIfAbsent(path, p -> new ConcurrentHashMap<>()).put(peer, text))) {
            LOG.warning(what + " of " + path.urlPath() + " fails: " + text);
        }
    }

    private static void clear(Map<PublishingPointPath, Map<String, String>> errors, PublishingPointPath path,
                              String peer) {
        Map<String, String> forPoint = errors.get(path);
        if (forPoint != null && forPoint.remove(peer) != null) {
            LOG.info(path.urlPath() + ": " + peer + " works again");
        }
    }

    private static String joined(Map<PublishingPointPath, Map<String, String>> errors, PublishingPointPath path) {
        Map<String, String> forPoint = errors.get(path);
        return forPoint == null || forPoint.isEmpty() ? null
                : String.join("; ", new java.util.TreeMap<>(forPoint).values());
    }

    public Optional<String> archiveError(PublishingPointPath path) {
        return Optional.ofNullable(archive.get(path));
    }

    /** The point's status with the errors reported for it. */
    public PublishingPointStatus status(PublishingPoint point) {
        return PublishingPointStatus.of(point.settings(), point.state(), archive.get(point.path()),
                joined(sourcing, point.path()), joined(distribution, point.path()));
    }
}
