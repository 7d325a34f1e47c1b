package org.openlss.live;

import java.util.Arrays;

/**
 * The released fragment times of a stream as clients see them in the manifest ({@code c} elements): the union of its
 * quality levels, normally appended at the end; a level that fills a gap inserts. Not thread-safe.
 */
final class StreamTimeline {
    private long[] times = new long[64];
    private long[] durations = new long[64];
    private int first;
    private int count;
    /** Fragments dropped from the front, how many of them did not continue the one before, where the last ended. */
    private long dropped;
    private long droppedDiscontinuities;
    private long droppedEnd;

    /** Adds a released fragment; false when the time is listed already. */
    boolean add(long time, long duration) {
        if (count == 0 || time > times[first + count - 1]) {
            ensureRoom();
            times[first + count] = time;
            durations[first + count] = duration;
            count++;
            return true;
        }
        int at = Arrays.binarySearch(times, first, first + count, time);
        if (at >= 0) {
            return false;
        }
        int insert = -at - 1;
        ensureRoom();
        System.arraycopy(times, insert, times, insert + 1, first + count - insert);
        System.arraycopy(durations, insert, durations, insert + 1, first + count - insert);
        times[insert] = time;
        durations[insert] = duration;
        count++;
        return true;
    }

    boolean contains(long time) {
        return count > 0 && Arrays.binarySearch(times, first, first + count, time) >= 0;
    }

    /** The newest fragment starting before {@code time}, or -1. */
    long newestBefore(long time) {
        if (count == 0) {
            return -1;
        }
        int at = Arrays.binarySearch(times, first, first + count, time);
        int before = (at >= 0 ? at : -at - 1) - 1;
        return before >= first ? times[before] : -1;
    }

    boolean isEmpty() {
        return count == 0;
    }

    /** End of the newest listed fragment. */
    long end() {
        return times[first + count - 1] + durations[first + count - 1];
    }

    long firstTime() {
        return times[first];
    }

    long lastTime() {
        return times[first + count - 1];
    }

    /** Forgets the fragments that end at or before {@code time}. */
    void dropBefore(long time) {
        while (count > 0 && times[first] + durations[first] <= time) {
            if (dropped > 0 && droppedEnd != times[first]) {
                droppedDiscontinuities++;
            }
            droppedEnd = times[first] + durations[first];
            first++;
            count--;
            dropped++;
        }
    }

    /** A copy of the fragments that end after {@code from}: the window's first one may start a little before it. */
    Timeline copyFrom(long from) {
        int start = Arrays.binarySearch(times, first, first + count, from);
        start = start >= 0 ? start : -start - 1;
        if (start > first && times[start - 1] + durations[start - 1] > from) {
            start--;
        }
        long discontinuities = droppedDiscontinuities;
        for (int i = first; i <= start && i < first + count; i++) {
            long previousEnd = i > first ? times[i - 1] + durations[i - 1] : dropped > 0 ? droppedEnd : times[i];
            if (previousEnd != times[i]) {
                discontinuities++;
            }
        }
        return new Timeline(Arrays.copyOfRange(times, start, first + count),
                Arrays.copyOfRange(durations, start, first + count), dropped + start - first, discontinuities);
    }

    private void ensureRoom() {
        if (first + count < times.length) {
            return;
        }
        int capacity = count * 2 >= times.length ? times.length * 2 : times.length;
        times = Arrays.copyOfRange(times, first, first + capacity);
        durations = Arrays.copyOfRange(durations, first, first + capacity);
        first = 0;
    }
}
