package org.openlss.syndication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openlss.mp4.IngestBody;
import org.openlss.mp4.IngestFragment;

/** A push's request body: only as much as the HTTP client asks for, ended or failed as the feed says. */
class FeedPublisherTest {
    @TempDir
    Path dir;

    private LiveEvent event;

    @BeforeEach
    void setUp() {
        event = new LiveEvent(dir);
    }

    @Test
    void handsOverOnlyWhatTheClientAsksForThenEndsWithEndOfStream() {
        event.append(0, 4);
        Subscriber client = new Subscriber();
        publish(client, SyndicationHttp.DEFAULT_MAX_BEHIND);
        assertEquals(0, client.items.size(), "nothing before a request");
        client.subscription.request(1);
        assertEquals(1, client.items.size(), "the header");
        client.subscription.request(2);
        assertEquals(3, client.items.size());
        client.subscription.request(10);
        assertEquals(5, client.items.size(), "the stored fragments, and then no more for now");
        assertFalse(client.completed);

        event.append(4, LiveEvent.fragmentCount());
        event.stream.endOfStream();
        assertFalse(client.completed, "end of stream waits for demand like the rest");
        client.subscription.request(Long.MAX_VALUE);
        assertTrue(client.completed);
        IngestBody sent = IngestBody.parse(client.bytes());
        assertTrue(LiveEvent.STREAM1.header().sameBytes(sent.header()));
        assertEquals(keys(LiveEvent.STREAM1.fragments()), keys(sent.fragments()));
        assertTrue(sent.endOfStream());
    }

    @Test
    void requestsAddUpToUnboundedWithoutOverflowing() {
        Subscriber client = new Subscriber();
        publish(client, SyndicationHttp.DEFAULT_MAX_BEHIND);
        client.subscription.request(Long.MAX_VALUE);
        client.subscription.request(Long.MAX_VALUE);
        event.append(0, 2);
        assertEquals(3, client.items.size(), "the header and both fragments");
    }

    @Test
    void aDownstreamThatFallsTooFarBehindFailsThePost() {
        Subscriber client = new Subscriber();
        FeedPublisher publisher = publish(client, 2);
        client.subscription.request(1);
        event.append(0, 3);
        assertInstanceOf(StreamFeed.Overflow.class, client.failure);
        assertSame(client.failure, publisher.failure(), "what the push reports as the reason to reconnect");
        assertEquals(1, client.items.size(), "the header only");
    }

    @Test
    void aCancelledSubscriptionGetsNothingMore() {
        event.append(0, 2);
        Subscriber client = new Subscriber();
        FeedPublisher publisher = publish(client, SyndicationHttp.DEFAULT_MAX_BEHIND);
        client.subscription.request(1);
        client.subscription.cancel();
        client.subscription.request(5);
        event.stream.endOfStream();
        assertEquals(1, client.items.size());
        assertFalse(client.completed);
        assertNull(publisher.failure());
    }

    /**
     * The end of the stream comes while an emission is inside the client's onNext: it is not emitted beside that one
     * (the client's signals never overlap), and it is not lost: the running emission sends it.
     */
    @Test
    void theEndSignalledDuringAnEmissionIsSentByItAfterwards() throws Exception {
        event.append(0, 1);
        Subscriber client = new Subscriber();
        client.holdItem = 2; // the stored fragment
        publish(client, SyndicationHttp.DEFAULT_MAX_BEHIND);
        Thread http = new Thread(() -> client.subscription.request(Long.MAX_VALUE), "HTTP client");
        http.start();
        assertTrue(client.held.await(10, TimeUnit.SECONDS));

        event.stream.endOfStream();
        assertEquals(2, client.items.size(), "nothing emitted beside the running emission");
        client.release.countDown();

        http.join(TimeUnit.SECONDS.toMillis(10));
        assertFalse(http.isAlive());
        assertTrue(client.completed);
        assertTrue(IngestBody.parse(client.bytes()).endOfStream());
        assertEquals(0, client.overlaps.get());
    }

    /** A publisher of the event's stream, subscribed by {@code client}, emitting on the thread that wakes it. */
    private FeedPublisher publish(Subscriber client, int maxBehind) {
        FeedPublisher publisher = new FeedPublisher(Runnable::run);
        publisher.feed(new StreamFeed(event.presentation, event.stream, Long.MIN_VALUE, 0, maxBehind, true,
                publisher::wake));
        publisher.subscribe(client);
        return publisher;
    }

    private static List<String> keys(List<IngestFragment> fragments) {
        return fragments.stream().map(f -> f.trackId() + "@" + f.time()).sorted().toList();
    }

    /** The HTTP client's side: records what it gets, and can hold one onNext until released. */
    private static final class Subscriber implements Flow.Subscriber<ByteBuffer> {
        final List<byte[]> items = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger inside = new AtomicInteger();
        final AtomicInteger overlaps = new AtomicInteger();
        final CountDownLatch held = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile int holdItem;
        volatile Flow.Subscription subscription;
        volatile boolean completed;
        volatile Throwable failure;

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
        }

        @Override
        public void onNext(ByteBuffer item) {
            if (inside.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            byte[] bytes = new byte[item.remaining()];
            item.get(bytes);
            items.add(bytes);
            if (items.size() == holdItem) {
                held.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            inside.decrementAndGet();
        }

        @Override
        public void onError(Throwable t) {
            failure = t;
        }

        @Override
        public void onComplete() {
            completed = true;
        }

        byte[] bytes() {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            synchronized (items) {
                items.forEach(all::writeBytes);
            }
            return all.toByteArray();
        }
    }
}
