package org.openlss.encoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveTimelineTest {
    private static final long S = LiveTimeline.TICKS_PER_SECOND;
    private static final String URL = "http://127.0.0.1/pp.isml";

    /** A presentation from 100 s to 130 s: video fragments of 2 s and an audio track that runs 10 ms longer. */
    private static final List<SourceStream> SOURCE = List.of(new SourceStream(Path.of("a.ismv"), List.of(), new byte[0],
            List.of(new SourceStream.Fragment(1, S, 100 * S, 2 * S, 0, 10),
                    new SourceStream.Fragment(1, S, 128 * S, 2 * S, 10, 10),
                    new SourceStream.Fragment(2, 48_000, 100 * 48_000, 30 * 48_000 + 480, 20, 10))));

    @Test
    void theOutputStartsAtZeroUnlessTheSourceIsALiveArchive() throws Exception {
        LiveTimeline rebased = LiveTimeline.of(SOURCE, EncoderOptions.parse(URL, "a.ismv"), 0);
        assertEquals(30 * S + 100_000, rebased.length());
        assertEquals(0, rebased.outputTime(100 * S, S, 0));
        assertEquals(28 * S, rebased.outputTime(128 * S, S, 0));
        assertEquals(0, rebased.outputTime(100 * 48_000, 48_000, 0));

        LiveTimeline archive = LiveTimeline.of(SOURCE, EncoderOptions.parse("/liveArchive", URL, "a.ismv"), 0);
        assertEquals(128 * S, archive.outputTime(128 * S, S, 0));
    }

    @Test
    void realtimeStartsAtTheClockOrAtTheGivenTime() throws Exception {
        LiveTimeline clock = LiveTimeline.of(SOURCE, EncoderOptions.parse("/realtime", URL, "a.ismv"), 1_700_000_000_000L);
        assertEquals(1_700_000_000_000L * 10_000 + 2 * S, clock.outputTime(102 * S, S, 0), "100 ns units since 1970");
        LiveTimeline given = LiveTimeline.of(SOURCE, EncoderOptions.parse("/realtime:36000000000", URL, "a.ismv"), 0);
        assertEquals(3600 * S, given.outputTime(100 * S, S, 0));
        assertEquals(3600 * 48_000, given.outputTime(100 * 48_000, 48_000, 0), "in each track's own timescale");
    }

    @Test
    void eachLoopMovesTheTimesOnByTheLengthOfThePresentation() throws Exception {
        LiveTimeline t = LiveTimeline.of(SOURCE, EncoderOptions.parse("/loop", URL, "a.ismv"), 0);
        long length = t.length();
        assertEquals(length, t.outputTime(100 * S, S, 1));
        assertEquals(2 * length + 28 * S, t.outputTime(128 * S, S, 2));
        assertEquals(t.outputTime(128 * S, S, 0) + 2 * S, 28 * S + 2 * S, "pass 0 ends at 30 s");
        assertEquals(LiveTimeline.fromTicks(length, 48_000), t.outputTime(100 * 48_000, 48_000, 1));
    }

    @Test
    void aFragmentIsDueAtItsEndOnAClockRunningAtTheRate() throws Exception {
        LiveTimeline real = LiveTimeline.of(SOURCE, EncoderOptions.parse(URL, "a.ismv"), 0);
        assertEquals(2_000_000_000L, real.dueNanos(102 * S, 0));
        assertEquals(2_000_000_000L + real.length() * 100, real.dueNanos(102 * S, 1));
        LiveTimeline slow = LiveTimeline.of(SOURCE, EncoderOptions.parse("/rate:0.999", URL, "a.ismv"), 0);
        assertEquals(2_002_002_002L, slow.dueNanos(102 * S, 0), 1);
        LiveTimeline fast = LiveTimeline.of(SOURCE, EncoderOptions.parse("/rate:4", URL, "a.ismv"), 0);
        assertEquals(500_000_000L, fast.dueNanos(102 * S, 0));
        assertEquals(0.5, real.leadSeconds(102 * S, 0, 1_500_000_000L), 1e-9, "ahead of the clock");
        assertEquals(-1.0, real.leadSeconds(102 * S, 0, 3_000_000_000L), 1e-9, "behind it");
    }

    @Test
    void timescalesConvertThroughTicksRoundingDown() {
        assertEquals(S, LiveTimeline.toTicks(48_000, 48_000));
        assertEquals(208, LiveTimeline.toTicks(1, 48_000));
        assertEquals(0, LiveTimeline.fromTicks(208, 48_000));
        assertEquals(-1, LiveTimeline.fromTicks(-1, 48_000), "negative shifts round down too");
        assertEquals(123, LiveTimeline.fromTicks(123, S));
    }

    @Test
    void anEmptyPresentationIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new LiveTimeline(5, 5, 0, 1));
    }
}
