package org.openlss.player;

import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Built responses by key while they fit in a byte budget, the first built leaving first: on-demand viewers ask for
 * the same segments around the same time, anywhere in a recording. A response is built once however many requests
 * miss it at the same moment (they wait for the one build); lookups take no lock.
 */
public final class RecentResponses<K> {
    private final long budget;
    private final ConcurrentHashMap<K, CompletableFuture<byte[]>> built = new ConcurrentHashMap<>();
    private final Queue<K> order = new ConcurrentLinkedQueue<>();
    private final AtomicLong bytes = new AtomicLong();

    /** @param budget bytes kept at most (a response larger than it is returned, not kept) */
    public RecentResponses(long budget) {
        this.budget = budget;
    }

    /** The response for {@code key}, built by {@code build} if there is none yet; a null result is not kept. */
    public byte[] get(K key, Supplier<byte[]> build) {
        SingleBuild.Outcome outcome = SingleBuild.get(built, key, build);
        if (outcome.builtHere() && outcome.bytes() != null) {
            order.add(key);
            bytes.addAndGet(outcome.bytes().length);
            while (bytes.get() > budget) {
                K oldest = order.poll();
                if (oldest == null) {
                    break;
                }
                CompletableFuture<byte[]> gone = built.remove(oldest);
                bytes.addAndGet(gone == null ? 0 : -gone.join().length);
            }
        }
        return outcome.bytes();
    }

    /** How many responses are kept. */
    public int size() {
        return built.size();
    }
}
