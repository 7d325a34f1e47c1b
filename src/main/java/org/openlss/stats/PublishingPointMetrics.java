package org.openlss.stats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.openlss.pubpoint.PublishingPoint;
import org.openlss.pubpoint.PublishingPointState;
import org.openlss.pubpoint.PublishingPointStatistics;
import org.openlss.pubpoint.PublishingPointStatistics.InputStream;
import org.openlss.pubpoint.PublishingPointStatistics.Track;

/**
 * The figures of the Details screen for Prometheus: the state of every publishing point, and per track the incoming
 * bitrate, request rate, fragments and bytes ingested and served, labelled by point path, stream, track, type and
 * name. Counters restart at zero with each event (a start from shut down), which Prometheus treats as a reset.
 */
public final class PublishingPointMetrics {
    /** A point with the statistics it had at the scrape. */
    public record Figures(PublishingPoint point, PublishingPointStatistics statistics) {
    }

    private record TrackMetric(String name, String type, String help, ToDoubleFunction<Track> value) {
    }

    private static final List<TrackMetric> TRACK_METRICS = List.of(
            new TrackMetric("openlss_track_encoded_bits_per_second", "gauge",
                    "Encoded bitrate of the track as the encoder declares it.", Track::encodedBitRate),
            new TrackMetric("openlss_track_incoming_bits_per_second", "gauge",
                    "Rate at which the live source sends the track, over the last seconds.", Track::incomingBitRate),
            new TrackMetric("openlss_track_requests_per_second", "gauge",
                    "Client requests for fragments of the track per second, over the last seconds.",
                    Track::requestRate),
            new TrackMetric("openlss_track_last_fragment_age_seconds", "gauge",
                    "Time since the last fragment of the track arrived.",
                    t -> t.incomingFragmentWaitTime().toMillis() / 1000.0),
            new TrackMetric("openlss_track_fragments_ingested_total", "counter",
                    "Fragments of the track received from the live source in this event.", Track::fragmentsIngested),
            new TrackMetric("openlss_track_fragments_served_total", "counter",
                    "Fragments of the track served to clients in this event.", Track::fragmentsServed),
            new TrackMetric("openlss_track_ingested_bytes_total", "counter",
                    "Bytes of the track received from the live source in this event.", Track::bytesIngested),
            new TrackMetric("openlss_track_served_bytes_total", "counter",
                    "Bytes of the track served to clients in this event.", Track::bytesServed),
            new TrackMetric("openlss_track_max_late_arrival_seconds", "gauge",
                    "How much later than real time the latest-arriving fragment of this event came.",
                    t -> t.maxLateArrival().toMillis() / 1000.0));

    private PublishingPointMetrics() {
    }

    public static String contentType() {
        return PrometheusText.CONTENT_TYPE;
    }

    public static String render(List<Figures> points) {
        PrometheusText text = new PrometheusText();
        text.family("openlss_publishing_point_state", "gauge",
                "1 for the state the publishing point is in (Idle is shut down, Started live, Stopped DVR-only).");
        for (Figures f : points) {
            for (PublishingPointState state : PublishingPointState.values()) {
                Map<String, String> labels = new LinkedHashMap<>();
                labels.put("point", f.point().path().value());
                labels.put("state", state.name());
                text.sample("openlss_publishing_point_state", labels, f.point().state() == state ? 1 : 0);
            }
        }
        for (TrackMetric metric : TRACK_METRICS) {
            text.family(metric.name(), metric.type(), metric.help());
            for (Figures f : points) {
                for (InputStream stream : f.statistics().inputStreams()) {
                    for (Track track : stream.tracks()) {
                        text.sample(metric.name(), labels(f.point(), stream, track), metric.value().applyAsDouble(track));
                    }
                }
            }
        }
        return text.toString();
    }

    private static Map<String, String> labels(PublishingPoint point, InputStream stream, Track track) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("point", point.path().value());
        labels.put("stream", stream.id());
        labels.put("track", track.id());
        labels.put("type", track.type());
        labels.put("name", track.name());
        return labels;
    }
}
