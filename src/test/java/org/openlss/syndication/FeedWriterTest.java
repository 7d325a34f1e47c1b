package org.openlss.syndication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.WriteListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openlss.mp4.EndOfStream;
import org.openlss.mp4.IngestBody;
import org.openlss.mp4.IngestFragment;

/** A pull's response: written as the client can take it and as fragments arrive, ended or cut off cleanly. */
class FeedWriterTest {
    @TempDir
    Path dir;

    private LiveEvent event;
    private final AtomicInteger completions = new AtomicInteger();
    private final List<FeedWriter> closed = new ArrayList<>();

    @BeforeEach
    void setUp() {
        event = new LiveEvent(dir);
    }

    @Test
    void sendsTheHeaderTheStoredFragmentsTheLiveOnesAndEndOfStream() throws IOException {
        int stored = 4;
        event.append(0, stored);
        Response out = new Response();
        FeedWriter writer = start(out, Runnable::run, SyndicationHttp.DEFAULT_MAX_BEHIND);
        writer.onWritePossible();
        assertEquals(LiveEvent.times(0, stored).size(), IngestBody.parse(out.bytes()).fragments().size());

        event.append(stored, LiveEvent.fragmentCount());
        event.stream.endOfStream();
        IngestBody sent = IngestBody.parse(out.bytes());
        assertTrue(LiveEvent.STREAM1.header().sameBytes(sent.header()), "the header first");
        assertEquals(keys(LiveEvent.STREAM1.fragments()), keys(sent.fragments()));
        assertTrue(sent.endOfStream());
        assertEquals(1, completions.get(), "the response is complete");
        assertEquals(List.of(writer), closed);
    }

    /**
     * The lost wakeup: a drain finds nothing more and flushes; the end of the stream is signalled before that drain has
     * returned. The signal must make the drain go round again, or the downstream waits for its stall watchdog.
     */
    @Test
    void theEndSignalledWhileADrainIsFinishingIsStillSent() throws Exception {
        event.append(0, 4);
        Response out = new Response();
        FeedWriter writer = start(out, Runnable::run, SyndicationHttp.DEFAULT_MAX_BEHIND);
        out.holdNextFlush();
        Thread container = new Thread(writer::onWritePossible, "container");
        container.start();
        assertTrue(out.flushHeld.await(10, TimeUnit.SECONDS), "the drain wrote what there was and flushes");

        event.stream.endOfStream(); // wakes the writer on this thread while the container's drain is still running

        out.releaseFlush.countDown();
        container.join(TimeUnit.SECONDS.toMillis(10));
        assertFalse(container.isAlive());
        assertTrue(endsWithEndOfStream(out.bytes()), "end of stream was sent");
        assertEquals(1, completions.get(), "the response is complete");
    }

    @Test
    void writesNothingUntilTheClientCanTakeMore() throws IOException {
        event.append(0, 2);
        Response out = new Response();
        out.ready = false;
        FeedWriter writer = start(out, Runnable::run, SyndicationHttp.DEFAULT_MAX_BEHIND);
        writer.onWritePossible();
        event.append(2, 4);
        assertEquals(0, out.bytes().length);

        out.ready = true;
        writer.onWritePossible();
        assertEquals(4, IngestBody.parse(out.bytes()).fragments().size());
        assertEquals(0, completions.get(), "the stream goes on");
    }

    @Test
    void aDownstreamThatStopsReadingIsCutOffOnceTooFarBehind() {
        Response out = new Response();
        out.ready = false;
        FeedWriter writer = start(out, Runnable::run, 2);
        event.append(0, 2);
        assertEquals(List.of(), closed, "two behind is allowed");
        event.append(2, 3);
        assertEquals(List.of(writer), closed, "the third is one too many");
        assertEquals(1, completions.get());
        assertEquals(0, out.bytes().length);
    }

    @Test
    void aWriteThatFailsClosesTheResponseOnce() throws IOException {
        Response out = new Response();
        out.failure = new IOException("Broken pipe");
        FeedWriter writer = start(out, Runnable::run, SyndicationHttp.DEFAULT_MAX_BEHIND);
        writer.onWritePossible();
        assertEquals(List.of(writer), closed);
        assertEquals(1, completions.get());

        writer.onError(new IOException("reset"));
        event.append(0, 2);
        assertEquals(List.of(writer), closed, "closing twice does nothing");
        assertEquals(1, completions.get());
    }

    @Test
    void anErrorTheContainerReportsClosesTheResponse() {
        FeedWriter writer = start(new Response(), Runnable::run, SyndicationHttp.DEFAULT_MAX_BEHIND);
        writer.onError(new IOException("connection reset by peer"));
        assertEquals(List.of(writer), closed);
        assertEquals(1, completions.get());
    }

    private FeedWriter start(Response out, Executor executor, int maxBehind) {
        ServletRequest request = proxy(ServletRequest.class, null);
        AsyncContext async = proxy(AsyncContext.class, request);
        FeedWriter writer = new FeedWriter(async, out, executor, "Pull by test", closed::add);
        writer.start(new StreamFeed(event.presentation, event.stream, Long.MIN_VALUE, 0, maxBehind, true,
                writer::wake));
        assertSame(writer, out.listener, "the writer listens to the response");
        return writer;
    }

    /** A container object that counts completions and has {@code request}; any other call fails the test. */
    private <T> T proxy(Class<T> type, ServletRequest request) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (p, m, args) ->
                switch (m.getName()) {
                    case "complete" -> {
                        completions.incrementAndGet();
                        yield null;
                    }
                    case "getRequest" -> request;
                    case "toString" -> type.getSimpleName();
                    default -> throw new UnsupportedOperationException(m.getName());
                }));
    }

    /** Each fragment as track and time: every one must arrive once. */
    private static List<String> keys(List<IngestFragment> fragments) {
        return fragments.stream().map(f -> f.trackId() + "@" + f.time()).sorted().toList();
    }

    private static boolean endsWithEndOfStream(byte[] bytes) {
        byte[] end = EndOfStream.bytes();
        return bytes.length >= end.length
                && Arrays.equals(Arrays.copyOfRange(bytes, bytes.length - end.length, bytes.length), end);
    }

    /** The response stream: records what is written, can refuse to take more, fail, or hold a flush. */
    private static final class Response extends ServletOutputStream {
        private final ByteArrayOutputStream written = new ByteArrayOutputStream();
        volatile boolean ready = true;
        volatile IOException failure;
        volatile WriteListener listener;
        final CountDownLatch flushHeld = new CountDownLatch(1);
        final CountDownLatch releaseFlush = new CountDownLatch(1);
        private volatile boolean holdFlush;

        void holdNextFlush() {
            holdFlush = true;
        }

        synchronized byte[] bytes() {
            return written.toByteArray();
        }

        @Override
        public boolean isReady() {
            return ready;
        }

        @Override
        public void setWriteListener(WriteListener writeListener) {
            listener = writeListener;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            if (failure != null) {
                throw failure;
            }
            written.write(b, off, len);
        }

        @Override
        public void flush() {
            if (holdFlush) {
                holdFlush = false;
                flushHeld.countDown();
                try {
                    releaseFlush.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
