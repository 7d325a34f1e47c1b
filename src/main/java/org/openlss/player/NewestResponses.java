package org.openlss.player;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Supplier;

/**
 * Built responses of one quality level by media time, the newest {@code capacity} kept: live players all ask for the
 * same few fragments right after they appear. A response is built once, however many requests miss it at the same
 * moment (they wait for the one build); lookups take no lock.
 */
public final class NewestResponses {
    /**
     * How many a quality level keeps: live players fetch the newest listed fragment, a late one the one before; each
     * kept response is a whole fragment in the heap, and older ones go out from the file without a copy.
     */
    public static final int PER_LEVEL = 2;
    private final int capacity;
    private final ConcurrentSkipListMap<Long, CompletableFuture<byte[]>> built = new ConcurrentSkipListMap<>();

    public NewestResponses(int capacity) {
        this.capacity = capacity;
    }

    /** The response at {@code time}, waiting if it is being built; null if there is none. */
    public byte[] get(long time) {
        CompletableFuture<byte[]> response = built.get(time);
        return response == null ? null : SingleBuild.await(response);
    }

    /**
     * The response at {@code time}, built by {@code build} if there is none yet (a null result is not kept). Only the
     * newest {@code capacity} stay; an older one is built, returned and not kept.
     */
    public byte[] get(long time, Supplier<byte[]> build) {
        SingleBuild.Outcome outcome = SingleBuild.get(built, time, build);
        if (outcome.builtHere()) {
            while (built.size() > capacity) {
                built.pollFirstEntry();
            }
        }
        return outcome.bytes();
    }

    /** How many responses are kept. */
    public int size() {
        return built.size();
    }
}
