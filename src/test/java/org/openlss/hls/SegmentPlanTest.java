package org.openlss.hls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Numbering, dates, discontinuity counts and the window of an event's segments, and their recovery from disk. */
class SegmentPlanTest {
    private static final long S = 10_000_000;
    private static final long NOW = 1_717_267_400_000L;

    @TempDir
    Path dir;

    @Test
    void numbersAndDatesSegmentsInMediaTimeAndRestartsTheDateAtAGap() {
        try (SegmentPlan plan = open()) {
            assertEquals(List.of(), plan.offer(0, 2 * S, NOW));
            Segment first = plan.offer(2 * S, 2 * S, NOW).get(0);
            assertEquals(new Segment(0, 0, 4 * S, false, NOW - 4000), first, "dated when its last fragment arrived");
            plan.offer(4 * S, 2 * S, NOW + 3000);
            Segment second = plan.offer(6 * S, 2 * S, NOW + 7000).get(0);
            assertEquals(NOW, second.programDateMillis(), "continues in media time, not by the wall clock");
            List<Segment> closed = plan.offer(100 * S, 2 * S, NOW + 9000);
            assertEquals(List.of(), closed, "the gap closed nothing: segment 1 was full already");
            Segment afterGap = plan.offer(102 * S, 2 * S, NOW + 11_000).get(0);
            assertEquals(new Segment(2, 100 * S, 4 * S, true, NOW + 7000), afterGap, "wall clock again");
            assertEquals(0, plan.discontinuitiesBefore(2));
            plan.offer(104 * S, 4 * S, NOW);
            assertEquals(1, plan.discontinuitiesBefore(3));
            assertEquals(4, plan.nextSequence());
            assertEquals(afterGap, plan.byStart(100 * S));
            assertNull(plan.byStart(101 * S));
            assertEquals(4, plan.targetDurationSeconds());
        }
    }

    @Test
    void aRestartContinuesTheNumberingDatesAndDiscontinuities() {
        try (SegmentPlan plan = open()) {
            for (int i = 0; i < 4; i++) {
                plan.offer(i * 2 * S, 2 * S, NOW);
            }
            plan.offer(20 * S, 2 * S, NOW);
            plan.offer(22 * S, 2 * S, NOW + 1000);
        }
        try (SegmentPlan again = open()) {
            assertEquals(3, again.nextSequence());
            assertEquals(24 * S, again.frontier());
            assertEquals(new Segment(2, 20 * S, 4 * S, true, NOW + 4000), again.bySequence(2),
                    "the wall clock said earlier, but a date never goes back");
            plan(again, 24 * S, 26 * S);
            assertEquals(new Segment(3, 24 * S, 4 * S, false, NOW + 8000), again.bySequence(3),
                    "dated from the recovered run");
            assertEquals(1, again.discontinuitiesBefore(3));
        }
    }

    @Test
    void aSlidingWindowListsAtLeastThreeTargetDurations() {
        try (SegmentPlan plan = open()) {
            for (int i = 0; i < 20; i++) {
                plan.offer(i * 2 * S, 2 * S, NOW);
            }
            assertEquals(10, plan.nextSequence());
            assertEquals(0, plan.firstListed(0), "whole event");
            assertEquals(7, plan.firstListed(12 * S), "12 s of 4 s segments");
            assertEquals(7, plan.firstListed(2 * S), "never under 3 x 4 s");
            assertEquals(5, plan.firstListed(20 * S), "the oldest that starts inside the window");
            plan.dropBefore(5);
            assertEquals(5, plan.firstSequence());
            assertNull(plan.bySequence(4));
            assertEquals(5, plan.firstListed(100 * S));
            assertTrue(plan.range(0, 7).stream().allMatch(s -> s.sequence() >= 5));
        }
    }

    private static void plan(SegmentPlan plan, long... times) {
        for (long t : times) {
            plan.offer(t, 2 * S, NOW + 1000);
        }
    }

    private SegmentPlan open() {
        return SegmentPlan.open(dir.resolve("segments"), S, Duration.ofSeconds(4));
    }
}
