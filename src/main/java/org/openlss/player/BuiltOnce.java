package org.openlss.player;

import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A response that shows something versioned (a manifest of a timeline): built once per version and shared by every
 * request; readers of the current version take no lock, and concurrent misses wait for one build. The version a
 * response carries is read before it is built, so its body is at least as new as its version (an ETag made from it
 * never names a newer body than the one sent).
 */
public final class BuiltOnce {
    /** A built response and the version it was built at. */
    public record Built(long version, byte[] bytes) {
    }

    private volatile Built current;

    /** The response for the current {@code version}, building it if it is older. */
    public Built get(LongSupplier version, Supplier<byte[]> build) {
        Built built = current;
        if (built != null && built.version() >= version.getAsLong()) {
            return built;
        }
        synchronized (this) {
            built = current;
            long now = version.getAsLong();
            if (built == null || built.version() < now) {
                current = built = new Built(now, build.get());
            }
            return built;
        }
    }
}
