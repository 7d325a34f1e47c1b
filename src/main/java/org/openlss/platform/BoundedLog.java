package org.openlss.platform;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The newest entries of a log, at most a fixed number: adding to a full log drops its oldest entry. Safe for many
 * writers and readers; what the audit trail and each publishing point's event log keep in memory.
 *
 * @param <E> an entry
 */
public final class BoundedLog<E> {
    private final int kept;
    private final ArrayDeque<E> newest;

    public BoundedLog(int kept) {
        if (kept < 1) {
            throw new IllegalArgumentException("a log keeps at least one entry, not " + kept);
        }
        this.kept = kept;
        this.newest = new ArrayDeque<>(Math.min(kept, 256));
    }

    public void add(E entry) {
        synchronized (newest) {
            if (newest.size() == kept) {
                newest.removeLast();
            }
            newest.addFirst(entry);
        }
    }

    /** The entries kept, newest first. */
    public List<E> recent() {
        synchronized (newest) {
            return new ArrayList<>(newest);
        }
    }

    /** The newest {@code limit} entries at most, newest first. */
    public List<E> recent(int limit) {
        synchronized (newest) {
            List<E> list = new ArrayList<>(Math.min(limit, newest.size()));
            for (E entry : newest) {
                if (list.size() == limit) {
                    break;
                }
                list.add(entry);
            }
            return list;
        }
    }

    public int capacity() {
        return kept;
    }
}
