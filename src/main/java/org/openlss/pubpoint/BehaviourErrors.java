package org.openlss.pubpoint;

import jakarta.enterprise.context.ApplicationScoped;
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
    private final Map<PublishingPointPath, String> archive = new ConcurrentHashMap<>();

    public void archiveFailed(PublishingPointPath path, String message) {
        if (!message.equals(archive.put(path, message))) {
            LOG.severe("Archiving of " + path.urlPath() + " failed: " + message);
        }
    }

    public void archiveRecovered(PublishingPointPath path) {
        if (archive.remove(path) != null) {
            LOG.info("Archiving of " + path.urlPath() + " works again");
        }
    }

    public Optional<String> archiveError(PublishingPointPath path) {
        return Optional.ofNullable(archive.get(path));
    }

    /** The point's status with the errors reported for it. */
    public PublishingPointStatus status(PublishingPoint point) {
        return PublishingPointStatus.of(point.settings(), point.state(), archive.get(point.path()));
    }
}
