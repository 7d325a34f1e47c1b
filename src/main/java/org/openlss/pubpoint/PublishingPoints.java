package org.openlss.pubpoint;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.logging.Logger;
import org.openlss.platform.AuditTrail;
import org.openlss.platform.ServerConfig;
import org.openlss.pubpoint.credential.Credentials;

/**
 * The publishing points of this server: definitions, lifecycle and the events that announce it. Reads come from memory;
 * every change is stored before it becomes visible, and each lifecycle step is announced with
 * {@link PublishingPointStateChanged}. Changes to one point are serialised; different points never wait on each other.
 * What an administrator changes (definitions, requested states) goes to the audit trail.
 */
@ApplicationScoped
public class PublishingPoints {
    private static final Logger LOG = Logger.getLogger(PublishingPoints.class.getName());

    @Inject
    PublishingPointRepository repository;
    @Inject
    Credentials credentials;
    @Inject
    Event<PublishingPointStateChanged> stateChanged;
    @Inject
    Event<PublishingPointDeleted> deleted;
    @Inject
    AuditTrail audit;
    @Inject
    ServerConfig config;

    private final Clock clock = Clock.systemUTC();
    private final Map<PublishingPointPath, PublishingPoint> points = new ConcurrentHashMap<>();
    private final Map<PublishingPointPath, Object> locks = new ConcurrentHashMap<>();
    private final Object createLock = new Object();

    /** Loads every stored point in the state it comes back in after a restart, and announces it. */
    public void restore() {
        for (PublishingPoint stored : repository.loadAll()) {
            PublishingPointState restored = Lifecycle.afterRestart(stored.state());
            PublishingPoint point = restored == stored.state() ? stored
                    : new PublishingPoint(stored.path(), stored.settings(), restored, stored.lastError(),
                    stored.eventNumber(), stored.eventStarted(), clock.instant());
            synchronized (lock(point.path())) {
                if (point != stored) {
                    repository.update(point);
                }
                points.put(point.path(), point);
                if (point.state() != PublishingPointState.Idle) {
                    LOG.info("Publishing point " + point.path().urlPath() + " restored as " + point.state()
                            + " (was " + stored.state() + ")");
                }
                stateChanged.fire(new PublishingPointStateChanged(point, stored.state()));
            }
        }
    }

    public List<PublishingPoint> all() {
        return points.values().stream().sorted(Comparator.comparing(PublishingPoint::path)).toList();
    }

    public Optional<PublishingPoint> find(PublishingPointPath path) {
        return Optional.ofNullable(points.get(path));
    }

    /** The point, or NOT_FOUND. */
    public PublishingPoint get(PublishingPointPath path) {
        return find(path).orElseThrow(() -> new ManagementException(ErrorCode.MPE_MGMT_PUBLISHING_POINT_NOT_FOUND,
                "No publishing point at " + path.urlPath() + "."));
    }

    public PublishingPoint create(PublishingPointPath path, PublishingPointSettings settings) {
        checkReferences(settings);
        synchronized (createLock) {
            if (points.containsKey(path)) {
                throw new ManagementException(ErrorCode.MPE_MGMT_PUBLISHING_POINT_ALREADY_EXISTS,
                        "A publishing point exists already at " + path.urlPath() + ".");
            }
            PublishingPoint point = new PublishingPoint(path, settings, PublishingPointState.Idle, null, 0, null,
                    clock.instant());
            repository.insert(point);
            points.put(path, point);
            LOG.info("Created publishing point " + path.urlPath());
            audit.change("created publishing point " + path.urlPath());
            return point;
        }
    }

    /** Settings change only while the point is shut down (Idle). */
    public PublishingPoint updateSettings(PublishingPointPath path, PublishingPointSettings settings) {
        checkReferences(settings);
        PublishingPoint changed = change(path, current -> {
            if (!Lifecycle.settingsEditable(current.state())) {
                throw new ManagementException(ErrorCode.MPE_MGMT_PUBLISHING_POINT_IN_USE,
                        "Settings can only be changed while the publishing point is shut down (Idle); it is "
                                + current.state() + ".");
            }
            PublishingPoint updated = current.withSettings(settings, clock.instant());
            repository.update(updated);
            points.put(path, updated);
            return updated;
        });
        audit.change("changed the settings of " + path.urlPath());
        return changed;
    }

