package org.openlss.live;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openlss.mp4.IngestFragment;
import org.openlss.mp4.IngestHeader;
import org.openlss.mp4.TrackDescription;

/**
 * One input stream ({@code [Events(e)/]Streams(id)}) of the presentation: its header boxes, the quality levels its
 * tracks feed (tracks are keyed by stream and track id: ffmpeg sends track id 1 on every POST when it pushes one POST
 * per track), and its state. It may be carried by several connections over time (reconnects) or at once (redundant
 * encoders); a dropped connection is not an end of stream. While several connections feed it, an end of stream on
 * one ends only that connection: the stream ends when every connection still open has sent one, so a second connection
 * cannot end the event under the encoder that feeds it.
 */
public final class IncomingStream {
    /** Stream state as statistics show it. */
    public enum State { Started, Stopped }

    private final Presentation presentation;
    private final String id;
    private final String eventId;
    private final IngestHeader header;
    private final Map<Integer, LiveTrack> tracks = new ConcurrentHashMap<>();
    /** Open connections carrying this stream, and how many of them sent end of stream; guarded by {@code this}. */
    private int connections;
    private int connectionsEnded;
    private volatile State state = State.Started;
    private volatile String sourceHost;
    private volatile String sourceType;

    IncomingStream(Presentation presentation, String id, String eventId, IngestHeader header) {
        this.presentation = presentation;
        this.id = id;
        this.eventId = eventId;
        this.header = header;
    }

    public String id() {
        return id;
    }

    /** The EventID of {@code Events(<id>)}, or empty. */
    public String eventId() {
        return eventId;
    }

    public IngestHeader header() {
        return header;
    }

    public State state() {
        return state;
    }

    /** Where the data comes from: the encoder's or upstream server's address. */
    public String sourceHost() {
        return sourceHost;
    }

    /** {@code Push} (posted to us) or {@code Pull} (we request it). */
    public String sourceType() {
        return sourceType;
    }

    public synchronized int connections() {
        return connections;
    }

    /** The quality levels this stream feeds, by track id. */
    public Map<Integer, LiveTrack> tracks() {
        return tracks;
    }

    public Collection<LiveTrack> levels() {
        return tracks.values();
    }

    /** Takes one fragment: stores it in its quality level unless it is a duplicate. */
    public LiveTrack.Append append(IngestFragment fragment) {
        LiveTrack track = tracks.get(fragment.trackId());
        if (track == null) {
            TrackDescription description = header.track(fragment.trackId());
            if (description == null) {
                throw new StreamRefusedException(412, "fragment for track " + fragment.trackId()
                        + " which the headers of stream " + id + " do not declare");
            }
            track = presentation.registerLazily(this, description, fragment);
        }
        return presentation.append(this, track, fragment);
    }

    /** One connection's encoder sent end of stream (empty mfra): the stream ends if no other connection feeds it. */
    public void endOfStream() {
        boolean last;
        synchronized (this) {
            connectionsEnded++;
            last = connectionsEnded >= connections;
        }
        if (last) {
            presentation.ended(this);
        }
    }

    /**
     * A connection carrying this stream closed, after its end of stream or without one (then the stream waits for the
     * encoder to reconnect, unless every other connection still open has ended it).
     */
    public void disconnected(boolean sentEndOfStream) {
        boolean last;
        synchronized (this) {
            connections = Math.max(0, connections - 1);
            if (sentEndOfStream) {
                connectionsEnded = Math.max(0, connectionsEnded - 1);
            }
            last = !sentEndOfStream && connections > 0 && connectionsEnded >= connections;
        }
        if (last) {
            presentation.ended(this);
        }
    }

    void connected(String host, String type) {
        synchronized (this) {
            connections++;
        }
        sourceHost = host;
        sourceType = type;
    }

    void state(State newState) {
        state = newState;
    }

    void attach(int trackId, LiveTrack track) {
        tracks.put(trackId, track);
    }

    @Override
    public String toString() {
        return "Streams(" + id + ")";
    }
}
