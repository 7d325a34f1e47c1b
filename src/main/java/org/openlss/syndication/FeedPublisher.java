package org.openlss.syndication;

import java.nio.ByteBuffer;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;
import org.openlss.platform.SerialDrain;

/**
 * A {@link StreamFeed} as the body of an outgoing chunked POST ({@code java.net.http}): bytes are handed over only as
 * the client asks for them, so a slow downstream slows only its own feed; new fragments wake an emission on the
 * executor. One subscription.
 */
final class FeedPublisher implements Flow.Publisher<ByteBuffer>, Flow.Subscription {
    private final SerialDrain emitting;
    private final AtomicLong demand = new AtomicLong();
    private volatile StreamFeed feed;
    private volatile Flow.Subscriber<? super ByteBuffer> subscriber;
    private volatile boolean done;
    private volatile Throwable failure;

    FeedPublisher(Executor executor) {
        this.emitting = new SerialDrain(executor, this::emit);
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

    /** There is more to send, or demand for it: emits on the executor unless an emission runs (it goes again). */
    void wake() {
        if (!done && subscriber != null && feed != null) {
            emitting.signal();
        }
    }

    /** Why the feed stopped, if it failed (e.g. the downstream fell too far behind). */
    Throwable failure() {
        return failure;
    }

    /** Hands over as much as the subscriber asked for; only ever run by {@link #emitting}. */
    private void emit() {
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
        }
    }
}
