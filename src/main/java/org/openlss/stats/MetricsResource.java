package org.openlss.stats;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.openlss.pubpoint.PublishingPoints;
import org.openlss.pubpoint.StatisticsSource;

/**
 * {@code GET /services/metrics}: the publishing points' figures in the Prometheus text format. Under
 * {@code /services/} like the rest of the management API, so it needs the administrator (HTTP Basic, which Prometheus
 * sends with {@code basic_auth}): the figures name every point and its streams. Not at {@code /metrics}, which Payara
 * keeps for its own MicroProfile Metrics.
 */
@Path("metrics")
public class MetricsResource {
    @Inject
    PublishingPoints points;
    @Inject
    StatisticsSource statistics;

    @GET
    public Response scrape() {
        String text = PublishingPointMetrics.render(points.all().stream()
                .map(p -> new PublishingPointMetrics.Figures(p, statistics.current(p))).toList());
        return Response.ok(text, PublishingPointMetrics.contentType()).header("Cache-Control", "no-store").build();
    }
}
