package org.openlss.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.openlss.pubpoint.PublishingPointStatistics;

/**
 * The IIS "Connection Details" as two trees: Sources (host → HTTP Push / HTTP Pull → streams) and Destinations
 * (host → IIS Smooth Streaming / Apple HTTP Live Streaming / MPEG-DASH / HLS (fMP4) / HTTP Push / HTTP Pull →
 * streams), and every output in use with its clients.
 */
public record ConnectionTree(List<Host> sources, List<Host> destinations, List<Output> outputs) {
    /** Shown for a stream whose source address is not known (e.g. restored after a restart). */
    public static final String UNKNOWN_HOST = "(unknown)";

    /** A host with the ways it is connected. */
    public record Host(String name, List<Connection> connections) {
    }

    /**
     * One input or output type of a host with the streams it carries; {@code status} is null unless reported;
     * {@code clients} is 0 for a source.
     */
    public record Connection(String type, String status, List<String> streams, int clients) {
    }

    /** An output type in use, with its clients over all hosts. */
    public record Output(String type, int clients) {
        public String text() {
            return type + ": " + clients + (clients == 1 ? " client" : " clients");
        }
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
                .map(e -> new Connection(e.getKey(), null, List.copyOf(e.getValue()), 0)).toList())));

        Map<String, List<Connection>> destinations = new TreeMap<>();
        Map<String, Integer> outputs = new TreeMap<>();
        for (PublishingPointStatistics.Destination d : statistics.destinations()) {
            destinations.computeIfAbsent(d.host(), h -> new ArrayList<>())
                    .add(new Connection(d.outputType(), d.status(), d.streams(), d.clients()));
            outputs.merge(d.outputType(), d.clients(), Integer::sum);
        }
        List<Host> destinationHosts = new ArrayList<>();
        destinations.forEach((host, connections) -> destinationHosts.add(new Host(host, List.copyOf(connections))));
        return new ConnectionTree(List.copyOf(sourceHosts), List.copyOf(destinationHosts),
                outputs.entrySet().stream().map(e -> new Output(e.getKey(), e.getValue())).toList());
    }
}
