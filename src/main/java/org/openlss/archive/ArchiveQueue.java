package org.openlss.archive;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openlss.platform.SerialDrain;

/**
 * An event's archive work in the order the presentation reported it, run on the container's executor one batch at a
 * time, so ingest threads only enqueue. A batch is whatever queued up while the previous one ran (in real time: the
 * fragments of one period, all tracks); after each, the files it wrote are forced to disk. The queue is bounded by the
 * bytes it holds: a disk that cannot keep up must not fill the heap, so beyond the bound fragments are left out of the
 * archive, and reported, while live delivery goes on.
 */
final class ArchiveQueue {
    private static final Logger LOG = Logger.getLogger(ArchiveQueue.class.getName());

    /** One step of the event's archive. */
    interface Task {
        void run(EventRecorder recorder) throws IOException;
    }

    /** Where failures go (the point's status and the log) and where recovery is announced. */
    interface Outcome {
        void failed(String message);

        /** A batch archived fragments without a failure: archiving works (again). */
        void succeeded();
    }

    private record Item(Task task, long bytes) {
    }

    private final SerialDrain batches;
    private final EventRecorder recorder;
    private final Outcome outcome;
    private final long maxBytes;
    private final ConcurrentLinkedQueue<Item> queue = new ConcurrentLinkedQueue<>();
    private final AtomicLong pendingBytes = new AtomicLong();
    private volatile boolean closed;
    /** Whether the batch running now archived a fragment; only the draining task touches it. */
    private boolean wroteFragments;

    ArchiveQueue(Executor executor, EventRecorder recorder, Outcome outcome, long maxBytes) {
        this.batches = new SerialDrain(executor, this::drain);
        this.recorder = recorder;
        this.outcome = outcome;
        this.maxBytes = maxBytes;
    }

    EventRecorder recorder() {
        return recorder;
    }

    /** Queues a step; {@code bytes} is what it holds in memory until it runs (a fragment's size). */
    void submit(long bytes, Task task) {
        if (closed) {
            return;
        }
        if (bytes > 0 && pendingBytes.get() + bytes > maxBytes) {
            outcome.failed("the archive disk does not keep up with ingest (" + maxBytes / (1 << 20)
                    + " MiB waiting); fragments are left out of the archive");
            return;
        }
        pendingBytes.addAndGet(bytes);
        queue.add(new Item(task, bytes));
        schedule();
    }

    /** The server stops: runs what is queued here and now, then leaves the files open-ended for the next start. */
    void shutdown() {
        closed = true;
        synchronized (recorder) {
            runQueued();
            try {
                recorder.suspend();
            } catch (IOException e) {
                LOG.warning("Could not close the archive in " + where() + ": " + IoReasons.of(e)
                        + "; it is repaired at the next start");
            }
        }
    }

    private void schedule() {
        try {
            batches.signal();
        } catch (RejectedExecutionException e) {
            LOG.warning("The executor refused archive work for " + where() + " (is the server stopping?)");
        }
    }

    /** One batch: what queued up since the last one; only ever run by {@link #batches}. */
    private void drain() {
        synchronized (recorder) {
            wroteFragments = false;
            String failure = runQueued();
            try {
                recorder.sync();
            } catch (IOException e) {
                failure = failure != null ? failure : message(e);
            }
            if (failure != null) {
                outcome.failed(failure);
            } else if (wroteFragments) {
                outcome.succeeded(); // only writing proves it: closing an empty event does not
            }
        }
    }

    /** Runs every queued step; a step that fails is lost, the next ones still run. Returns the first failure. */
    private String runQueued() {
        String failure = null;
        for (Item item = queue.poll(); item != null; item = queue.poll()) {
            pendingBytes.addAndGet(-item.bytes());
            try {
                item.task().run(recorder);
                wroteFragments |= item.bytes() > 0;
            } catch (IOException e) {
                failure = failure != null ? failure : message(e);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Archive step failed in " + where(), e);
                failure = failure != null ? failure : "cannot archive to " + where() + ": " + e.getMessage();
            }
        }
        return failure;
    }

    private String message(IOException e) {
        return "cannot archive to " + where() + ": " + IoReasons.of(e);
    }

    private Path where() {
        return recorder.eventFolder() != null ? recorder.eventFolder() : recorder.parent();
    }
}
