package org.openlss.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BoundedLogTest {
    @Test
    void keepsTheNewestNewestFirstAndNeverMore() {
        BoundedLog<Integer> log = new BoundedLog<>(3);
        assertEquals(List.of(), log.recent());
        IntStream.rangeClosed(1, 1000).forEach(log::add);
        assertEquals(List.of(1000, 999, 998), log.recent());
        assertEquals(List.of(1000, 999), log.recent(2));
        assertEquals(List.of(1000, 999, 998), log.recent(10));
    }

    @Test
    void manyWritersLoseNothingButTheOldest() throws InterruptedException {
        BoundedLog<Integer> log = new BoundedLog<>(50);
        Thread[] writers = new Thread[4];
        for (int w = 0; w < writers.length; w++) {
            writers[w] = new Thread(() -> IntStream.range(0, 10_000).forEach(log::add));
            writers[w].start();
        }
        for (Thread writer : writers) {
            writer.join();
        }
        assertEquals(50, log.recent().size());
    }

    @Test
    void aLogKeepsAtLeastOneEntry() {
        assertThrows(IllegalArgumentException.class, () -> new BoundedLog<>(0));
    }
}
