package org.openlss.live;

import java.util.Arrays;

/**
 * The ordered fragments of one track: parallel primitive arrays (no object per fragment), appended at the live edge,
 * trimmed at the old end when a DVR window evicts. Not thread-safe; the owning track serialises access.
 */
final class FragmentIndex {
    private long[] times = new long[64];
    private long[] durations = new long[64];
    private long[] positions = new long[64];
    private int[] sizes = new int[64];
    private boolean[] keyFrames = new boolean[64];
    /** Live range is [first, first + count) of the arrays; sequence of the element at {@code first} is {@code base}. */
    private int first;
    private int count;
    private long base;

    int size() {
        return count;
    }

    /** Sequence number the next appended fragment gets. */
    long nextSequence() {
        return base + count;
    }

    /** Sequence number of the oldest fragment still indexed. */
    long firstSequence() {
        return base;
    }

    boolean isEmpty() {
        return count == 0;
    }

    FragmentRef get(int i) {
        int at = first + i;
        return new FragmentRef(times[at], durations[at], base + i, positions[at], sizes[at], keyFrames[at]);
    }

    FragmentRef last() {
        return get(count - 1);
    }

    long lastTime() {
        return times[first + count - 1];
    }

    long time(int i) {
        return times[first + i];
    }

    long duration(int i) {
        return durations[first + i];
    }

    /** Index of the fragment starting at {@code time}, or {@code -(insertion point) - 1}. */
    int find(long time) {
        int at = Arrays.binarySearch(times, first, first + count, time);
        return at >= 0 ? at - first : at + first;
    }

    /** Index of the first fragment whose time is {@code >= time}. */
    int ceiling(long time) {
        int at = find(time);
        return at >= 0 ? at : -at - 1;
    }

    /** Appends a fragment later than every indexed one. */
    FragmentRef append(long time, long duration, long position, int size, boolean keyFrame) {
        if (count > 0 && time <= lastTime()) {
            throw new IllegalArgumentException("fragment at " + time + " is not after " + lastTime());
        }
        if (first + count == times.length) {
            grow();
        }
        int at = first + count;
        times[at] = time;
        durations[at] = duration;
        positions[at] = position;
        sizes[at] = size;
        keyFrames[at] = keyFrame;
        count++;
        return get(count - 1);
    }

    /** Forgets the {@code n} oldest fragments (evicted from the DVR window). */
    void dropOldest(int n) {
        int drop = Math.min(n, count);
        first += drop;
        count -= drop;
        base += drop;
    }

    /** Makes room by compacting the evicted prefix away, or by doubling. */
    private void grow() {
        int capacity = count * 2 >= times.length ? times.length * 2 : times.length;
        times = move(times, capacity);
        durations = move(durations, capacity);
        positions = move(positions, capacity);
        sizes = Arrays.copyOfRange(sizes, first, first + capacity);
        keyFrames = Arrays.copyOfRange(keyFrames, first, first + capacity);
        first = 0;
    }

    private long[] move(long[] a, int capacity) {
        return Arrays.copyOfRange(a, first, first + capacity);
    }
}
