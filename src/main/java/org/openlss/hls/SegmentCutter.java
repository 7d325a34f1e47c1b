package org.openlss.hls;

import java.util.ArrayList;
import java.util.List;

/**
 * Groups the video fragments of an event into HLS segments as they arrive (hls-from-smooth.md §4). A segment is made of
 * whole fragments, so it starts where a fragment (and its GOP) starts, and takes as many as bring it closest to the
 * configured length (half rounds up, as {@code round(length / fragment duration)} does). A gap in the timeline ends
 * the open segment and makes the next one a discontinuity. A segment closes as soon as its last fragment is offered,
 * so it can be written as soon as that fragment's audio is in.
 *
 * <p>Fragments come in time order. One that starts before the end of what was already grouped (another quality level's
 * copy of it, or a late one) is ignored: the grouping follows the first timeline seen and never changes afterwards.
 * Times and durations are in the video timescale. Not thread-safe.
 */
final class SegmentCutter {
    /** A closed segment: its start, its length, and whether its start does not continue the previous segment. */
    record Span(long start, long duration, boolean discontinuity) {
        long end() {
            return start + duration;
        }
    }

    private static final long NONE = Long.MIN_VALUE;

    private final long length;
    private final long tolerance;
    private long frontier;
    private long openStart = NONE;
    private long openEnd;
    private boolean openDiscontinuity;

    /**
     * @param length    the configured segment length
     * @param tolerance how much later than the previous end a fragment may start and still continue it (rounding)
     * @param frontier  end of the last segment closed before (after a restart), or {@link Long#MIN_VALUE}
     */
    SegmentCutter(long length, long tolerance, long frontier) {
        if (length <= 0 || tolerance < 0) {
            throw new IllegalArgumentException("segment length must be positive and tolerance not negative");
        }
        this.length = length;
        this.tolerance = tolerance;
        this.frontier = frontier;
    }

    /** End of everything grouped so far: later fragments start here or after a gap. */
    long frontier() {
        return frontier;
    }

    /** Takes the next fragment; returns the segments it closes: the open one at a gap, and the one it completes. */
    List<Span> offer(long time, long duration) {
        if (time < frontier || duration <= 0) {
            return List.of();
        }
        List<Span> closed = new ArrayList<>(2);
        boolean gap = frontier != NONE && time - frontier > tolerance;
        if (gap && openStart != NONE) {
            closed.add(closeOpen());
        }
        if (openStart == NONE) {
            openStart = time;
            openDiscontinuity = gap;
        }
        openEnd = time + duration;
        frontier = openEnd;
        // one more fragment of the same duration would take the segment further from the length than it is now
        if (2 * (openEnd - openStart) + duration > 2 * length) {
            closed.add(closeOpen());
        }
        return closed;
    }

    /** The event is over: closes the open segment, if any, with what it has. */
    Span flush() {
        return openStart == NONE ? null : closeOpen();
    }

    private Span closeOpen() {
        Span span = new Span(openStart, openEnd - openStart, openDiscontinuity);
        openStart = NONE;
        return span;
    }
}
