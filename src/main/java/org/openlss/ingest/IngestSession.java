package org.openlss.ingest;

import java.nio.ByteBuffer;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.openlss.live.IncomingStream;
import org.openlss.live.Presentation;
import org.openlss.live.StreamRefusedException;
import org.openlss.mp4.BoxFormatException;
import org.openlss.mp4.IngestFragment;
import org.openlss.mp4.IngestHeader;
import org.openlss.mp4.IngestParser;
import org.openlss.mp4.NegativeFragmentTimeException;
import org.openlss.pubpoint.PointEvent;

/**
 * One ingest connection: bytes in, boxes framed by the parser, the headers checked against the presentation when they
 * arrive, the stream connected with its first fragment (so a connection that never sends one leaves no stream
 * behind), fragments appended. No servlet types, so it is tested with captures alone. Failures that are the
 * sender's fault surface as {@link IngestRefusal} with the status to answer.
 */
public final class IngestSession implements IngestParser.Listener {
    private static final Logger LOG = Logger.getLogger(IngestSession.class.getName());

    private final StreamAddress address;
    private final String sourceHost;
    private final String sourceType;
    private final Supplier<Presentation> presentation;
    private final Runnable onConnected;
    private final Events events;
    private final IngestParser parser;
    private IngestHeader header;
    private volatile long headerMillis;
    /** Set at the first fragment; volatile for the idle check, which reads whether it is set. */
    private volatile IncomingStream stream;
    private long bytes;
    private long fragments;
    private long duplicates;
    private long droppedNegative;
    private volatile long lastDataMillis = System.currentTimeMillis();

    /**
     * @param presentation the event to feed, looked up when the headers have arrived
     * @param onConnected  called once the stream is connected, at its first fragment (the point goes Started)
     */
    public IngestSession(StreamAddress address, String sourceHost, String sourceType,
                         Supplier<Presentation> presentation, Runnable onConnected) {
        this(address, sourceHost, sourceType, presentation, onConnected, Events.NONE);
    }

    /** @param events where connecting, reconnecting, end of stream and disconnecting are told (the point's log) */
    public IngestSession(StreamAddress address, String sourceHost, String sourceType,
                         Supplier<Presentation> presentation, Runnable onConnected, Events events) {
        this.address = address;
        this.events = events;
        this.sourceHost = sourceHost;
        this.sourceType = sourceType;
        this.presentation = presentation;
        this.onConnected = onConnected;
        this.parser = new IngestParser(this);
    }

    /** Feeds received bytes. A fragment with a negative time is dropped (logged); the stream goes on. */
    public void feed(ByteBuffer data) {
        lastDataMillis = System.currentTimeMillis();
        bytes += data.remaining();
        try {
            while (true) {
                try {
                    parser.feed(data);
                    return;
                } catch (NegativeFragmentTimeException e) {
                    if (droppedNegative++ == 0) {
                        LOG.warning(address + " from " + sourceHost + ": dropped a fragment with a negative time ("
                                + e.getMessage() + "); further ones are dropped silently");
                    }
                }
            }
        } catch (BoxFormatException e) {
            throw new IngestRefusal(e.suggestedStatus(), e.getMessage());
        } catch (StreamRefusedException e) {
            throw new IngestRefusal(e.status(), e.getMessage());
        }
    }

    /** The body ended; returns whether the stream had ended with end-of-stream. */
    public boolean finish() {
        disconnect();
        return parser.ended();
    }

    /** The connection is gone (ended, dropped or refused): the stream stays started unless it sent end-of-stream. */
    public void disconnect() {
        if (stream != null) {
            // told before the stream hears it, so the log has it before the state change it may cause
            events.happened(PointEvent.Kind.DISCONNECTED, address.streamId(), "from " + sourceHost
                    + (parser.ended() ? " after end of stream" : " without end of stream"));
            stream.disconnected(parser.ended());
            stream = null;
            LOG.info(String.format("%s from %s closed: %d bytes, %d fragments (%d duplicates)%s", address,
                    sourceHost, bytes, fragments, duplicates, parser.ended() ? ", ended with end of stream"
                            : ", without end of stream: waiting for the encoder to reconnect"));
        }
    }

    @Override
    public void onHeader(IngestHeader header) {
        presentation().admit(address.streamId(), address.eventId(), header);
        this.header = header;
        headerMillis = System.currentTimeMillis();
    }

    @Override
    public void onFragment(IngestFragment fragment) {
        if (stream == null) {
            connect();
        }
        fragments++;
        org.openlss.live.LiveTrack.Append result = stream.append(fragment);
        if (result == org.openlss.live.LiveTrack.Append.DUPLICATE
                || result == org.openlss.live.LiveTrack.Append.OVERLAPS) {
            duplicates++; // media the event has already, from this connection or another
        }
    }

    /**
     * An end of stream before any fragment ends a stream only when it exists already (an encoder that reconnected and
     * was stopped at once); a connection that never sent a fragment has nothing else to end.
     */
    @Override
    public void onEndOfStream() {
        if (stream == null) {
            if (presentation().stream(address.streamId()) == null) {
                return;
            }
            connect();
        }
        events.happened(PointEvent.Kind.END_OF_STREAM, address.streamId(), "from " + sourceHost);
        stream.endOfStream();
    }

    private void connect() {
        boolean again = presentation().stream(address.streamId()) != null;
        stream = presentation().connect(address.streamId(), address.eventId(), header, sourceHost, sourceType);
        LOG.info(address + " connected from " + sourceHost + " with " + header.tracks().size() + " track(s)");
        events.happened(again ? PointEvent.Kind.RECONNECTED : PointEvent.Kind.CONNECTED, address.streamId(),
                "from " + sourceHost + ("Pull".equals(sourceType) ? " (HTTP Pull)" : ""));
        onConnected.run();
    }

    private Presentation presentation() {
        Presentation p = presentation.get();
        if (p == null) {
            throw new IngestRefusal(404, "the publishing point has no running event");
        }
        return p;
    }

    /** When the headers arrived if no fragment has followed them yet (the stream is not connected), else -1. */
    public long waitingForFirstFragmentSince() {
        return stream == null && headerMillis != 0 ? headerMillis : -1;
    }

    public long lastDataMillis() {
        return lastDataMillis;
    }

    public StreamAddress address() {
        return address;
    }

    /** Where a session tells what happens to its stream: the publishing point's event log. */
    @FunctionalInterface
    public interface Events {
        Events NONE = (kind, stream, text) -> { };

        void happened(PointEvent.Kind kind, String stream, String text);
    }

    /** A stream refused mid-way: the status to answer and why. */
    public static final class IngestRefusal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;

        public IngestRefusal(int status, String reason) {
            super(reason);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
