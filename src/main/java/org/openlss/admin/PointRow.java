package org.openlss.admin;

import org.openlss.pubpoint.Lifecycle;
import org.openlss.pubpoint.PublishingPoint;
import org.openlss.pubpoint.PublishingPointState;
import org.openlss.pubpoint.PublishingPointStatus;

/**
 * A publishing point as a line of the publishing points page: its status per behaviour and the actions the IIS
 * Actions pane offers for it, which are exactly the requests the lifecycle would carry out.
 */
public record PointRow(PublishingPoint point, PublishingPointStatus status) {

    public String path() {
        return point.path().value();
    }

    /** The State column, worded as everywhere else, e.g. "Stopped (DVR-only)". */
    public String stateText() {
        return point.state().wording();
    }

    public boolean canStart() {
        return Lifecycle.allows(point.state(), PublishingPointState.Started);
    }

    public boolean canStopLiveSource() {
        return Lifecycle.allows(point.state(), PublishingPointState.Stopped);
    }

    public boolean canShutDown() {
        return Lifecycle.allows(point.state(), PublishingPointState.Idle);
    }

    public boolean canEdit() {
        return Lifecycle.settingsEditable(point.state());
    }

    /** Details exist for a point with an event; a shut-down point has no streams (its statistics are refused). */
    public boolean hasDetails() {
        return point.state() != PublishingPointState.Idle;
    }
}
