package org.openlss.syndication;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.openlss.platform.ConnectionAbort;
import org.openlss.platform.SerialDrain;

/**
 * Writes a {@link StreamFeed} to a long-lived chunked response without parking a thread: the container calls back
 * when the client can take more, and new fragments wake a drain on the managed executor.
 */
final class FeedWriter implements WriteListener {
    private static final Logger LOG = Logger.getLogger(FeedWriter.class.getName());

    private final AsyncContext async;
    private final ServletOutputStream out;
    private final Executor executor;
    private final String name;
    private final Consumer<FeedWriter> onClose;
    private final SerialDrain writing;
    private final AtomicBoolean closed = new AtomicBoolean();
    private StreamFeed feed;

    FeedWriter(AsyncContext async, ServletOutputStream out, Executor executor, String name,
               Consumer<FeedWriter> onClose) {
        this.async = async;
        this.out = out;
        this.executor = executor;
        this.name = name;
        this.onClose = onClose;
        this.writing = new SerialDrain(executor, this::drain);
    }

    void start(StreamFeed streamFeed) {
        this.feed = streamFeed;
        out.setWriteListener(this);
    }

    /**
     * New data for the feed: drain it on the executor unless a drain is running (which then goes round again). A peer
     * that fell too far behind is cut off here, since one that stops reading never gets to ask for more.
     */
    void wake() {
        if (feed != null && !closed.get()) {
            if (feed.overflowed()) {
                executor.execute(this::cutOff);
            } else {
                writing.signal();
            }
        }
    }

    private void cutOff() {
        if (!closed.get()) {
            ConnectionAbort.terminate(async.getRequest());
            close("the downstream stopped reading: it fell too far behind");
        }
    }

    /** The container's thread is there to write: it drains, unless a drain is running (which goes round again). */
    @Override
    public void onWritePossible() {
        writing.runHere();
    }

    /** Writes as much as the client takes now; only ever run by {@link #writing}. */
    private void drain() {
        try {
            while (!closed.get() && out.isReady()) {
                byte[] bytes = feed.next();
                if (bytes == null) {
                    if (feed.finished()) {
                        close(null);
                    } else {
                        out.flush();
                    }
                    break;
                }
                out.write(bytes);
            }
        } catch (StreamFeed.Overflow e) {
            close(e.getMessage());
        } catch (IOException | IllegalStateException e) {
            close("connection lost: " + e);
        }
    }

    @Override
    public void onError(Throwable t) {
        close("connection lost: " + t);
    }

    /** Ends the response (and the feed); {@code problem} is logged when it is not a normal end. */
    void close(String problem) {
        if (closed.compareAndSet(false, true)) {
            if (problem != null) {
                LOG.info(name + " closed: " + problem);
            }
            if (feed != null) {
                feed.close();
            }
            onClose.accept(this);
            try {
                async.complete();
            } catch (IllegalStateException e) {
                // the container already completed it
            }
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
