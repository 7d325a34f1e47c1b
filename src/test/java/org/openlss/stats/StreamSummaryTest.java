package org.openlss.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openlss.pubpoint.PublishingPointStatistics;

class StreamSummaryTest {
    @Test
    void countsStreamsByStateAndListsTracksByTypeHighestBitrateFirst() {
        StreamSummary summary = StreamSummary.of(StatisticsFixture.twoEncoders());
        assertEquals(2, summary.streams());
        assertEquals(1, summary.started());
        assertEquals(1, summary.stopped());
        assertEquals(List.of("audio", "video"), summary.tracks().stream().map(StreamSummary.TracksOfType::type).toList());
        assertEquals("128, 96 Kbps", summary.tracks().get(0).bitrates());
        assertEquals(List.of(800L, 500L, 250L), summary.tracks().get(1).encodedKbps());
        assertEquals(3, summary.tracks().get(1).count());
    }

    @Test
    void aBitrateCarriedByManyStreamsIsNamedOnce() {
        StreamSummary.TracksOfType fifty = new StreamSummary.TracksOfType("video", List.of(800L, 800L, 800L, 250L));
        assertEquals(4, fifty.count());
        assertEquals("800, 250 Kbps", fifty.bitrates());
    }

    @Test
    void aPointWithoutStreamsSummarisesToNothing() {
        StreamSummary summary = StreamSummary.of(PublishingPointStatistics.EMPTY);
        assertEquals(new StreamSummary(0, 0, 0, List.of()), summary);
    }

    @Test
    void kilobitsAreThousandsOfBitsRounded() {
        assertEquals(250, StreamSummary.kbps(250_400));
        assertEquals(251, StreamSummary.kbps(250_500));
        assertEquals(0, StreamSummary.kbps(0));
    }
}
