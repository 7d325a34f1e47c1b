package org.openlss.pubpoint;

/**
 * CDI event fired for every lifecycle step of a publishing point, transitions included, in order, on the thread that
 * caused it. Observers (ingest, archive, HLS, syndication, statistics) must return quickly and hand longer work to the
 * managed executor. At server start each point is announced once with {@code oldState} as it was stored and
 * {@code point} in its restored state, so observers reopen the event's stores.
 */
public record PublishingPointStateChanged(PublishingPoint point, PublishingPointState oldState) {
    public PublishingPointState newState() {
        return point.state();
    }
}
