package org.openlss.pubpoint;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.openlss.pubpoint.PublishingPointStatistics.Destination;

/**
 * Where each publishing point delivers to, for connection details: host, output type ("IIS Smooth Streaming",
 * "Apple HTTP Live Streaming", "HTTP Push", "HTTP Pull") and streams. Client requests are counted on the serving hot
 * path (a repeat within a second only reads the maps) and show for a while, with the number of client addresses seen
 * in that while; server connections (syndication) show with their status for as long as they are open. Every
 * delivery is also counted per point and output type, lock-free (a {@link LongAdder} each), for the
 * requests-per-second history; the counts go with the point's shutdown.
 */
@ApplicationScoped
public class Destinations {
    /** A client destination not used for this long drops out of the details. */
    private static final long RECENT_MILLIS = 30_000;
    private static final long OPEN = Long.MAX_VALUE;
    /** Beyond this many client addresses of one destination, those not seen lately are forgotten as new ones come. */
    private static final int CLIENTS_KEPT = 1024;

    private record Key(PublishingPointPath point, String host, String type) {
    }

    private final Map<Key, Map<String, Long>> seen = new ConcurrentHashMap<>();
    private final Map<Key, Map<String, String>> status = new ConcurrentHashMap<>();
    private final Map<Key, Map<String, Long>> clients = new ConcurrentHashMap<>();
    private final Map<PublishingPointPath, Map<String, LongAdder>> requests = new ConcurrentHashMap<>();

    /**
     * {@code stream} of {@code point} was delivered as {@code type} through {@code host} (the address the request came
     * in on) to the client at {@code client}.
     */
    public void delivered(PublishingPointPath point, String host, String type, String stream, String client) {
        count(point, type);
        Key key = new Key(point, host, type);
        long now = System.currentTimeMillis();
        touch(seen.computeIfAbsent(key, k -> new ConcurrentHashMap<>()), stream, now);
        Map<String, Long> addresses = clients.computeIfAbsent(key, k -> new ConcurrentHashMap<>());
        if (touch(addresses, client, now) && addresses.size() > CLIENTS_KEPT) {
            addresses.values().removeIf(last -> now - last >= RECENT_MILLIS);
        }
    }

    /** Marks {@code name} seen at {@code now}, writing only when it was not seen within a second; true if new. */
    private static boolean touch(Map<String, Long> lastSeen, String name, long now) {
        Long last = lastSeen.get(name);
        if (last == null || last != OPEN && now - last > 1000) {
            lastSeen.put(name, now);
        }
        return last == null;
    }

    /** One more response of {@code type} for {@code point}: after the first, two map reads and an add. */
    private void count(PublishingPointPath point, String type) {
        Map<String, LongAdder> byType = requests.get(point);
        if (byType == null) {
            byType = requests.computeIfAbsent(point, p -> new ConcurrentHashMap<>());
        }
        LongAdder counter = byType.get(type);
        if (counter == null) {
            counter = byType.computeIfAbsent(type, t -> new LongAdder());
        }
        counter.increment();
    }

    /** How many responses {@code point} has delivered per output type since it started (or the counting began). */
    public Map<String, Long> requestCounts(PublishingPointPath point) {
        Map<String, LongAdder> byType = requests.get(point);
        if (byType == null) {
            return Map.of();
        }
        Map<String, Long> counts = new java.util.TreeMap<>();
        byType.forEach((type, counter) -> counts.put(type, counter.sum()));
        return counts;
    }

    /** A server connection (syndication) carries {@code stream}; {@code text} says how it is, e.g. "connected". */
    public void connection(PublishingPointPath point, String host, String type, String stream, String text) {
        Key key = new Key(point, host, type);
        seen.computeIfAbsent(key, k -> new ConcurrentHashMap<>()).put(stream, OPEN);
        status.computeIfAbsent(key, k -> new ConcurrentHashMap<>()).put(stream, text);
    }

    /** The server connection carrying {@code stream} is closed for good. */
    public void closed(PublishingPointPath point, String host, String type, String stream) {
        Key key = new Key(point, host, type);
        Map<String, Long> streams = seen.get(key);
        if (streams != null) {
            streams.remove(stream);
        }
        Map<String, String> texts = status.get(key);
        if (texts != null) {
            texts.remove(stream);
        }
    }

    public List<Destination> of(PublishingPointPath point) {
        long now = System.currentTimeMillis();
        List<Destination> list = new ArrayList<>();
        seen.forEach((key, streams) -> {
            if (key.point().equals(point)) {
                List<String> recent = streams.entrySet().stream()
                        .filter(e -> e.getValue() == OPEN || now - e.getValue() < RECENT_MILLIS)
                        .map(Map.Entry::getKey).sorted().toList();
                if (!recent.isEmpty()) {
                    Map<String, String> texts = status.getOrDefault(key, Map.of());
                    String text = texts.isEmpty() ? null : String.join("; ", new TreeSet<>(texts.values()));
                    long players = clients.getOrDefault(key, Map.of()).values().stream()
                            .filter(last -> now - last < RECENT_MILLIS).count();
                    list.add(new Destination(key.host(), key.type(), recent, text, (int) Math.max(1, players)));
                }
            }
        });
        list.sort(Comparator.comparing(Destination::host).thenComparing(Destination::outputType));
        return list;
    }

    /** A point that was shut down (or deleted) delivers to no one. */
    void onShutDown(@Observes PublishingPointStateChanged change) {
        if (change.newState() == PublishingPointState.Idle) {
            PublishingPointPath point = change.point().path();
            seen.keySet().removeIf(k -> k.point().equals(point));
            status.keySet().removeIf(k -> k.point().equals(point));
            clients.keySet().removeIf(k -> k.point().equals(point));
            requests.remove(point);
        }
    }
}
