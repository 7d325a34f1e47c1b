package org.openlss.pubpoint;

/** Where the figures of a running publishing point come from (ingest, delivery and syndication counters). */
public interface StatisticsSource {
    PublishingPointStatistics statistics(PublishingPoint point);
}
