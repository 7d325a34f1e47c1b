package org.openlss.stats;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openlss.pubpoint.PublishingPointPath;
import org.openlss.pubpoint.PublishingPointStatistics.Destination;

/**
 * Where each publishing point delivers to, for connection details: host, output type ("IIS Smooth Streaming",
 * "Apple HTTP Live Streaming", "HTTP Push", "HTTP Pull") and the streams recently delivered. Counted on the serving hot
 * path, so a repeat within a second only reads the map.
 */
@ApplicationScoped
public class Destinations {
    /** A destination not used for this long drops out of the details. */
    private static final long RECENT_MILLIS = 30_000;

    private record Key(PublishingPointPath point, String host, String type) {
    }

    private final Map<Key, Map<String, Long>> seen = new ConcurrentHashMap<>();
    private final Map<Key, String> status = new ConcurrentHashMap<>();

    /** {@code stream} of {@code point} was delivered to {@code host} as {@code type}. */
    public void delivered(PublishingPointPath point, String host, String type, String stream) {
        Map<String, Long> streams = seen.computeIfAbsent(new Key(point, host, type), k -> new ConcurrentHashMap<>());
        long now = System.currentTimeMillis();
        Long last = streams.get(stream);
        if (last == null || now - last > 1000) {
            streams.put(stream, now);
        }
    }

    /** A long-lived destination (syndication) with its connection status, e.g. "connected" or an error. */
    public void status(PublishingPointPath point, String host, String type, String stream, String text) {
        Key key = new Key(point, host, type);
        status.put(key, text);
        seen.computeIfAbsent(key, k -> new ConcurrentHashMap<>()).put(stream, Long.MAX_VALUE);
    }

    /** A long-lived destination went away. */
    public void gone(PublishingPointPath point, String host, String type) {
        Key key = new Key(point, host, type);
        seen.remove(key);
        status.remove(key);
    }

    public List<Destination> of(PublishingPointPath point) {
        long now = System.currentTimeMillis();
        List<Destination> list = new ArrayList<>();
        seen.forEach((key, streams) -> {
            if (key.point().equals(point)) {
                List<String> recent = streams.entrySet().stream()
                        .filter(e -> e.getValue() == Long.MAX_VALUE || now - e.getValue() < RECENT_MILLIS)
                        .map(Map.Entry::getKey).sorted().toList();
                if (!recent.isEmpty()) {
                    list.add(new Destination(key.host(), key.type(), recent, status.get(key)));
                }
            }
        });
        list.sort(Comparator.comparing(Destination::host).thenComparing(Destination::outputType));
        return list;
    }

    /** Forgets a point (deleted or shut down). */
    public void forget(PublishingPointPath point) {
        seen.keySet().removeIf(k -> k.point().equals(point));
        status.keySet().removeIf(k -> k.point().equals(point));
    }
}
