package org.openlss.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** One drain at a time, and every signal answered by a drain that starts after it. */
class SerialDrainTest {
    private final Queue<Integer> pending = new ConcurrentLinkedQueue<>();
    private final List<Integer> taken = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger runs = new AtomicInteger();
    private final List<Runnable> queued = new ArrayList<>();

    /** Takes everything pending. */
    private void takeAll() {
        runs.incrementAndGet();
        for (Integer item = pending.poll(); item != null; item = pending.poll()) {
            taken.add(item);
        }
    }

    /**
     * The lost wakeup of the old feed loops: a drain has found nothing more and is on its way out when new work is
     * signalled. The signal returns at once (no waiting for the running drain), and that drain goes round again.
     */
    @Test
    void aSignalWhileTheDrainIsFinishingMakesItGoRoundAgain() throws Exception {
        CountDownLatch foundNothing = new CountDownLatch(1);
        CountDownLatch signalled = new CountDownLatch(1);
        SerialDrain drain = new SerialDrain(Runnable::run, () -> {
            takeAll();
            if (runs.get() == 1) {
                foundNothing.countDown();
                await(signalled);
            }
        });
        Thread first = new Thread(drain::signal, "first signal");
        first.start();
        assertTrue(foundNothing.await(10, TimeUnit.SECONDS));

        pending.add(1);
        drain.signal();
        assertEquals(List.of(), taken, "the signal did not run a second drain beside the first");
        signalled.countDown();

        first.join(TimeUnit.SECONDS.toMillis(10));
        assertFalse(first.isAlive());
        assertEquals(List.of(1), taken);
        assertEquals(2, runs.get());
    }

    @Test
    void everySignalIsFollowedByADrainThatSeesItAndDrainsNeverOverlap() throws Exception {
        int threads = 8;
        int signalsEach = 1000;
        ExecutorService executor = Executors.newFixedThreadPool(4);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        Queue<CompletableFuture<Void>> work = new ConcurrentLinkedQueue<>();
        SerialDrain drain = new SerialDrain(executor, () -> {
            if (inside.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            for (CompletableFuture<Void> item = work.poll(); item != null; item = work.poll()) {
                item.complete(null);
            }
            inside.decrementAndGet();
        });
        List<Thread> signallers = new ArrayList<>();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < threads; t++) {
            boolean onOwnThread = t % 2 == 0; // half like the container's callback, half through the executor
            signallers.add(new Thread(() -> {
                try {
                    for (int i = 0; i < signalsEach; i++) {
                        CompletableFuture<Void> item = new CompletableFuture<>();
                        work.add(item);
                        if (onOwnThread) {
                            drain.runHere();
                        } else {
                            drain.signal();
                        }
                        item.get(10, TimeUnit.SECONDS); // seen by a drain: none is left waiting for a later signal
                    }
                } catch (Exception | AssertionError e) {
                    failures.add(e);
                }
            }));
        }
        signallers.forEach(Thread::start);
        for (Thread t : signallers) {
            t.join(TimeUnit.SECONDS.toMillis(60));
        }
        executor.shutdown();
        assertTrue(executor.awaitTermination(10, TimeUnit.SECONDS));
        assertEquals(List.of(), failures);
        assertTrue(work.isEmpty());
        assertEquals(0, overlaps.get(), "two drains ran at once");
    }

    @Test
    void signalsBeforeTheDrainStartsAreAnsweredByThatOneRun() {
        SerialDrain drain = new SerialDrain(queued::add, this::takeAll);
        for (int i = 1; i <= 3; i++) {
            pending.add(i);
            drain.signal();
        }
        assertEquals(1, queued.size(), "one drain is handed to the executor, however many signals");
        runQueued();
        assertEquals(List.of(1, 2, 3), taken);
        assertEquals(1, runs.get());

        pending.add(4);
        drain.signal();
        runQueued();
        assertEquals(List.of(1, 2, 3, 4), taken, "an idle drain starts again");
        assertEquals(2, runs.get());
    }

    @Test
    void aSignalFromInsideTheDrainMakesItGoRoundAgainWithoutRecursion() {
        AtomicInteger depth = new AtomicInteger();
        SerialDrain[] drain = new SerialDrain[1];
        drain[0] = new SerialDrain(Runnable::run, () -> {
            assertEquals(1, depth.incrementAndGet());
            takeAll();
            if (runs.get() == 1) {
                pending.add(2);
                drain[0].signal();
            }
            depth.decrementAndGet();
        });
        pending.add(1);
        drain[0].runHere();
        assertEquals(List.of(1, 2), taken);
        assertEquals(2, runs.get());
    }

    /**
     * A drain that throws: the exception is the caller's (here: runHere's), and the drain is not wedged; a signal that
     * came during the failed run gets a run of its own on the executor.
     */
    @Test
    void aFailedDrainPassesItsFailureOnAndDoesNotStopLaterWork() {
        IllegalStateException broken = new IllegalStateException("disk gone");
        SerialDrain[] drain = new SerialDrain[1];
        drain[0] = new SerialDrain(queued::add, () -> {
            takeAll();
            if (runs.get() == 1) {
                pending.add(2);
                drain[0].signal(); // new work while the run that fails is still going
                throw broken;
            }
        });
        pending.add(1);
        assertSame(broken, assertThrows(IllegalStateException.class, drain[0]::runHere));
        assertEquals(List.of(1), taken);
        assertEquals(1, queued.size(), "the signal during the failed run is not lost");
        runQueued();
        assertEquals(List.of(1, 2), taken);

        pending.add(3);
        drain[0].signal();
        runQueued();
        assertEquals(List.of(1, 2, 3), taken, "the drain works on");
    }

    @Test
    void aFailedDrainWithoutNewSignalsWaitsForTheNextOne() {
        SerialDrain drain = new SerialDrain(queued::add, () -> {
            takeAll();
            if (runs.get() == 1) {
                throw new IllegalStateException("disk gone");
            }
        });
        pending.add(1);
        drain.signal();
        assertThrows(IllegalStateException.class, queued.remove(0)::run);
        assertEquals(List.of(), queued, "nothing new was signalled");

        pending.add(2);
        drain.signal();
        runQueued();
        assertEquals(List.of(1, 2), taken);
    }

    @Test
    void anExecutorThatRefusesLeavesTheDrainIdleForTheNextSignal() {
        AtomicInteger refusals = new AtomicInteger(1);
        SerialDrain drain = new SerialDrain(task -> {
            if (refusals.getAndDecrement() > 0) {
                throw new RejectedExecutionException("shutting down");
            }
            queued.add(task);
        }, this::takeAll);
        pending.add(1);
        assertThrows(RejectedExecutionException.class, drain::signal);
        assertEquals(0, runs.get());

        drain.signal();
        assertEquals(1, queued.size(), "the refused signal left no drain marked as running");
        runQueued();
        assertEquals(List.of(1), taken);
    }

    private void runQueued() {
        while (!queued.isEmpty()) {
            queued.remove(0).run();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
