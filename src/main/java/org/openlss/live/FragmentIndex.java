package org.openlss.live;

import java.util.Arrays;

/**
 * The ordered fragments of one track: parallel primitive arrays (no object per fragment), appended at the live edge,
 * trimmed at the old end when a DVR window evicts. One writer (the owning track serialises changes); readers take a
 * {@link View}, an immutable snapshot that needs no lock: the writer only ever writes array slots past every published
 * view's range, and moves to new arrays when it compacts or grows.
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
    private View view = new View(this);

    /** The fragments as they are now; unaffected by later changes. */
    View view() {
        return view;
    }

    /** Appends a fragment later than every indexed one. */
    FragmentRef append(long time, long duration, long position, int size, boolean keyFrame) {
        if (count > 0 && time <= view.lastTime()) {
            throw new IllegalArgumentException("fragment at " + time + " is not after " + view.lastTime());
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
        view = new View(this);
        return view.last();
    }

    /** Forgets the {@code n} oldest fragments (evicted from the DVR window). */
    void dropOldest(int n) {
        int drop = Math.min(n, count);
        first += drop;
        count -= drop;
        base += drop;
        view = new View(this);
    }

    /** Makes room by compacting the evicted prefix away, or by doubling. */
    private void grow() {
        int capacity = count * 2 >= times.length ? times.length * 2 : times.length;
        times = Arrays.copyOfRange(times, first, first + capacity);
        durations = Arrays.copyOfRange(durations, first, first + capacity);
        positions = Arrays.copyOfRange(positions, first, first + capacity);
        sizes = Arrays.copyOfRange(sizes, first, first + capacity);
        keyFrames = Arrays.copyOfRange(keyFrames, first, first + capacity);
        first = 0;
    }

    /** An immutable snapshot of the index. */
    static final class View {
        private final long[] times;
        private final long[] durations;
        private final long[] positions;
        private final int[] sizes;
        private final boolean[] keyFrames;
        private final int first;
        private final int count;
        private final long base;

        private View(FragmentIndex index) {
            this.times = index.times;
            this.durations = index.durations;
            this.positions = index.positions;
            this.sizes = index.sizes;
            this.keyFrames = index.keyFrames;
            this.first = index.first;
            this.count = index.count;
            this.base = index.base;
        }

        int size() {
            return count;
        }

        boolean isEmpty() {
            return count == 0;
        }

        /** Sequence number the next appended fragment gets. */
        long nextSequence() {
            return base + count;
        }

        /** Sequence number of the oldest fragment still indexed. */
        long firstSequence() {
            return base;
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
    }
}
