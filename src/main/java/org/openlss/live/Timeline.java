package org.openlss.live;

/**
 * A snapshot of a stream's listed fragments, oldest first, for writing a manifest or a playlist.
 *
 * @param firstSequence         how many fragments of the stream were listed before the first one here (since the
 *                              timeline was built: the event's start, or the server's start for a sliding window)
 * @param discontinuitiesBefore how many fragments up to and including the first one here started somewhere else
 *                              than where the one before them ended: the breaks a playlist no longer shows
 */
public record Timeline(long[] times, long[] durations, long firstSequence, long discontinuitiesBefore) {
    public Timeline(long[] times, long[] durations) {
        this(times, durations, 0, 0);
    }

    public int size() {
        return times.length;
    }

    public boolean isEmpty() {
        return times.length == 0;
    }

    public long end() {
        return times.length == 0 ? 0 : times[times.length - 1] + durations[durations.length - 1];
    }

    /** Whether fragment {@code i} does not start where the one before it ended (the first one: false). */
    public boolean discontinuity(int i) {
        return i > 0 && times[i - 1] + durations[i - 1] != times[i];
    }
}
