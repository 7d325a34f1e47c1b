package org.openlss.platform;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Work that takes whatever is pending (a queue, a feed, newly stored fragments), run one at a time however many threads
 * ask for it. A signal makes sure the drain runs after it: when none is running it starts one; while one runs it only
 * marks that the drain must go round once more, so a signal is never lost and no thread waits for another.
 *
 * <p>A drain that throws ends its run and the exception goes to the thread that ran it (the executor, or the caller of
 * {@link #runHere}), as if there were no SerialDrain. It does not stop later work: signals that came during the failed
 * run get a new run on the executor, and without any, the next signal starts one.
 */
public final class SerialDrain {
    private static final int IDLE = 0;
    /** A drain runs, or is handed to the executor, and will see what was signalled so far. */
    private static final int RUNNING = 1;
    /** A signal came while the drain ran: it goes round once more. */
    private static final int AGAIN = 2;

    private final Executor executor;
    private final Runnable drain;
    private final AtomicInteger state = new AtomicInteger(IDLE);

    /**
     * @param executor where {@link #signal} runs the drain
     * @param drain    takes whatever is pending; never runs twice at once
     */
    public SerialDrain(Executor executor, Runnable drain) {
        this.executor = executor;
        this.drain = drain;
    }

    /**
     * There is work: the drain runs on the executor after this call, unless one is running (it then goes round again).
     *
     * @throws RejectedExecutionException when the executor refuses the drain; the drain is then idle, and what was
     *                                    signalled waits for the next signal
     */
    public void signal() {
        if (claim()) {
            try {
                executor.execute(this::run);
            } catch (RejectedExecutionException e) {
                state.set(IDLE);
                throw e;
            }
        }
    }

    /**
     * There is work, and this thread may do it: the drain runs here and now, unless one is running (it then goes round
     * again). For a callback whose thread is there to do the work, such as a servlet container's write callback.
     */
    public void runHere() {
        if (claim()) {
            run();
        }
    }

    /** Whether the caller is to start the drain: only when none runs; otherwise the running one is told to go again. */
    private boolean claim() {
        return state.getAndUpdate(s -> s == IDLE ? RUNNING : AGAIN) == IDLE;
    }

    private void run() {
        try {
            do {
                state.set(RUNNING); // signals from here on need another round; those before are seen by this one
                drain.run();
            } while (!state.compareAndSet(RUNNING, IDLE));
        } catch (Throwable failure) {
            if (state.getAndSet(IDLE) == AGAIN) {
                try {
                    signal();
                } catch (RejectedExecutionException e) {
                    failure.addSuppressed(e);
                }
            }
            throw failure;
        }
    }
}
