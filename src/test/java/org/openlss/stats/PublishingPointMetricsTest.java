package org.openlss.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openlss.pubpoint.PublishingPoint;
import org.openlss.pubpoint.PublishingPointPath;
import org.openlss.pubpoint.PublishingPointSettings;
import org.openlss.pubpoint.PublishingPointState;
import org.openlss.pubpoint.PublishingPointStatistics;

class PublishingPointMetricsTest {
    /** A sample line of the text format: name, optional labels, value. */
    private static final Pattern SAMPLE = Pattern.compile(
            "[a-zA-Z_:][a-zA-Z0-9_:]*(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"([^\"\\\\\\n]|\\\\[\\\\\"n])*\",?)*})? "
                    + "(-?[0-9]+(\\.[0-9]+)?(E-?[0-9]+)?|NaN|[+-]Inf)");

    private static PublishingPoint point(String path, PublishingPointState state) {
        return new PublishingPoint(PublishingPointPath.of(path), PublishingPointSettings.defaults(), state, null, 1,
                Instant.EPOCH, Instant.EPOCH);
    }

    @Test
    void everyTrackIsLabelledByPointStreamAndTrack() {
        String text = PublishingPointMetrics.render(List.of(new PublishingPointMetrics.Figures(
                point("/live/channel1.isml", PublishingPointState.Started), StatisticsFixture.twoEncoders())));
        assertTrue(text.contains("openlss_track_incoming_bits_per_second{point=\"live/channel1.isml\",stream=\"stream1\","
                + "track=\"1\",type=\"video\",name=\"video_und\"} 801234\n"), text);
        assertTrue(text.contains("openlss_track_requests_per_second{point=\"live/channel1.isml\",stream=\"backup\","
                + "track=\"1\",type=\"audio\",name=\"audio_und\"} 2.5\n"), text);
        assertTrue(text.contains("openlss_track_fragments_ingested_total{point=\"live/channel1.isml\",stream=\"stream1\","
                + "track=\"4\",type=\"audio\",name=\"audio_und\"} 10\n"), text);
        assertTrue(text.contains("openlss_track_served_bytes_total{point=\"live/channel1.isml\",stream=\"stream1\","
                + "track=\"2\",type=\"video\",name=\"video_und\"} 2500000\n"), text);
        assertTrue(text.contains("openlss_track_last_fragment_age_seconds{point=\"live/channel1.isml\",stream=\"stream1\","
                + "track=\"2\",type=\"video\",name=\"video_und\"} 1.5\n"), text);
    }

    @Test
    void theStateIsOneForTheCurrentStateAndZeroForTheOthers() {
        String text = PublishingPointMetrics.render(List.of(
                new PublishingPointMetrics.Figures(point("/a.isml", PublishingPointState.Idle),
                        PublishingPointStatistics.EMPTY),
                new PublishingPointMetrics.Figures(point("/b/c.isml", PublishingPointState.Stopped),
                        PublishingPointStatistics.EMPTY)));
        assertTrue(text.contains("openlss_publishing_point_state{point=\"a.isml\",state=\"Idle\"} 1\n"));
        assertTrue(text.contains("openlss_publishing_point_state{point=\"a.isml\",state=\"Started\"} 0\n"));
        assertTrue(text.contains("openlss_publishing_point_state{point=\"b/c.isml\",state=\"Stopped\"} 1\n"));
        assertEquals(2 * PublishingPointState.values().length,
                text.lines().filter(l -> l.startsWith("openlss_publishing_point_state{")).count());
    }

    /** Each family once, HELP and TYPE before its samples, every other line a well-formed sample. */
    @Test
    void theOutputIsWellFormedTextExposition() {
        String text = PublishingPointMetrics.render(List.of(new PublishingPointMetrics.Figures(
                point("/live/channel1.isml", PublishingPointState.Started), StatisticsFixture.twoEncoders())));
        List<String> lines = text.lines().toList();
        String family = null;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("# HELP ")) {
                family = line.split(" ")[2];
                assertTrue(seen.add(family), "family once: " + family);
                assertEquals("# TYPE " + family, String.join(" ", Arrays.copyOf(lines.get(i + 1).split(" "), 3)));
                i++;
            } else {
                assertTrue(SAMPLE.matcher(line).matches(), line);
                assertTrue(line.startsWith(family + "{"), line + " belongs to " + family);
            }
        }
        assertEquals(10, seen.size());
        assertTrue(text.endsWith("\n"));
    }

    @Test
    void labelValuesAndNumbersAreWrittenAsTheFormatRequires() {
        assertEquals("a\\\\b\\\"c\\nd", PrometheusText.escape("a\\b\"c\nd"));
        assertEquals("12345678901", PrometheusText.number(12_345_678_901L));
        assertEquals("0.25", PrometheusText.number(0.25));
        assertEquals("NaN", PrometheusText.number(Double.NaN));
        assertEquals("+Inf", PrometheusText.number(Double.POSITIVE_INFINITY));
    }
}
