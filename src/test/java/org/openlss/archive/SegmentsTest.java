package org.openlss.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openlss.live.TrackKey;
import org.openlss.mp4.TrackType;

/** Segment boundaries of archive-and-syndication.md §1.5: media time, whole fragments, key frames, never back. */
class SegmentsTest {
    private static final TrackKey VIDEO = new TrackKey(TrackType.VIDEO, "video", 800_000, Map.of());
    private static final TrackKey AUDIO = new TrackKey(TrackType.AUDIO, "audio", 128_000, Map.of());
    private static final long HNS = 10_000_000L;

    @Test
    void segmentsStartAtTheFirstFragmentAndFollowMediaTime() {
        Segments segments = new Segments(Duration.ofMinutes(1), -1);
        assertEquals(0, segments.segmentOf(VIDEO, 5 * HNS, HNS, true));
        assertEquals(5 * HNS, segments.origin());
        assertEquals(0, segments.segmentOf(VIDEO, 64 * HNS, HNS, true));
        assertEquals(1, segments.segmentOf(VIDEO, 65 * HNS, HNS, true), "65 s is 60 s after the origin");
        assertEquals(0, segments.segmentOf(AUDIO, 64 * 48_000 + 47_000, 48_000, true), "audio in its own timescale");
        assertEquals(1, segments.segmentOf(AUDIO, 65 * 48_000 + 100, 48_000, true));
        assertEquals(3, segments.segmentOf(AUDIO, 230 * 48_000, 48_000, true), "a gap skips segments");
    }

    @Test
    void videoMovesOnOnlyWithAKeyFrameAndNeverBack() {
        Segments segments = new Segments(Duration.ofMinutes(1), 0);
        assertEquals(0, segments.segmentOf(VIDEO, 59 * HNS, HNS, true));
        assertEquals(0, segments.segmentOf(VIDEO, 61 * HNS, HNS, false), "not decodable from here: stays");
        assertEquals(1, segments.segmentOf(VIDEO, 62 * HNS, HNS, true));
        assertEquals(1, segments.segmentOf(VIDEO, 30 * HNS, HNS, true), "never back");
    }

    @Test
    void aSegmentIsFinishedWhenEveryTrackInItMovedOnOrEnded() {
        Segments segments = new Segments(Duration.ofMinutes(1), 0);
        segments.segmentOf(VIDEO, 0, HNS, true);
        segments.segmentOf(AUDIO, 0, HNS, true);
        segments.segmentOf(VIDEO, 60 * HNS, HNS, true);
        assertFalse(segments.finished(0, List.of(VIDEO, AUDIO)), "audio still writes into it");
        segments.segmentOf(AUDIO, 60 * HNS + 5, HNS, true);
        assertTrue(segments.finished(0, List.of(VIDEO, AUDIO)));
        assertFalse(segments.finished(1, List.of(VIDEO, AUDIO)));
        segments.ended(VIDEO);
        segments.ended(AUDIO);
        assertTrue(segments.finished(1, List.of(VIDEO, AUDIO)), "their streams ended");
        segments.segmentOf(AUDIO, 61 * HNS, HNS, true);
        assertFalse(segments.finished(1, List.of(VIDEO, AUDIO)), "audio came back");
    }

    @Test
    void aSinglePresentationHasOneSegment() {
        Segments single = new Segments(Duration.ZERO, -1);
        assertFalse(single.segmented());
        assertEquals(0, single.segmentOf(VIDEO, 100_000 * HNS, HNS, true));
        assertFalse(single.finished(0, List.of(VIDEO)));
    }
}
