package org.openlss.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.openlss.pubpoint.PublishingPointStatistics;

/**
 * The IIS "Connection Details" as two trees: Sources (host → HTTP Push / HTTP Pull → streams) and Destinations
 * (host → IIS Smooth Streaming / Apple HTTP Live Streaming / HTTP Push / HTTP Pull → streams).
 */
public record ConnectionTree(List<Host> sources, List<Host> destinations) {
    /** Shown for a stream whose source address is not known (e.g. restored after a restart). */
    public static final String UNKNOWN_HOST = "(unknown)";

    /** A host with the ways it is connected. */
    public record Host(String name, List<Connection> connections) {
    }

    /** One input or output type of a host with the streams it carries; {@code status} is null unless reported. */
    public record Connection(String type, String status, List<String> streams) {
    }

    public static ConnectionTree of(PublishingPointStatistics statistics) {
        Map<String, Map<String, TreeSet<String>>> sources = new TreeMap<>();
        for (PublishingPointStatistics.InputStream stream : statistics.inputStreams()) {
            String host = stream.sourceHost() == null ? UNKNOWN_HOST : stream.sourceHost();
            sources.computeIfAbsent(host, h -> new TreeMap<>())
                    .computeIfAbsent(stream.sourceName(), t -> new TreeSet<>()).add(stream.id());
        }
        List<Host> sourceHosts = new ArrayList<>();
        sources.forEach((host, types) -> sourceHosts.add(new Host(host, types.entrySet().stream()
                .map(e -> new Connection(e.getKey(), null, List.copyOf(e.getValue()))).toList())));

        Map<String, List<Connection>> destinations = new TreeMap<>();
        for (PublishingPointStatistics.Destination d : statistics.destinations()) {
            destinations.computeIfAbsent(d.host(), h -> new ArrayList<>())
                    .add(new Connection(d.outputType(), d.status(), d.streams()));
        }
        List<Host> destinationHosts = new ArrayList<>();
        destinations.forEach((host, connections) -> destinationHosts.add(new Host(host, List.copyOf(connections))));
        return new ConnectionTree(List.copyOf(sourceHosts), List.copyOf(destinationHosts));
    }
}
