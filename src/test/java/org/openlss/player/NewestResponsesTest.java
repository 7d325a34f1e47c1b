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

class NewestResponsesTest {
    @Test
    void concurrentMissesWaitForOneBuildAndShareItsBytes() throws Exception {
        NewestResponses responses = new NewestResponses(8);
        AtomicInteger builds = new AtomicInteger();
        CountDownLatch building = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<byte[]>> answers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                answers.add(pool.submit(() -> responses.get(42, () -> {
                    builds.incrementAndGet();
                    building.countDown();
                    await(release);
                    return new byte[] {1, 2, 3};
                })));
            }
            building.await(5, TimeUnit.SECONDS);
            Thread.sleep(50); // let the other requests arrive while the build is under way
            release.countDown();
            byte[] first = answers.get(0).get(5, TimeUnit.SECONDS);
            for (Future<byte[]> answer : answers) {
                assertSame(first, answer.get(5, TimeUnit.SECONDS), "every request gets the one built array");
            }
            assertEquals(1, builds.get(), "built once");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void keepsOnlyTheNewestAndBuildsAnOlderOneWithoutKeepingIt() {
        NewestResponses responses = new NewestResponses(3);
        for (long t = 1; t <= 5; t++) {
            long time = t;
            responses.get(time, () -> new byte[] {(byte) time});
        }
        assertEquals(3, responses.size());
        assertNull(responses.get(1), "evicted");
        assertNull(responses.get(2), "evicted");
        assertArrayEquals(new byte[] {5}, responses.get(5));
        AtomicInteger builds = new AtomicInteger();
        responses.get(1, () -> new byte[] {(byte) builds.incrementAndGet()});
        responses.get(1, () -> new byte[] {(byte) builds.incrementAndGet()});
        assertEquals(2, builds.get(), "an old response is answered but not kept in place of a newer one");
        assertEquals(3, responses.size());
    }

    @Test
    void aFailedBuildIsNotKeptAndTheNextRequestBuildsAgain() {
        NewestResponses responses = new NewestResponses(3);
        assertThrows(IllegalStateException.class, () -> responses.get(7, () -> {
            throw new IllegalStateException("disk gone");
        }));
        assertNull(responses.get(7));
        assertNull(responses.get(8, () -> null), "nothing to serve");
        assertNull(responses.get(8), "and nothing kept");
        assertArrayEquals(new byte[] {9}, responses.get(7, () -> new byte[] {9}));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
