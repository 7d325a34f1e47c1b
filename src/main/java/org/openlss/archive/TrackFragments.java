package org.openlss.archive;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.openlss.live.FragmentRef;
import org.openlss.live.Timeline;
import org.openlss.mp4.MovieFragmentRandomAccess;

/**
 * The fragments of one track in an archive file, in time order: where each one's {@code moof}+{@code mdat} lies and
 * the time it covers. Parallel primitive arrays, so a day-long event costs no object per fragment. Not thread-safe;
 * once filled by a reader it is only read.
 */
final class TrackFragments {
    private long[] times = new long[64];
    private long[] durations = new long[64];
    private long[] offsets = new long[64];
    private long[] lengths = new long[64];
    private int count;

    /** Appends a fragment later than every one before it. */
    void add(long time, long duration, long offset, long length) {
        if (count > 0 && time <= times[count - 1]) {
            throw new IllegalArgumentException("fragment time " + time + " is not after " + times[count - 1]);
        }
        if (count == times.length) {
            int capacity = count * 2;
            times = Arrays.copyOf(times, capacity);
            durations = Arrays.copyOf(durations, capacity);
            offsets = Arrays.copyOf(offsets, capacity);
            lengths = Arrays.copyOf(lengths, capacity);
        }
        times[count] = time;
        durations[count] = duration;
        offsets[count] = offset;
        lengths[count] = length;
        count++;
    }

    int size() {
        return count;
    }

    /** The newest fragment's time, {@link Long#MIN_VALUE} when there is none. */
    long lastTime() {
        return count == 0 ? Long.MIN_VALUE : times[count - 1];
    }

    /** The index of the fragment starting exactly at {@code time}, or -1. */
    int find(long time) {
        int at = Arrays.binarySearch(times, 0, count, time);
        return at >= 0 ? at : -1;
    }

    long offset(int i) {
        return offsets[i];
    }

    long length(int i) {
        return lengths[i];
    }

    /**
     * The fragments that overlap {@code [from, to)}, oldest first, as the live store names fragments: the sequence is
     * the place in the file, the position and size where its {@code moof}+{@code mdat} lie.
     */
    List<FragmentRef> overlapping(long from, long to) {
        int i = Arrays.binarySearch(times, 0, count, from);
        i = i >= 0 ? i : -i - 1;
        if (i > 0 && times[i - 1] + durations[i - 1] > from) {
            i--;
        }
        List<FragmentRef> refs = new ArrayList<>();
        for (; i < count && times[i] < to; i++) {
            refs.add(new FragmentRef(times[i], durations[i], i, offsets[i], (int) lengths[i], true));
        }
        return refs;
    }

    /** Times and durations, for the client manifest. */
    Timeline timeline() {
        return new Timeline(Arrays.copyOf(times, count), Arrays.copyOf(durations, count));
    }

    /** Time → moof offset of every fragment, for the file's {@code tfra}. */
    List<MovieFragmentRandomAccess.Entry> randomAccess() {
        List<MovieFragmentRandomAccess.Entry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            entries.add(new MovieFragmentRandomAccess.Entry(times[i], offsets[i]));
        }
        return entries;
    }
}
