package org.openlss.pubpoint;

import java.time.Instant;

/**
 * A publishing point as it stands at one moment: definition, lifecycle state and current event. Immutable; the service
 * replaces it on every change, so readers on hot paths see a consistent view without locking or database access.
 *
 * @param eventNumber counts the starts from Idle; each start opens a new event (timeline, DVR store, archive folder)
 */
public record PublishingPoint(PublishingPointPath path, PublishingPointSettings settings, PublishingPointState state,
                              String lastError, int eventNumber, Instant eventStarted, Instant updated) {

    PublishingPoint withSettings(PublishingPointSettings newSettings, Instant now) {
        return new PublishingPoint(path, newSettings, state, lastError, eventNumber, eventStarted, now);
    }

    /** Entering Starting from Idle begins a new event. */
    PublishingPoint enter(PublishingPointState next, String error, Instant now) {
        boolean newEvent = next == PublishingPointState.Starting && state == PublishingPointState.Idle;
        return new PublishingPoint(path, settings, next, error, newEvent ? eventNumber + 1 : eventNumber,
                newEvent ? now : eventStarted, now);
    }
}
