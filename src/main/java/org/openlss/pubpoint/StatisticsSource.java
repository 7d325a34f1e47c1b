package org.openlss.pubpoint;

/** Where the figures of a running publishing point come from (ingest, delivery and syndication counters). */
public interface StatisticsSource {
    PublishingPointStatistics statistics(PublishingPoint point);

    /** The statistics of any point: a shut-down (Idle) point has no streams, so none are gathered for it. */
    default PublishingPointStatistics current(PublishingPoint point) {
        return point.state() == PublishingPointState.Idle ? PublishingPointStatistics.EMPTY : statistics(point);
    }
}
