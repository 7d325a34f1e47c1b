package org.openlss.live;

/** A snapshot of a stream's listed fragments, oldest first, for writing a manifest or a playlist. */
public record Timeline(long[] times, long[] durations) {
    public int size() {
        return times.length;
    }

    public boolean isEmpty() {
        return times.length == 0;
    }

    public long end() {
        return times.length == 0 ? 0 : times[times.length - 1] + durations[durations.length - 1];
    }
}
