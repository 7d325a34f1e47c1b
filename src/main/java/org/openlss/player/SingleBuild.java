package org.openlss.player;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * One build per key however many requests miss it at the same moment: the first builds, the others wait for its
 * bytes. A failed or null build is not kept. The caches around it decide what they keep.
 */
final class SingleBuild {
    /** The bytes, and whether this call built them (so that its cache may now drop older ones). */
    record Outcome(byte[] bytes, boolean builtHere) {
    }

    private SingleBuild() {
    }

    static <K> Outcome get(ConcurrentMap<K, CompletableFuture<byte[]>> built, K key, Supplier<byte[]> build) {
        CompletableFuture<byte[]> response = built.get(key);
        if (response != null) {
            return new Outcome(await(response), false);
        }
        CompletableFuture<byte[]> mine = new CompletableFuture<>();
        response = built.putIfAbsent(key, mine);
        if (response != null) {
            return new Outcome(await(response), false);
        }
        byte[] bytes;
        try {
            bytes = build.get();
        } catch (RuntimeException | Error e) {
            built.remove(key, mine);
            mine.completeExceptionally(e);
            throw e;
        }
        mine.complete(bytes);
        if (bytes == null) {
            built.remove(key, mine);
        }
        return new Outcome(bytes, true);
    }

    static byte[] await(CompletableFuture<byte[]> response) {
        try {
            return response.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }
}
