package org.openlss.ts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContinuityCountersTest {
    @Test
    void eachPidCountsOnItsOwnAndWrapsAtSixteen() {
        ContinuityCounters counters = new ContinuityCounters();
        for (int i = 0; i < 17; i++) {
            assertEquals(i & 15, counters.next(PsiTables.VIDEO_PID));
        }
        assertEquals(0, counters.next(PsiTables.AUDIO_PID));
        assertEquals(0, counters.next(PsiTables.PAT_PID));
        assertEquals(0, counters.next(PsiTables.PMT_PID));
        assertEquals(1, counters.next(PsiTables.VIDEO_PID));
    }

    @Test
    void copyIsASnapshotAndRestoreGoesBackToIt() {
        ContinuityCounters counters = new ContinuityCounters();
        counters.next(PsiTables.AUDIO_PID);
        ContinuityCounters snapshot = counters.copy();
        counters.next(PsiTables.AUDIO_PID);
        assertEquals(1, snapshot.copy().next(PsiTables.AUDIO_PID));
        counters.restore(snapshot);
        assertEquals(1, counters.next(PsiTables.AUDIO_PID));
        assertEquals(1, snapshot.next(PsiTables.AUDIO_PID));
    }

    @Test
    void aWriterResumesFromTheCountersAWrittenSegmentEndsWith() {
        ContinuityCounters running = new ContinuityCounters();
        TsSegmentWriter writer = TsSegmentWriter.audioOnly(new AdtsConfig(2, 3, 2), running);
        byte[] first = writer.writeSegment(List.of(), frames(0, 40));
        ContinuityCounters resumed = ContinuityCounters.continuing(first);
        byte[] next = writer.writeSegment(List.of(), frames(40 * 1920, 7));
        byte[] afterRestart = TsSegmentWriter.audioOnly(new AdtsConfig(2, 3, 2), resumed)
                .writeSegment(List.of(), frames(40 * 1920, 7));
        assertArrayEquals(next, afterRestart, "the same bytes as without the restart");
        assertThrows(TsInputException.class, () -> ContinuityCounters.continuing(new byte[100]));
        assertThrows(TsInputException.class, () -> ContinuityCounters.continuing(new byte[188]), "no sync byte");
    }

    /** {@code count} 300-byte AAC frames (1024 samples at 48 kHz apart) from {@code pts90}. */
    private static List<AudioFrame> frames(long pts90, int count) {
        List<AudioFrame> frames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            frames.add(new AudioFrame(pts90 + i * 1920L, new byte[300], 0, 300));
        }
        return frames;
    }

    @Test
    void onlyOurPids() {
        assertThrows(IllegalArgumentException.class, () -> new ContinuityCounters().next(0x1FFF));
    }
}