    /** Shuts the point down if it runs, then removes its definition. */
    public void delete(PublishingPointPath path) {
        change(path, current -> {
            if (current.state() != PublishingPointState.Idle) {
                advance(current, List.of(PublishingPointState.ShuttingDown, PublishingPointState.Idle), null);
            }
            repository.delete(path);
            points.remove(path);
            return null;
        });
        locks.remove(path);
        deleted.fire(new PublishingPointDeleted(path));
        LOG.info("Deleted publishing point " + path.urlPath());
        audit.change("deleted publishing point " + path.urlPath());
    }

    /** An administrator asks for a state (Idle, Started or Stopped). */
    public PublishingPoint requestState(PublishingPointPath path, PublishingPointState target) {
        PublishingPoint point = change(path, current -> advance(current, Lifecycle.requested(current.state(), target),
                null));
        audit.change("asked " + path.urlPath() + " for " + target + " (it is " + point.state() + ")");
        return point;
    }

    /** The first stream data of the event arrived. */
    public PublishingPoint streamArrived(PublishingPointPath path) {
        return change(path, current -> advance(current, Lifecycle.streamArrived(current.state()), null));
    }

    /** Every stream of the event ended with end-of-stream: the point goes DVR-only. */
    public PublishingPoint allStreamsEnded(PublishingPointPath path) {
        return change(path, current -> advance(current, Lifecycle.allStreamsEnded(current.state()), null));
    }

    /**
     * A request (client GET, encoder or upstream POST) reached the point: start it when it is shut down and starts
     * automatically; for an encoder at a stopped point that restarts on reconnect, start a new event.
     */
    public PublishingPoint startOnRequest(PublishingPointPath path, boolean newEncoderStream) {
        return change(path, current -> {
            PublishingPointSettings s = current.settings();
            if (!s.autoStart()) {
                return current;
            }
            if (current.state() == PublishingPointState.Idle) {
                LOG.info("Starting " + path.urlPath() + " on the first request");
                return advance(current, Lifecycle.autoStart(current.state()), null);
            }
            if (newEncoderStream && current.state() == PublishingPointState.Stopped
                    && s.autoRestartOnEncoderReconnect()) {
                LOG.info("Restarting " + path.urlPath() + " for a new event: an encoder reconnected after the stop");
                return advance(current, Lifecycle.autoRestart(current.state()), null);
            }
            return current;
        });
    }

    /** The server found the point unable to run; {@code reason} becomes its last error. */
    public PublishingPoint fail(PublishingPointPath path, String reason) {
        LOG.severe("Publishing point " + path.urlPath() + " failed: " + reason);
        return change(path, current -> advance(current, Lifecycle.failed(current.state()), reason));
    }

    private PublishingPoint change(PublishingPointPath path, Function<PublishingPoint, PublishingPoint> work) {
        synchronized (lock(path)) {
            return work.apply(get(path));
        }
    }

    /** Stores the final state, then makes each step visible and announces it. Caller holds the point's lock. */
    private PublishingPoint advance(PublishingPoint current, List<PublishingPointState> steps, String error) {
        if (steps.isEmpty()) {
            return current;
        }
        Instant now = clock.instant();
        List<PublishingPoint> snapshots = new ArrayList<>(steps.size());
        PublishingPoint point = current;
        for (PublishingPointState step : steps) {
            point = point.enter(step, step == PublishingPointState.Error ? error : null, now);
            snapshots.add(point);
        }
        repository.update(point);
        PublishingPointState old = current.state();
        for (PublishingPoint snapshot : snapshots) {
            points.put(snapshot.path(), snapshot);
            stateChanged.fire(new PublishingPointStateChanged(snapshot, old));
            old = snapshot.state();
        }
        return point;
    }

    private Object lock(PublishingPointPath path) {
        return locks.computeIfAbsent(path, p -> new Object());
    }

    /** What settings name besides themselves: stored credentials that exist, an archive folder the server allows. */
    private void checkReferences(PublishingPointSettings settings) {
        checkCredentials(settings);
        ArchiveFolders.of(config).check(settings.archive().path());
    }

    private void checkCredentials(PublishingPointSettings settings) {
        checkCredential("IngestCredential", settings.ingestCredential());
        checkCredentials("PullFrom", settings.pullFrom());
        checkCredentials("PushTo", settings.pushTo());
    }

    private void checkCredentials(String list, List<SyndicationUrl> urls) {
        for (int i = 0; i < urls.size(); i++) {
            checkCredential(SyndicationUrl.field(list, i + 1) + "@credentialName", urls.get(i).credentialName());
        }
    }

    private void checkCredential(String field, String name) {
        if (name != null && !credentials.exists(name)) {
            throw new InvalidSettingException(field, "no stored credential is named '" + name + "'");
        }
    }
}
