package org.openlss.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StreamTimelineTest {
    /** 0, 10, 20, a gap, 50, 60, a jump to 100, 110: two breaks. */
    private static StreamTimeline withTwoBreaks() {
        StreamTimeline timeline = new StreamTimeline();
        for (long t : new long[] {0, 10, 20, 50, 60, 100, 110}) {
            timeline.add(t, 10);
        }
        return timeline;
    }

    @Test
    void aCopyOfTheWholeTimelineStartsAtSequenceZeroWithNoBreakBefore() {
        Timeline all = withTwoBreaks().copyFrom(Long.MIN_VALUE);
        assertEquals(0, all.firstSequence());
        assertEquals(0, all.discontinuitiesBefore());
        assertFalse(all.discontinuity(0));
        assertTrue(all.discontinuity(3));
        assertTrue(all.discontinuity(5));
        assertFalse(all.discontinuity(4));
    }

    @Test
    void sequenceAndBreaksCountWhatTheWindowNoLongerShowsWhetherSkippedOrDropped() {
        StreamTimeline timeline = withTwoBreaks();
        Timeline skipped = timeline.copyFrom(55);
        assertArrayEquals(new long[] {50, 60, 100, 110}, skipped.times());
        assertEquals(3, skipped.firstSequence());
        assertEquals(1, skipped.discontinuitiesBefore(), "the break before 50 is the first segment's own");
        assertFalse(skipped.discontinuity(0));

        timeline.dropBefore(61);
        Timeline dropped = timeline.copyFrom(Long.MIN_VALUE);
        assertArrayEquals(new long[] {60, 100, 110}, dropped.times());
        assertEquals(4, dropped.firstSequence());
        assertEquals(1, dropped.discontinuitiesBefore());

        timeline.dropBefore(101);
        Timeline later = timeline.copyFrom(Long.MIN_VALUE);
        assertEquals(5, later.firstSequence());
        assertEquals(2, later.discontinuitiesBefore());
        assertEquals(later.discontinuitiesBefore(), timeline.copyFrom(105).discontinuitiesBefore());
    }
}
