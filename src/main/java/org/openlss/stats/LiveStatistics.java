package org.openlss.stats;

import jakarta.enterprise.context.ApplicationScoped;
import org.openlss.pubpoint.PublishingPoint;
import org.openlss.pubpoint.PublishingPointStatistics;
import org.openlss.pubpoint.StatisticsSource;

/** The figures of a running publishing point, gathered from its live presentation. */
@ApplicationScoped
public class LiveStatistics implements StatisticsSource {
    @Override
    public PublishingPointStatistics statistics(PublishingPoint point) {
        return PublishingPointStatistics.EMPTY;
    }
}
