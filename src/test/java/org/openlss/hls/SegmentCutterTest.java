package org.openlss.hls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openlss.hls.SegmentCutter.Span;

/** Segment boundaries from fragment timelines: whole fragments, nearest to the length, a new segment after a gap. */
class SegmentCutterTest {
    private static final long S = 10_000_000;

    @Test
    void takesTheNumberOfFragmentsNearestToTheLength() {
        assertEquals(List.of(new Span(0, 10 * S, false), new Span(10 * S, 10 * S, false)), cut(10 * S, 2 * S, 10));
        assertEquals(List.of(new Span(0, 4 * S, false), new Span(4 * S, 4 * S, false)), cut(4 * S, 2 * S, 4),
                "4 s of 2 s fragments: 2 each");
        assertEquals(List.of(new Span(0, 4 * S, false)), cut(3 * S, 2 * S, 2), "1.5 fragments round up to 2");
        assertEquals(List.of(new Span(0, 2 * S, false), new Span(2 * S, 2 * S, false)), cut(2 * S, 2 * S, 2));
        assertEquals(List.of(new Span(0, 9 * S, false)), cut(10 * S, 3 * S, 4), "3 fragments of 3 s beat 4");
        assertEquals(List.of(new Span(0, 4 * S, false)), cut(2 * S, 4 * S, 1), "a fragment is never split");
    }

    @Test
    void aGapClosesTheOpenSegmentAndMarksTheNextOneAsADiscontinuity() {
        SegmentCutter cutter = new SegmentCutter(6 * S, S / 1000, Long.MIN_VALUE);
        assertEquals(List.of(), cutter.offer(0, 2 * S));
        assertEquals(List.of(), cutter.offer(2 * S, 2 * S));
        assertEquals(List.of(new Span(0, 4 * S, false)), cutter.offer(10 * S, 2 * S), "the encoder was gone 6 s");
        assertEquals(List.of(), cutter.offer(12 * S, 2 * S + S / 2000), "within the rounding tolerance");
        assertEquals(List.of(new Span(10 * S, 6 * S + S / 2000, true)), cutter.offer(14 * S + S / 2000, 2 * S));
        assertEquals(List.of(), cutter.offer(16 * S + S / 2000, 2 * S));
        assertEquals(new Span(16 * S + S / 2000, 2 * S, false), cutter.flush(), "the end of the event flushes");
        assertNull(cutter.flush());
    }

    @Test
    void copiesFromOtherQualityLevelsAndLateFragmentsAreIgnored() {
        SegmentCutter cutter = new SegmentCutter(4 * S, 0, Long.MIN_VALUE);
        cutter.offer(0, 2 * S);
        assertEquals(List.of(), cutter.offer(0, 2 * S), "the second level's copy");
        assertEquals(List.of(new Span(0, 4 * S, false)), cutter.offer(2 * S, 2 * S));
        assertEquals(List.of(), cutter.offer(2 * S, 2 * S));
        assertEquals(List.of(), cutter.offer(S, S), "older than what was grouped");
        assertEquals(4 * S, cutter.frontier());
    }

    @Test
    void afterARestartTheFirstFragmentContinuesOrIsADiscontinuity() {
        SegmentCutter continuing = new SegmentCutter(2 * S, 0, 8 * S);
        assertEquals(List.of(new Span(8 * S, 2 * S, false)), continuing.offer(8 * S, 2 * S));
        SegmentCutter resumed = new SegmentCutter(2 * S, 0, 8 * S);
        assertEquals(List.of(new Span(20 * S, 2 * S, true)), resumed.offer(20 * S, 2 * S));
    }

    /** Closed segments of {@code fragments} contiguous fragments of {@code duration} each. */
    private static List<Span> cut(long length, long duration, int fragments) {
        SegmentCutter cutter = new SegmentCutter(length, 0, Long.MIN_VALUE);
        List<Span> spans = new ArrayList<>();
        for (int i = 0; i < fragments; i++) {
            spans.addAll(cutter.offer(i * duration, duration));
        }
        return spans;
    }
}
