package org.openlss.syndication;

import java.nio.ByteBuffer;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link StreamFeed} as the body of an outgoing chunked POST ({@code java.net.http}): bytes are handed over only as
 * the client asks for them, so a slow downstream slows only its own feed; new fragments wake an emission on the
 * executor. One subscription.
 */
final class FeedPublisher implements Flow.Publisher<ByteBuffer>, Flow.Subscription {
    private final Executor executor;
    private final AtomicLong demand = new AtomicLong();
    private final AtomicBoolean again = new AtomicBoolean();
    private final ReentrantLock emitting = new ReentrantLock();
    private volatile StreamFeed feed;
    private volatile Flow.Subscriber<? super ByteBuffer> subscriber;
    private volatile boolean done;
    private volatile Throwable failure;

    FeedPublisher(Executor executor) {
        this.executor = executor;
    }

    /** The feed to publish; it calls {@link #wake} when it has more. */
    void feed(StreamFeed streamFeed) {
        this.feed = streamFeed;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> s) {
        subscriber = s;
        s.onSubscribe(this);
    }

    @Override
    public void request(long n) {
        demand.getAndAccumulate(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
        wake();
    }

    @Override
    public void cancel() {
        done = true;
    }

    void wake() {
        if (!done && subscriber != null && feed != null) {
            executor.execute(this::emit);
        }
    }

    /** Why the feed stopped, if it failed (e.g. the downstream fell too far behind). */
    Throwable failure() {
        return failure;
    }

    private void emit() {
        again.set(true);
        while (again.getAndSet(false)) {
            if (!emitting.tryLock()) {
                return;
            }
            try {
                if (!done && feed.overflowed()) {
                    // a downstream that stopped reading asks for nothing more: fail the POST now
                    throw new StreamFeed.Overflow("the downstream fell too far behind");
                }
                while (!done && demand.get() > 0) {
                    byte[] bytes = feed.next();
                    if (bytes == null) {
                        if (feed.finished()) {
                            done = true;
                            subscriber.onComplete();
                        }
                        break;
                    }
                    demand.decrementAndGet();
                    subscriber.onNext(ByteBuffer.wrap(bytes));
                }
            } catch (StreamFeed.Overflow e) {
                done = true;
                failure = e;
                subscriber.onError(e);
            } finally {
                emitting.unlock();
            }
        }
    }
}
