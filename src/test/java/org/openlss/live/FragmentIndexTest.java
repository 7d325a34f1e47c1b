package org.openlss.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FragmentIndexTest {
    @Test
    void findsFragmentsByTimeAndKeepsSequencesAcrossEviction() {
        FragmentIndex index = new FragmentIndex();
        for (int i = 0; i < 1000; i++) {
            index.append(1_000_000L + i * 20_000_000L, 20_000_000L, i * 100L, 100, i % 2 == 0);
        }
        assertEquals(1000, index.view().size());
        assertEquals(500, index.view().find(1_000_000L + 500 * 20_000_000L));
        assertTrue(index.view().find(1_000_001L) < 0, "a time that is not a fragment boundary");
        assertEquals(1, index.view().ceiling(1_000_001L));
        index.dropOldest(600);
        assertEquals(400, index.view().size());
        assertEquals(600, index.view().firstSequence());
        FragmentRef first = index.view().get(0);
        assertEquals(600, first.sequence());
        assertEquals(1_000_000L + 600 * 20_000_000L, first.time());
        assertEquals(0, index.view().find(first.time()));
        assertTrue(index.view().find(1_000_000L) < 0, "evicted");
        for (int i = 1000; i < 3000; i++) {
            index.append(1_000_000L + i * 20_000_000L, 20_000_000L, i * 100L, 100, true);
        }
        assertEquals(2400, index.view().size());
        assertEquals(2999, index.view().last().sequence());
        assertEquals(2400, index.view().find(index.view().last().time()) + 1);
    }

    @Test
    void aViewStaysAsItWasWhileTheIndexGrowsAndEvicts() {
        FragmentIndex index = new FragmentIndex();
        for (int i = 0; i < 60; i++) {
            index.append(i * 10L, 10, i * 100L, 100, true);
        }
        FragmentIndex.View before = index.view();
        index.dropOldest(50);
        for (int i = 60; i < 300; i++) {
            index.append(i * 10L, 10, i * 100L, 100, true);
        }
        assertEquals(60, before.size(), "a reader's view is not changed by later appends or evictions");
        assertEquals(0, before.get(0).time());
        assertEquals(590, before.lastTime());
        assertEquals(59, before.find(590));
        assertEquals(250, index.view().size());
        assertEquals(500, index.view().get(0).time());
    }

    @Test
    void refusesAFragmentThatIsNotLater() {
        FragmentIndex index = new FragmentIndex();
        index.append(100, 10, 0, 1, true);
        assertThrows(IllegalArgumentException.class, () -> index.append(100, 10, 1, 1, true));
        assertThrows(IllegalArgumentException.class, () -> index.append(50, 10, 1, 1, true));
        assertEquals(1, index.view().size());
    }
}
