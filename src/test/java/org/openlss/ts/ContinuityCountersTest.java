package org.openlss.ts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
    void onlyOurPids() {
        assertThrows(IllegalArgumentException.class, () -> new ContinuityCounters().next(0x1FFF));
    }
}
