package org.openlss.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openlss.pubpoint.PublishingPointStatistics;
import org.openlss.pubpoint.PublishingPointStatistics.InputStream;
import org.openlss.stats.ConnectionTree.Connection;
import org.openlss.stats.ConnectionTree.Host;

class ConnectionTreeTest {
    @Test
    void sourcesGroupStreamsByHostThenInputType() {
        ConnectionTree tree = ConnectionTree.of(StatisticsFixture.twoEncoders());
        assertEquals(List.of(
                new Host("10.0.0.7", List.of(new Connection("HTTP Pull", null, List.of("backup"), 0))),
                new Host("127.0.0.1", List.of(new Connection("HTTP Push", null, List.of("stream1"), 0)))),
                tree.sources());
    }

    @Test
    void destinationsGroupOutputTypesByHostWithTheirStatus() {
        ConnectionTree tree = ConnectionTree.of(StatisticsFixture.twoEncoders());
        assertEquals(List.of("127.0.0.1", "edge.example"), tree.destinations().stream().map(Host::name).toList());
        assertEquals(List.of("IIS Smooth Streaming", "Apple HTTP Live Streaming"),
                tree.destinations().get(0).connections().stream().map(Connection::type).toList());
        assertEquals(new Connection("HTTP Push", "connected", List.of("stream1"), 1),
                tree.destinations().get(1).connections().get(0));
    }

    @Test
    void everyOutputInUseIsListedWithItsClients() {
        ConnectionTree tree = ConnectionTree.of(StatisticsFixture.twoEncoders());
        assertEquals(List.of("Apple HTTP Live Streaming: 1 client", "HTTP Push: 1 client",
                "IIS Smooth Streaming: 2 clients"), tree.outputs().stream().map(ConnectionTree.Output::text).toList());
    }

    @Test
    void aStreamWithoutAKnownSourceIsListedUnderUnknown() {
        InputStream restored = new InputStream("s", "Stopped", null, "Push", null, List.of(), List.of());
        ConnectionTree tree = ConnectionTree.of(new PublishingPointStatistics(List.of(restored), List.of(), List.of(),
                null, null));
        assertEquals(ConnectionTree.UNKNOWN_HOST, tree.sources().get(0).name());
        assertEquals(List.of(), tree.destinations());
        assertEquals(List.of(), tree.outputs());
    }
}
