package org.openlss.viewers;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the viewers saw, per kind of request (manifest, fragment, playlist, segment): latencies, failures by cause
 * (an HTTP status or an exception's name), bytes; and the viewers' stalls by kind of viewer. One for the whole run
 * and one per report interval, so a soak can print its figures over time.
 */
final class Tally {
    private final Map<String, Latencies> latencies = new TreeMap<>();
    private final Map<String, Integer> failures = new TreeMap<>();
    private final Map<String, Integer> stalls = new TreeMap<>();
    private long bytes;

    synchronized void ok(String kind, long nanos, long size) {
        latencies.computeIfAbsent(kind, k -> new Latencies()).add(nanos);
        bytes += size;
    }

    synchronized void failed(String kind, String cause) {
        failures.merge(kind + " " + cause, 1, Integer::sum);
    }

    /** {@code viewer} says which kind of viewer froze (Smooth or HLS, live or seeking). */
    synchronized void stalled(String viewer, int count) {
        stalls.merge(viewer, count, Integer::sum);
    }

    synchronized int requests(String kind) {
        Latencies l = latencies.get(kind);
        return l == null ? 0 : l.size;
    }

    synchronized int failures() {
        return failures.values().stream().mapToInt(Integer::intValue).sum();
    }

    synchronized Map<String, Integer> failuresByCause() {
        return Map.copyOf(failures);
    }

    synchronized int stalls() {
        return stalls.values().stream().mapToInt(Integer::intValue).sum();
    }

    synchronized long bytes() {
        return bytes;
    }

    /** The latency at quantile {@code q} (0..1) of {@code kind}, in milliseconds; NaN without any. */
    synchronized double millis(String kind, double q) {
        Latencies l = latencies.get(kind);
        return l == null ? Double.NaN : l.quantile(q) / 1e6;
    }

    /** One line: per kind count, p50, p99 and max; then failures and stalls (each with its causes) and bytes. */
    synchronized String line() {
        StringBuilder s = new StringBuilder();
        latencies.forEach((kind, l) -> s.append(String.format("%s %d p50 %.1f p99 %.1f max %.1f ms; ", kind, l.size,
                l.quantile(0.5) / 1e6, l.quantile(0.99) / 1e6, l.quantile(1) / 1e6)));
        s.append("failures ").append(failures());
        if (!failures.isEmpty()) {
            s.append(' ').append(failures);
        }
        s.append("; stalls ").append(stalls());
        if (!stalls.isEmpty()) {
            s.append(' ').append(stalls);
        }
        s.append(String.format("; %.1f MB", bytes / 1e6));
        return s.toString();
    }

    /** Every latency kept (a 30-minute soak with 1,000 viewers keeps a few million: tens of MB). */
    private static final class Latencies {
        private long[] nanos = new long[1024];
        private int size;
        private boolean sorted = true;

        void add(long value) {
            if (size == nanos.length) {
                nanos = Arrays.copyOf(nanos, size * 2);
            }
            sorted &= size == 0 || nanos[size - 1] <= value;
            nanos[size++] = value;
        }

        long quantile(double q) {
            if (!sorted) {
                Arrays.sort(nanos, 0, size);
                sorted = true;
            }
            return nanos[(int) Math.min(size - 1, Math.max(0, Math.ceil(q * size) - 1))];
        }
    }
}
