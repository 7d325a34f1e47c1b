package org.openlss.live;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Events (and an amount, e.g. bytes) per second over the last few seconds, in one-second buckets. Lock-free: requests
 * count on every fragment served.
 */
public final class RateMeter {
    private static final int BUCKETS = 5;
    private final AtomicLongArray seconds = new AtomicLongArray(BUCKETS);
    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
    private final AtomicLongArray amounts = new AtomicLongArray(BUCKETS);

    public void record(long amount, long nowMillis) {
        long second = nowMillis / 1000;
        int i = (int) (second % BUCKETS);
        long seen = seconds.get(i);
        if (seen != second && seconds.compareAndSet(i, seen, second)) {
            counts.set(i, 0);
            amounts.set(i, 0);
        }
        counts.incrementAndGet(i);
        amounts.addAndGet(i, amount);
    }

    /** Events per second over the completed seconds of the window. */
    public double eventsPerSecond(long nowMillis) {
        return sum(counts, nowMillis) / (double) (BUCKETS - 1);
    }

    /** Amount per second over the completed seconds of the window. */
    public double amountPerSecond(long nowMillis) {
        return sum(amounts, nowMillis) / (double) (BUCKETS - 1);
    }

    private long sum(AtomicLongArray values, long nowMillis) {
        long current = nowMillis / 1000;
        long total = 0;
        for (int i = 0; i < BUCKETS; i++) {
            long second = seconds.get(i);
            if (second < current && second >= current - (BUCKETS - 1)) {
                total += values.get(i);
            }
        }
        return total;
    }
}
