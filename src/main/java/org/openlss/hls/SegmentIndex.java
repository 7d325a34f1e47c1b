package org.openlss.hls;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The segments of an event in order, with what a playlist needs about them: media sequence numbers, program dates,
 * discontinuity counts, the sliding window. Parallel primitive arrays (no object per segment), appended at the live
 * edge, trimmed at the old end when a sliding window no longer needs a segment. Not thread-safe.
 */
final class SegmentIndex {
    private final long timescale;
    private long[] starts = new long[64];
    private long[] durations = new long[64];
    private long[] dates = new long[64];
    private boolean[] discontinuities = new boolean[64];
    /** Discontinuity tags on segments before each one: what EXT-X-DISCONTINUITY-SEQUENCE says when it is first. */
    private long[] discontinuitiesBefore = new long[64];
    /** Live range is [first, first + count) of the arrays; the element at {@code first} has sequence {@code base}. */
    private int first;
    private int count;
    private long base;
    /** Program dates are counted in media time from the first segment of each continuous run. */
    private long anchorStart;
    private long anchorDate;
    private long longest;

    SegmentIndex(long timescale) {
        this.timescale = timescale;
    }

    long timescale() {
        return timescale;
    }

    boolean isEmpty() {
        return count == 0;
    }

    long firstSequence() {
        return base;
    }

    /** The sequence number the next segment gets. */
    long nextSequence() {
        return base + count;
    }

    /**
     * Appends a newly closed segment. Its date continues the run in media time; the first segment of the event and
     * the first after a gap are dated by the wall clock ({@code nowMillis}, when their last fragment arrived), never
     * earlier than the end of the previous segment.
     */
    Segment append(SegmentCutter.Span span, long nowMillis) {
        if (isEmpty() || span.discontinuity()) {
            long date = nowMillis - millis(span.duration());
            if (!isEmpty()) {
                Segment last = last();
                date = Math.max(date, last.programDateMillis() + millis(last.duration()));
            }
            anchorStart = span.start();
            anchorDate = date;
        }
        return add(span.start(), span.duration(), span.discontinuity(),
                anchorDate + millis(span.start() - anchorStart));
    }

    /** Appends a segment as it was recorded earlier (recovery), keeping its date. */
    void restore(Segment segment) {
        if (segment.sequence() != nextSequence()) {
            throw new IllegalArgumentException("segment " + segment.sequence() + " is not the next, "
                    + nextSequence());
        }
        if (isEmpty() || segment.discontinuity()) {
            anchorStart = segment.start();
            anchorDate = segment.programDateMillis();
        }
        add(segment.start(), segment.duration(), segment.discontinuity(), segment.programDateMillis());
    }

    Segment last() {
        return get(count - 1);
    }

    /** The segment with this sequence number, or null when it was never made or left the index. */
    Segment bySequence(long sequence) {
        return sequence < base || sequence >= nextSequence() ? null : get((int) (sequence - base));
    }

    /** The segment that starts at {@code start}, or null. */
    Segment byStart(long start) {
        int at = Arrays.binarySearch(starts, first, first + count, start);
        return at < 0 ? null : get(at - first);
    }

    /** Segments {@code [from, to)} by sequence number, clamped to what the index holds. */
    List<Segment> range(long from, long to) {
        List<Segment> segments = new ArrayList<>();
        for (long s = Math.max(from, base); s < Math.min(to, nextSequence()); s++) {
            segments.add(get((int) (s - base)));
        }
        return segments;
    }

    long discontinuitiesBefore(long sequence) {
        return discontinuitiesBefore[first + (int) (sequence - base)];
    }

    /** The longest segment so far, in the timescale. */
    long longest() {
        return longest;
    }

    /**
     * The first segment a playlist lists: with a window, the oldest that starts inside it, but never so few that
     * less than {@code minimum} is listed (RFC 8216 §6.2.2: three target durations); without one, the first.
     */
    long firstListed(long window, long minimum) {
        if (window == 0 || isEmpty()) {
            return base;
        }
        long edge = last().end();
        int i = count - 1;
        while (i > 0 && (starts[first + i - 1] >= edge - window || edge - starts[first + i] < minimum)) {
            i--;
        }
        return base + i;
    }

    /** Forgets the segments before {@code sequence}. */
    void dropBefore(long sequence) {
        int drop = (int) Math.max(0, Math.min(count - 1, sequence - base));
        first += drop;
        count -= drop;
        base += drop;
    }

    private Segment get(int i) {
        int at = first + i;
        return new Segment(base + i, starts[at], durations[at], discontinuities[at], dates[at]);
    }

    private Segment add(long start, long duration, boolean discontinuity, long date) {
        if (first + count == starts.length) {
            grow();
        }
        int at = first + count;
        long before = count == 0 ? 0 : discontinuitiesBefore[at - 1] + (discontinuities[at - 1] ? 1 : 0);
        starts[at] = start;
        durations[at] = duration;
        discontinuities[at] = discontinuity;
        dates[at] = date;
        discontinuitiesBefore[at] = before;
        longest = Math.max(longest, duration);
        count++;
        return get(count - 1);
    }

    private long millis(long ticks) {
        return Math.floorDiv(ticks * 1000, timescale);
    }

    /** Makes room by compacting the dropped prefix away, or by doubling. */
    private void grow() {
        int capacity = count * 2 >= starts.length ? starts.length * 2 : starts.length;
        starts = Arrays.copyOfRange(starts, first, first + capacity);
        durations = Arrays.copyOfRange(durations, first, first + capacity);
        dates = Arrays.copyOfRange(dates, first, first + capacity);
        discontinuities = Arrays.copyOfRange(discontinuities, first, first + capacity);
        discontinuitiesBefore = Arrays.copyOfRange(discontinuitiesBefore, first, first + capacity);
        first = 0;
    }
}
