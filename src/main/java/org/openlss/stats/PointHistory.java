package org.openlss.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openlss.pubpoint.PublishingPointStatistics;
import org.openlss.pubpoint.PublishingPointStatistics.InputStream;
import org.openlss.pubpoint.PublishingPointStatistics.Track;

/**
 * The recent past of one publishing point, for the charts of the details page: one sample per interval, the newest
 * {@code capacity} kept in fixed rings (a new sample overwrites the oldest), of
 * <ul>
 * <li>each track's incoming bit rate (kbps),</li>
 * <li>each track's fragment arrivals: how many fragments arrived during the interval before the sample,</li>
 * <li>each output type's requests per second (fragment and segment responses) over that interval.</li>
 * </ul>
 * A series that has no value left in the ring (a track or output gone for the whole window) is dropped, so memory is
 * bounded by the tracks and outputs of the window. Not thread-safe on its own: {@link HistorySampler} serialises it.
 */
public final class PointHistory {
    /** Which chart a series belongs to. */
    public enum Group { BITRATE, FRAGMENTS, REQUESTS }

    /** A series in the order of {@link Snapshot#times()}; null where it has no value. */
    public record Series(Group group, String name, List<Double> values) {
    }

    /** The samples, oldest first: times in epoch seconds, and the series. */
    public record Snapshot(int intervalSeconds, int capacity, List<Long> times, List<Series> series) {
        public List<Series> of(Group group) {
            return series.stream().filter(s -> s.group() == group).toList();
        }
    }

    private record Key(Group group, String id) {
    }

    private final int capacity;
    private final int intervalSeconds;
    private final long[] times;
    private final Map<Key, double[]> series = new LinkedHashMap<>();
    private final Map<Key, String> names = new HashMap<>();
    private final Map<String, Long> lastFragments = new HashMap<>();
    private final Map<String, Long> lastRequests = new HashMap<>();
    private long lastMillis = -1;
    private int next;
    private int size;

    public PointHistory(int capacity, int intervalSeconds) {
        this.capacity = capacity;
        this.intervalSeconds = intervalSeconds;
        this.times = new long[capacity];
    }

    /**
     * Takes a sample at {@code nowMillis} from the point's statistics and its cumulative response counts per output
     * type. The first sample has no arrivals or rates yet (there is no interval before it).
     */
    public void sample(long nowMillis, PublishingPointStatistics figures, Map<String, Long> requestCounts) {
        Map<Key, Double> values = new LinkedHashMap<>();
        Map<String, Long> fragments = new HashMap<>();
        for (InputStream stream : figures.inputStreams()) {
            for (Track track : stream.tracks()) {
                String id = stream.id() + "/" + track.id();
                String name = stream.id() + " #" + track.id() + " " + track.type() + " "
                        + StreamSummary.kbps(track.encodedBitRate()) + " kbps";
                put(values, new Key(Group.BITRATE, id), name, track.incomingBitRate() / 1000.0);
                fragments.put(id, track.fragmentsIngested());
                Long before = lastFragments.get(id);
                if (before != null) {
                    put(values, new Key(Group.FRAGMENTS, id), name, (double) Math.max(0,
                            track.fragmentsIngested() - before));
                }
            }
        }
        if (lastMillis >= 0 && nowMillis > lastMillis) {
            double seconds = (nowMillis - lastMillis) / 1000.0;
            requestCounts.forEach((type, count) -> put(values, new Key(Group.REQUESTS, type), type,
                    Math.max(0, count - lastRequests.getOrDefault(type, 0L)) / seconds));
        }
        lastFragments.clear();
        lastFragments.putAll(fragments);
        lastRequests.clear();
        lastRequests.putAll(requestCounts);
        lastMillis = nowMillis;
        append(nowMillis / 1000, values);
    }

    private void put(Map<Key, Double> values, Key key, String name, double value) {
        values.put(key, value);
        names.put(key, name);
    }

    private void append(long second, Map<Key, Double> values) {
        int slot = next;
        times[slot] = second;
        next = (next + 1) % capacity;
        size = Math.min(size + 1, capacity);
        for (Map.Entry<Key, Double> value : values.entrySet()) {
            series.computeIfAbsent(value.getKey(), k -> {
                double[] ring = new double[capacity];
                Arrays.fill(ring, Double.NaN);
                return ring;
            });
        }
        for (Iterator<Map.Entry<Key, double[]>> it = series.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Key, double[]> entry = it.next();
            Double value = values.get(entry.getKey());
            entry.getValue()[slot] = value == null ? Double.NaN : value;
            if (Arrays.stream(entry.getValue()).allMatch(Double::isNaN)) {
                it.remove();
                names.remove(entry.getKey());
            }
        }
    }

    /** How many samples are kept now (at most the capacity). */
    public int size() {
        return size;
    }

    /** How many series are kept now. */
    public int seriesCount() {
        return series.size();
    }

    public Snapshot snapshot() {
        int first = (next - size + capacity) % capacity;
        List<Long> sampleTimes = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            sampleTimes.add(times[(first + i) % capacity]);
        }
        List<Series> list = new ArrayList<>(series.size());
        series.forEach((key, ring) -> {
            List<Double> values = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                double v = ring[(first + i) % capacity];
                values.add(Double.isNaN(v) ? null : v);
            }
            list.add(new Series(key.group(), names.get(key), values));
        });
        list.sort(java.util.Comparator.comparing(Series::group).thenComparing(Series::name));
        return new Snapshot(intervalSeconds, capacity, sampleTimes, list);
    }
}
