package org.openlss.pubpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.openlss.pubpoint.PublishingPointStatistics.Destination;

class DestinationsTest {
    private static final PublishingPointPath POINT = PublishingPointPath.of("live/channel1.isml");
    private static final String SMOOTH = "IIS Smooth Streaming";

    @Test
    void clientsAreTheAddressesAnOutputServedPerHost() {
        Destinations destinations = new Destinations();
        destinations.delivered(POINT, "10.0.0.1", SMOOTH, "video", "192.0.2.1");
        destinations.delivered(POINT, "10.0.0.1", SMOOTH, "audio", "192.0.2.1");
        destinations.delivered(POINT, "10.0.0.1", SMOOTH, "video", "192.0.2.2");
        destinations.delivered(POINT, "10.0.0.1", "MPEG-DASH", "video", "192.0.2.3");
        destinations.delivered(PublishingPointPath.of("live/other.isml"), "10.0.0.1", SMOOTH, "video", "192.0.2.9");
        assertEquals(List.of(new Destination("10.0.0.1", SMOOTH, List.of("audio", "video"), null, 2),
                new Destination("10.0.0.1", "MPEG-DASH", List.of("video"), null, 1)).stream()
                .sorted(java.util.Comparator.comparing(Destination::outputType)).toList(), destinations.of(POINT));
    }

    @Test
    void aServerConnectionIsOneClientWithItsStatusUntilClosed() {
        Destinations destinations = new Destinations();
        destinations.connection(POINT, "edge.example", "HTTP Push", "stream1", "connected");
        assertEquals(List.of(new Destination("edge.example", "HTTP Push", List.of("stream1"), "connected", 1)),
                destinations.of(POINT));
        destinations.closed(POINT, "edge.example", "HTTP Push", "stream1");
        assertEquals(List.of(), destinations.of(POINT));
    }

    @Test
    void manyClientsKeepOnlyAddressesSeenLately() {
        Destinations destinations = new Destinations();
        for (int i = 0; i < 3000; i++) {
            destinations.delivered(POINT, "10.0.0.1", SMOOTH, "video", "client-" + i);
        }
        assertEquals(3000, destinations.of(POINT).get(0).clients(), "all were seen within the last 30 s");
    }

    private final Destinations destinations = new Destinations();
    private final PublishingPointPath a = PublishingPointPath.of("/live/a.isml");
    private final PublishingPointPath b = PublishingPointPath.of("/live/b.isml");

    @Test
    void everyDeliveryIsCountedPerPointAndOutputFromManyThreads() {
        IntStream.range(0, 10_000).parallel().forEach(i -> destinations.delivered(a, "127.0.0.1",
                i % 4 == 0 ? "MPEG-DASH" : "IIS Smooth Streaming", "video", "192.0.2." + i % 200));
        destinations.delivered(b, "10.0.0.1", "Apple HTTP Live Streaming", "audio", "192.0.2.1");
        assertEquals(Map.of("IIS Smooth Streaming", 7500L, "MPEG-DASH", 2500L), destinations.requestCounts(a));
        assertEquals(Map.of("Apple HTTP Live Streaming", 1L), destinations.requestCounts(b));
    }

    @Test
    void theCountsGoWithTheShutdown() {
        destinations.delivered(a, "127.0.0.1", "HLS (fMP4)", "video", "192.0.2.1");
        destinations.delivered(b, "127.0.0.1", "HLS (fMP4)", "video", "192.0.2.1");
        PublishingPoint idle = new PublishingPoint(a, PublishingPointSettings.defaults(), PublishingPointState.Idle,
                null, 1, null, Instant.EPOCH);
        destinations.onShutDown(new PublishingPointStateChanged(idle, PublishingPointState.ShuttingDown));
        assertEquals(Map.of(), destinations.requestCounts(a));
        assertEquals(Map.of("HLS (fMP4)", 1L), destinations.requestCounts(b));
    }
}
