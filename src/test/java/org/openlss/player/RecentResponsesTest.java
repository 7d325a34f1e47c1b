package org.openlss.player;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RecentResponsesTest {
    @Test
    void concurrentMissesOfOneKeyWaitForOneBuild() throws Exception {
        RecentResponses<String> responses = new RecentResponses<>(1 << 20);
        AtomicInteger builds = new AtomicInteger();
        CountDownLatch building = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<byte[]>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> responses.get("video=20000000", () -> {
                    builds.incrementAndGet();
                    building.countDown();
                    try {
                        release.await(5, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return new byte[188];
                })));
            }
            building.await(5, TimeUnit.SECONDS);
            Thread.sleep(50);
            release.countDown();
            byte[] first = answers.get(0).get(5, TimeUnit.SECONDS);
            for (Future<byte[]> answer : answers) {
                assertSame(first, answer.get(5, TimeUnit.SECONDS));
            }
            assertEquals(1, builds.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void keepsWhatFitsTheBudgetTheFirstBuiltLeavingFirst() {
        RecentResponses<Integer> responses = new RecentResponses<>(3 * 100);
        AtomicInteger builds = new AtomicInteger();
        for (int key = 1; key <= 5; key++) {
            responses.get(key, () -> {
                builds.incrementAndGet();
                return new byte[100];
            });
        }
        assertEquals(3, responses.size());
        responses.get(5, () -> new byte[] {9});
        assertEquals(5, builds.get(), "the newest is kept");
        assertArrayEquals(new byte[] {7}, responses.get(1, () -> new byte[] {7}), "the first built was dropped");
        assertArrayEquals(new byte[1000], responses.get(9, () -> new byte[1000]), "too large to keep, still answered");
        assertEquals(0, responses.size());
    }

    @Test
    void nothingAndFailuresAreNotKept() {
        RecentResponses<String> responses = new RecentResponses<>(1000);
        assertNull(responses.get("missing", () -> null));
        assertThrows(IllegalStateException.class, () -> responses.get("broken", () -> {
            throw new IllegalStateException("damaged");
        }));
        assertArrayEquals(new byte[] {1}, responses.get("missing", () -> new byte[] {1}));
        assertArrayEquals(new byte[] {2}, responses.get("broken", () -> new byte[] {2}));
    }
}
