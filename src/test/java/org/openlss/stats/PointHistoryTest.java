package org.openlss.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openlss.pubpoint.PublishingPointStatistics;
import org.openlss.pubpoint.PublishingPointStatistics.InputStream;
import org.openlss.pubpoint.PublishingPointStatistics.Track;
import org.openlss.stats.PointHistory.Group;
import org.openlss.stats.PointHistory.Series;

class PointHistoryTest {
    private static final long T0 = 1_800_000_000_000L;

    private static PublishingPointStatistics live(long incomingBitRate, long fragments, String... streams) {
        List<InputStream> inputs = Arrays.stream(streams).map(id -> new InputStream(id, "Started", null, "Push",
                "127.0.0.1", List.of(), List.of(new Track("1", "video", "video", 800_000, incomingBitRate,
                Duration.ZERO, 0, 20_000_000L, 0, fragments, 0, 0, 0, Duration.ZERO)))).toList();
        return new PublishingPointStatistics(inputs, List.of(), List.of(), null, null);
    }

    private static Series series(PointHistory history, Group group) {
        List<Series> of = history.snapshot().of(group);
        assertEquals(1, of.size(), () -> group + ": " + of);
        return of.get(0);
    }

    @Test
    void bitRateFragmentArrivalsAndRequestsPerSecondPerOutput() {
        PointHistory history = new PointHistory(4, 5);
        history.sample(T0, live(750_000, 10, "stream1"), Map.of("IIS Smooth Streaming", 100L));
        history.sample(T0 + 5000, live(820_500, 13, "stream1"),
                Map.of("IIS Smooth Streaming", 150L, "MPEG-DASH", 10L));

        assertEquals(List.of(T0 / 1000, T0 / 1000 + 5), history.snapshot().times());
        Series kbps = series(history, Group.BITRATE);
        assertEquals("stream1 #1 video 800 kbps", kbps.name());
        assertEquals(List.of(750.0, 820.5), kbps.values());
        assertEquals(Arrays.asList(null, 3.0), series(history, Group.FRAGMENTS).values(),
                "fragments arrived in the interval before each sample; none before the first");
        List<Series> requests = history.snapshot().of(Group.REQUESTS);
        assertEquals(List.of("IIS Smooth Streaming", "MPEG-DASH"), requests.stream().map(Series::name).toList());
        assertEquals(Arrays.asList(null, 10.0), requests.get(0).values(), "50 responses in 5 s");
        assertEquals(Arrays.asList(null, 2.0), requests.get(1).values(), "an output counted from its first response");
    }

    @Test
    void theRingWrapsAndKeepsOnlyTheNewestSamples() {
        PointHistory history = new PointHistory(3, 5);
        for (int i = 0; i < 10; i++) {
            history.sample(T0 + i * 5000L, live(1000L * i, i, "stream1"), Map.of());
        }
        assertEquals(3, history.size());
        assertEquals(List.of(T0 / 1000 + 35, T0 / 1000 + 40, T0 / 1000 + 45), history.snapshot().times());
        assertEquals(List.of(7.0, 8.0, 9.0), series(history, Group.BITRATE).values());
        assertEquals(List.of(1.0, 1.0, 1.0), series(history, Group.FRAGMENTS).values());
    }

    @Test
    void aTrackGoneForTheWholeWindowLeavesNoSeriesBehind() {
        PointHistory history = new PointHistory(3, 5);
        for (int i = 0; i < 50; i++) {
            // a new stream name every sample: without the drop, series would pile up
            history.sample(T0 + i * 5000L, live(1000, i, "stream" + i), Map.of("HLS (fMP4)", (long) i));
            assertTrue(history.seriesCount() <= 3 + 3 + 1, "series kept: " + history.seriesCount());
        }
        Series newest = history.snapshot().of(Group.BITRATE).get(2);
        assertEquals("stream49 #1 video 800 kbps", newest.name());
        assertEquals(Arrays.asList(null, null, 1.0), newest.values());
        assertEquals(List.of(0.2, 0.2, 0.2), series(history, Group.REQUESTS).values());
    }
}
