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
        assertEquals(1000, index.size());
        assertEquals(500, index.find(1_000_000L + 500 * 20_000_000L));
        assertTrue(index.find(1_000_001L) < 0, "a time that is not a fragment boundary");
        assertEquals(1, index.ceiling(1_000_001L));
        index.dropOldest(600);
        assertEquals(400, index.size());
        assertEquals(600, index.firstSequence());
        FragmentRef first = index.get(0);
        assertEquals(600, first.sequence());
        assertEquals(1_000_000L + 600 * 20_000_000L, first.time());
        assertEquals(0, index.find(first.time()));
        assertTrue(index.find(1_000_000L) < 0, "evicted");
        for (int i = 1000; i < 3000; i++) {
            index.append(1_000_000L + i * 20_000_000L, 20_000_000L, i * 100L, 100, true);
        }
        assertEquals(2400, index.size());
        assertEquals(2999, index.last().sequence());
        assertEquals(2400, index.find(index.last().time()) + 1);
    }

    @Test
    void refusesAFragmentThatIsNotLater() {
        FragmentIndex index = new FragmentIndex();
        index.append(100, 10, 0, 1, true);
        assertThrows(IllegalArgumentException.class, () -> index.append(100, 10, 1, 1, true));
        assertThrows(IllegalArgumentException.class, () -> index.append(50, 10, 1, 1, true));
        assertEquals(1, index.size());
    }
}
