package org.openlss.player;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BuiltOnceTest {
    @Test
    void buildsOncePerVersionUnderConcurrentMisses() throws Exception {
        BuiltOnce manifest = new BuiltOnce();
        AtomicLong version = new AtomicLong(1);
        AtomicInteger builds = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<BuiltOnce.Built>> answers = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                answers.add(pool.submit(() -> manifest.get(version::get, () -> {
                    builds.incrementAndGet();
                    sleep(20);
                    return "v1".getBytes(StandardCharsets.UTF_8);
                })));
            }
            BuiltOnce.Built first = answers.get(0).get(5, TimeUnit.SECONDS);
            for (Future<BuiltOnce.Built> answer : answers) {
                assertSame(first, answer.get(5, TimeUnit.SECONDS));
            }
            assertEquals(1, builds.get());
        } finally {
            pool.shutdownNow();
        }
        version.set(2);
        assertEquals(2, manifest.get(version::get, () -> new byte[0]).version(), "a change builds again");
    }

    /**
     * The version a body carries is the one read before building it: when the timeline changes during the build,
     * the body may show more than its version says, never less, so its ETag never names a newer body.
     */
    @Test
    void theVersionIsTheOneReadBeforeTheBuild() {
        BuiltOnce manifest = new BuiltOnce();
        AtomicLong version = new AtomicLong(5);
        BuiltOnce.Built built = manifest.get(version::get, () -> {
            version.incrementAndGet(); // a fragment arrives while the manifest is written
            return ("shows " + version.get()).getBytes(StandardCharsets.UTF_8);
        });
        assertEquals(5, built.version());
        assertEquals("shows 6", new String(built.bytes(), StandardCharsets.UTF_8));
        assertEquals(6, manifest.get(version::get, () -> "shows 6 again".getBytes(StandardCharsets.UTF_8))
                .version(), "the next request sees that version 6 is not built yet");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
