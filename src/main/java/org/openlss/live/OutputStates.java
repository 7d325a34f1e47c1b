package org.openlss.live;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What outputs keep with an event or a quality level (built manifests, fragment responses): one object per kind,
 * made on first use and gone with its owner, so a request finds it without a lock or a map of every owner.
 */
public final class OutputStates {
    private final Map<Class<?>, Object> states = new ConcurrentHashMap<>();

    public <T> T of(Class<T> kind, Supplier<T> create) {
        Object state = states.get(kind);
        return kind.cast(state != null ? state : states.computeIfAbsent(kind, k -> create.get()));
    }
}
