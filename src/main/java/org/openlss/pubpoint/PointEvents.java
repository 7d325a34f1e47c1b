package org.openlss.pubpoint;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openlss.platform.AuditTrail;
import org.openlss.platform.BoundedLog;

/**
 * Each publishing point's event log: encoder connections, reconnections, disconnections and ends of stream, state
 * changes, archive segments and errors, syndication failovers; the newest {@value #KEPT} per point in memory, for the
 * details page and {@code GET <point>/events}. The features report here as they report errors to
 * {@link BehaviourErrors}; a point's log outlives its shutdown (it tells what happened) and goes with its deletion.
 */
@ApplicationScoped
public class PointEvents {
    public static final int KEPT = 200;

    private final Clock clock;
    private final int kept;
    private final Map<PublishingPointPath, Log> logs = new ConcurrentHashMap<>();

    /** One point's entries; numbered under the lock so that the numbers follow the order of the log. */
    private static final class Log {
        private final BoundedLog<PointEvent> entries;
        private long sequence;

        Log(int kept) {
            entries = new BoundedLog<>(kept);
        }

        synchronized void add(Clock clock, PointEvent.Kind kind, String stream, String text) {
            entries.add(new PointEvent(++sequence, clock.instant(), kind, stream, text));
        }
    }

    public PointEvents() {
        this(Clock.systemUTC(), KEPT);
    }

    PointEvents(Clock clock, int kept) {
        this.clock = clock;
        this.kept = kept;
    }

    /** Records that {@code kind} happened to {@code point}; {@code stream} may be empty, {@code text} says more. */
    public void record(PublishingPointPath point, PointEvent.Kind kind, String stream, String text) {
        logs.computeIfAbsent(point, p -> new Log(kept)).add(clock, kind, AuditTrail.clean(stream),
                AuditTrail.clean(text));
    }

    /** The entries kept for {@code point}, newest first; none for a point that has none (or no longer exists). */
    public List<PointEvent> recent(PublishingPointPath point) {
        Log log = logs.get(point);
        return log == null ? List.of() : log.entries.recent();
    }

    /** The newest {@code limit} entries at most, newest first. */
    public List<PointEvent> recent(PublishingPointPath point, int limit) {
        Log log = logs.get(point);
        return log == null ? List.of() : log.entries.recent(limit);
    }

    /** Every step, transitions included; the announcement at server start only when the state differs. */
    void onStateChanged(@Observes PublishingPointStateChanged change) {
        if (change.oldState() != change.newState()) {
            record(change.point().path(), PointEvent.Kind.STATE_CHANGED, "",
                    change.oldState() + " → " + change.newState());
        }
    }

    /** A deleted point's log goes with it (a new point of the same name starts afresh). */
    void onDeleted(@Observes PublishingPointDeleted deleted) {
        logs.remove(deleted.path());
    }
}
