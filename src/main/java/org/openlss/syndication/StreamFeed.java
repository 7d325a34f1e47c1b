package org.openlss.syndication;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.openlss.live.FragmentRef;
import org.openlss.live.IncomingStream;
import org.openlss.live.LiveTrack;
import org.openlss.live.Presentation;
import org.openlss.live.PresentationListener;
import org.openlss.mp4.EndOfStream;
import org.openlss.mp4.IngestFragment;

/**
 * What a downstream server receives for one input stream, in ingest format: the header boxes, the stored fragments
 * from a starting point, then every fragment as it is accepted, then the end of stream. Fragments are queued as
 * references and read from the store when sent, so a slow consumer costs no heap; one that falls more than
 * {@code maxBehind} fragments behind is cut off ({@link Overflow}) and must reconnect from where it is. Ingest only
 * appends to a lock-free queue and wakes the consumer.
 */
final class StreamFeed implements PresentationListener {
    /** A fragment to send; {@code live} ones arrived after the feed opened and count toward the lag. */
    private record Item(LiveTrack track, FragmentRef ref, boolean live) {
    }

    /** The consumer fell too far behind; it is dropped so it cannot hold the origin back. */
    static final class Overflow extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Overflow(String message) {
            super(message);
        }
    }

    private final Presentation presentation;
    private final IncomingStream stream;
    private final int maxBehind;
    private final boolean endOfStreamOnStop;
    private final Runnable wake;
    private final Queue<Item> arrivals = new ConcurrentLinkedQueue<>();
    private final AtomicInteger behind = new AtomicInteger();
    private volatile boolean overflowed;
    private final Deque<Item> pending = new ArrayDeque<>();
    private final Map<LiveTrack, Long> lastQueued = new HashMap<>();
    private volatile boolean streamEnded;
    private volatile boolean presentationEnded;
    private boolean headerSent;
    private boolean finished;

    /**
     * @param afterTime         send stored fragments after this time ({@code Long.MIN_VALUE}: all), or
     * @param lastPerTrack      if positive, instead the last this many fragments of each track (a reconnecting push)
     * @param endOfStreamOnStop whether an administrative stop ends the feed with end of stream or just closes it
     */
    StreamFeed(Presentation presentation, IncomingStream stream, long afterTime, int lastPerTrack, int maxBehind,
               boolean endOfStreamOnStop, Runnable wake) {
        this.presentation = presentation;
        this.stream = stream;
        this.maxBehind = maxBehind;
        this.endOfStreamOnStop = endOfStreamOnStop;
        this.wake = wake;
        presentation.addListener(this);
        List<Item> backlog = new ArrayList<>();
        for (LiveTrack track : stream.levels()) {
            List<FragmentRef> refs = track.storedAfter(lastPerTrack > 0 ? Long.MIN_VALUE : afterTime);
            if (lastPerTrack > 0) {
                refs = refs.subList(Math.max(0, refs.size() - lastPerTrack), refs.size());
            }
            refs.forEach(ref -> backlog.add(new Item(track, ref, false)));
        }
        backlog.sort(Comparator.comparingLong(i -> i.ref().time()));
        synchronized (this) {
            backlog.forEach(this::queue);
        }
        streamEnded = stream.state() == IncomingStream.State.Stopped;
        presentationEnded = presentation.ended();
    }

    @Override
    public void fragmentAccepted(IncomingStream from, LiveTrack track, FragmentRef ref, IngestFragment fragment) {
        if (from == stream) {
            arrivals.add(new Item(track, ref, true));
            if (behind.incrementAndGet() > maxBehind) {
                overflowed = true;
            }
            wake.run();
        }
    }

    @Override
    public void streamEnded(IncomingStream ended) {
        if (ended == stream) {
            streamEnded = true;
            wake.run();
        }
    }

    @Override
    public void presentationEnded() {
        presentationEnded = true;
        wake.run();
    }

    /**
     * The next bytes to send: header, fragments, end of stream; null when there is nothing now (wait for a wake) or
     * when the feed is {@link #finished()}.
     */
    byte[] next() {
        Item item;
        synchronized (this) {
            if (finished) {
                return null;
            }
            if (!headerSent) {
                headerSent = true;
                return stream.header().headerBytes();
            }
            for (Item arrived; (arrived = arrivals.poll()) != null; ) {
                queue(arrived);
            }
            if (overflowed) {
                finished = true;
                throw new Overflow("the downstream fell more than " + maxBehind + " fragments behind");
            }
            item = pending.poll();
            if (item != null && item.live()) {
                behind.decrementAndGet();
            }
            if (item == null) {
                if (streamEnded || presentationEnded) {
                    finished = true;
                    return streamEnded || endOfStreamOnStop ? EndOfStream.bytes() : null;
                }
                return null;
            }
        }
        byte[] bytes = item.track().read(item.ref());
        return bytes != null ? bytes : next();
    }

    /** Whether the consumer fell too far behind: it must be cut off even if it cannot take more now. */
    boolean overflowed() {
        return overflowed;
    }

    /** Whether everything was sent (or the feed was cut off). */
    synchronized boolean finished() {
        return finished;
    }

    /** Stops listening to the presentation. */
    void close() {
        presentation.removeListener(this);
    }

    /** Newest time queued per track, so a fragment is sent once even when the backlog and live arrivals overlap. */
    private void queue(Item item) {
        Long last = lastQueued.get(item.track());
        if (last == null || item.ref().time() > last) {
            lastQueued.put(item.track(), item.ref().time());
            pending.add(item);
        } else if (item.live()) {
            behind.decrementAndGet();
        }
    }
}
