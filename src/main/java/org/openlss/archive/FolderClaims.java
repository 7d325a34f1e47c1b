package org.openlss.archive;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The presentation folders someone is writing: an event's archive while a presentation is open, the repair at start
 * while it mends one. A folder has one writer at a time, so the repair never finishes a file an event is appending to.
 */
final class FolderClaims {
    private final Set<Path> claimed = new HashSet<>();

    /** Claims {@code folder}, waiting while another writer has it (a repair takes a moment). */
    synchronized void claim(Path folder) {
        boolean interrupted = false;
        while (!claimed.add(folder)) {
            try {
                wait();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Claims {@code folder} if no one has it. */
    synchronized boolean tryClaim(Path folder) {
        return claimed.add(folder);
    }

    synchronized void release(Path folder) {
        if (claimed.remove(folder)) {
            notifyAll();
        }
    }
}
