package org.openlss.syndication;

/** Reconnect delays: 1 s, doubling up to 30 s; back to the start after a connection that worked. */
final class Backoff {
    private static final long FIRST_MILLIS = 1000;
    private static final long MAX_MILLIS = 30_000;
    private long next = FIRST_MILLIS;

    long nextDelayMillis() {
        long delay = next;
        next = Math.min(MAX_MILLIS, next * 2);
        return delay;
    }

    void reset() {
        next = FIRST_MILLIS;
    }
}
