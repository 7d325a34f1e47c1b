package org.openlss.pubpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DestinationsTest {
    private final Destinations destinations = new Destinations();
    private final PublishingPointPath a = PublishingPointPath.of("/live/a.isml");
    private final PublishingPointPath b = PublishingPointPath.of("/live/b.isml");

    @Test
    void everyDeliveryIsCountedPerPointAndOutputFromManyThreads() {
        IntStream.range(0, 10_000).parallel().forEach(i -> destinations.delivered(a, "127.0.0.1",
                i % 4 == 0 ? "MPEG-DASH" : "IIS Smooth Streaming", "video"));
        destinations.delivered(b, "10.0.0.1", "Apple HTTP Live Streaming", "audio");
        assertEquals(Map.of("IIS Smooth Streaming", 7500L, "MPEG-DASH", 2500L), destinations.requestCounts(a));
        assertEquals(Map.of("Apple HTTP Live Streaming", 1L), destinations.requestCounts(b));
    }

    @Test
    void theCountsGoWithTheShutdown() {
        destinations.delivered(a, "127.0.0.1", "HLS (fMP4)", "video");
        destinations.delivered(b, "127.0.0.1", "HLS (fMP4)", "video");
        PublishingPoint idle = new PublishingPoint(a, PublishingPointSettings.defaults(), PublishingPointState.Idle,
                null, 1, null, Instant.EPOCH);
        destinations.onShutDown(new PublishingPointStateChanged(idle, PublishingPointState.ShuttingDown));
        assertEquals(Map.of(), destinations.requestCounts(a));
        assertEquals(Map.of("HLS (fMP4)", 1L), destinations.requestCounts(b));
    }
}
