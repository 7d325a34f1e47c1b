package org.openlss.live;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openlss.mp4.IngestFragment;
import org.openlss.mp4.IngestHeader;
import org.openlss.mp4.TrackDescription;

/**
 * One live event of a publishing point: the input streams, the client-facing streams and quality levels, and where
 * their fragments are kept. Everything is also written under the event's folder, so a server restart finds the event
 * (and its DVR content) again. Plain Java: the container edge feeds it fragments and reads timelines from it.
 */
public final class Presentation {
    private static final Logger LOG = Logger.getLogger(Presentation.class.getName());

    private final Path dir;
    private final PresentationSettings settings;
    private final EventRecord record;
    private final Map<String, IncomingStream> streams = new ConcurrentHashMap<>();
    private final Map<TrackKey, LiveTrack> tracks = new ConcurrentHashMap<>();
    private final Map<String, StreamIndex> streamIndexes = new ConcurrentHashMap<>();
    private final List<StreamIndex> streamOrder = new CopyOnWriteArrayList<>();
    private final List<PresentationListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong version = new AtomicLong();
    private final OutputStates outputStates = new OutputStates();
    private volatile boolean ended;

    private Presentation(Path dir, PresentationSettings settings) throws IOException {
        this.dir = dir;
        this.settings = settings;
        this.record = new EventRecord(dir);
    }

    /** Opens the event stored in {@code dir}, or a new empty one. Held-back fragments are released by {@link #resume}. */
    public static Presentation open(Path dir, PresentationSettings settings) {
        try {
            Presentation presentation = new Presentation(dir, settings);
            presentation.recover();
            return presentation;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the live presentation in " + dir, e);
        }
    }

    public PresentationSettings settings() {
        return settings;
    }

    /** The event's folder; outputs keep their own data of the event under it (e.g. {@code hls/}). */
    public Path directory() {
        return dir;
    }

    public void addListener(PresentationListener listener) {
        listeners.add(listener);
    }

    public void removeListener(PresentationListener listener) {
        listeners.remove(listener);
    }

    /** After listeners are attached: releases what a recovered event may show. */
    public synchronized void resume() {
        if (!ended) {
            streams.values().stream().filter(s -> s.state() == IncomingStream.State.Started)
                    .forEach(s -> s.levels().forEach(LiveTrack::feederStarted));
        }
        tracks.values().forEach(t -> t.resume(listeners));
        parentsAdvanced();
    }

    /**
     * Whether the event would take {@code [Events(eventId)/]Streams(streamId)} with these headers, checked when they
     * arrive; the stream itself is created only by {@link #connect} at its first fragment, so a connection that sends
     * headers and nothing else leaves no stream behind.
     *
     * @throws StreamRefusedException as {@link #connect} would
     */
    public synchronized void admit(String streamId, String eventId, IngestHeader header) {
        check(streamId, eventId == null ? "" : eventId, header);
    }

    /**
     * An encoder (or upstream) connected {@code [Events(eventId)/]Streams(streamId)}: its headers arrived, and its first
     * fragment with them.
     *
     * @throws StreamRefusedException 403 when the event has ended or has as many streams as it takes; 400 for headers
     *                                that conflict with what the event already has
     */
    public synchronized IncomingStream connect(String streamId, String eventId, IngestHeader header, String host,
                                               String sourceType) {
        String event = eventId == null ? "" : eventId;
        check(streamId, event, header);
        IncomingStream stream = streams.get(streamId);
        List<TrackDescription> registered = header.tracks().stream().filter(t -> t.bitrate() > 0).toList();
        boolean first = stream == null;
        if (first) {
            stream = new IncomingStream(this, streamId, event, header);
            persist(stream, false);
            streams.put(streamId, stream);
            for (TrackDescription description : registered) {
                stream.attach(description.trackId(), register(stream, description, description.bitrate()));
            }
        }
        stream.connected(host, sourceType);
        if (first || stream.state() == IncomingStream.State.Stopped) {
            stream.state(IncomingStream.State.Started);
            persist(stream, false);
            stream.levels().forEach(LiveTrack::feederStarted);
        }
        for (PresentationListener l : listeners) {
            l.streamOpened(stream);
        }
        return stream;
    }

    private void check(String streamId, String event, IngestHeader header) {
        if (ended) {
            throw new StreamRefusedException(403, "the event has ended; the publishing point is stopped");
        }
        for (IncomingStream other : streams.values()) {
            if (other.state() == IncomingStream.State.Started && !other.id().equals(streamId)
                    && !other.eventId().equals(event)) {
                throw new StreamRefusedException(400, "event '" + event + "' differs from event '" + other.eventId()
                        + "' of the live stream " + other.id() + "; one event at a time");
            }
        }
        IncomingStream stream = streams.get(streamId);
        if (stream == null && streams.size() >= settings.maxStreams()) {
            throw new StreamRefusedException(403, "the publishing point already has " + streams.size()
                    + " streams, as many as it takes (its limit of streams per event)");
        }
        if (stream != null && !sameTracks(stream.header(), header)) {
            throw new StreamRefusedException(400, "the headers of stream " + streamId
                    + " differ from those it sent first; a reconnecting encoder must resend identical headers");
        }
        for (TrackDescription description : header.tracks()) {
            if (description.bitrate() > 0) {
                checkCompatible(description, description.bitrate());
            }
        }
    }

    /** A track whose encoder gave no bitrate: registered at its first fragment with a measured one. */
    synchronized LiveTrack registerLazily(IncomingStream stream, TrackDescription description, IngestFragment first) {
        LiveTrack known = stream.tracks().get(description.trackId());
        if (known != null) {
            return known;
        }
        long bitrate = TrackDescription.measuredBitrate(first.moof().length + first.mdat().length, first.duration(),
                description.timescale());
        checkCompatible(description, bitrate);
        LiveTrack track = register(stream, description, bitrate);
        stream.attach(description.trackId(), track);
        if (stream.state() == IncomingStream.State.Started) {
            track.feederStarted();
        }
        LOG.info("Stream " + stream.id() + " track " + description.trackId()
                + " declares no bitrate; measured " + bitrate + " bps from its first fragment");
        return track;
    }

    LiveTrack.Append append(IncomingStream stream, LiveTrack track, IngestFragment fragment) {
        if (ended) {
            // an encoder still connected when the point was stopped: the event (and its archive) is complete, and
            // once the point is shut down its files are gone
            throw new StreamRefusedException(403, "the event has ended (the publishing point was stopped); no more"
                    + " fragments are taken");
        }
        LiveTrack.Append result;
        try {
            result = track.append(stream, fragment, listeners);
        } catch (UncheckedIOException e) {
            // told outside the track's lock: a listener may stop the whole presentation
            listeners.forEach(l -> l.storageFailed(e.getMessage()));
            throw new StreamRefusedException(500, e.getMessage());
        }
        if (result == LiveTrack.Append.ACCEPTED && !track.description().sparse()) {
            parentsAdvanced();
        }
        if (result == LiveTrack.Append.BACKWARDS) {
            LOG.warning("Dropped a fragment of " + track + " from stream " + stream.id() + " at " + fragment.time()
                    + ": older than the newest fragment of the track (time going backwards)");
        }
        return result;
    }

    /** {@code stream} sent end of stream; when every stream has, the event is over. */
    synchronized void ended(IncomingStream stream) {
        if (stream.state() == IncomingStream.State.Stopped) {
            return;
        }
        stream.state(IncomingStream.State.Stopped);
        persist(stream, true);
        stream.levels().forEach(t -> t.feederEnded(listeners));
        parentsAdvanced();
        listeners.forEach(l -> l.streamEnded(stream));
        if (streams.values().stream().allMatch(s -> s.state() == IncomingStream.State.Stopped)) {
            listeners.forEach(PresentationListener::allStreamsEnded);
        }
        changed();
    }

    /**
     * Parent streams may list more: shows the sparse fragments waiting for them. Called without any track's lock held
     * (a sparse track reads its parent's timeline under its own lock).
     */
    private void parentsAdvanced() {
        for (StreamIndex index : streamOrder) {
            if (index.parentName() != null) {
                index.levels().forEach(level -> level.parentAdvanced(listeners));
            }
        }
    }

    /** The event is over (every stream ended, or an administrator stopped the live source). */
    public synchronized void stop() {
        if (ended) {
            return;
        }
        ended = true;
        for (IncomingStream stream : streams.values()) {
            if (stream.state() == IncomingStream.State.Started) {
                stream.state(IncomingStream.State.Stopped);
                try {
                    persist(stream, true);
                } catch (UncheckedIOException e) {
                    // the storage may be what stops the event: it ends all the same, for every output
                    LOG.warning("Stopping " + dir + ": " + e.getMessage());
                }
            }
        }
        tracks.values().forEach(t -> t.end(listeners));
        listeners.forEach(PresentationListener::presentationEnded);
        changed();
    }

    public boolean ended() {
        return ended;
    }

    /** Bumped whenever what clients see changes: the cache key of manifests. */
    public long version() {
        return version.get();
    }

    /** What outputs keep for this event (built manifests, say). */
    public OutputStates outputStates() {
        return outputStates;
    }

    void changed() {
        version.incrementAndGet();
    }

    public Collection<IncomingStream> streams() {
        return streams.values().stream().sorted(Comparator.comparing(IncomingStream::id)).toList();
    }

    public IncomingStream stream(String id) {
        return streams.get(id);
    }

    /** Client-facing streams in registration order. */
    public List<StreamIndex> streamIndexes() {
        return streamOrder;
    }

    /** The stream named {@code name} (as in {@code Fragments(<name>=...)}), or null. */
    public StreamIndex streamIndex(String name) {
        return streamIndexes.get(name);
    }

    /** The quality level of stream {@code name} with this bitrate and custom attributes, or null. */
    public LiveTrack track(String name, long bitrate, Map<String, String> customAttributes) {
        StreamIndex index = streamIndexes.get(name);
        if (index == null) {
            return null;
        }
        return tracks.get(new TrackKey(index.type(), name, bitrate, customAttributes));
    }

    public Collection<LiveTrack> tracks() {
        return tracks.values();
    }

    /** Closes files, keeping them (server shutdown). */
    public void close() {
        tracks.values().forEach(LiveTrack::close);
    }

    /** Removes the event's files (the publishing point was shut down). */
    public void delete() {
        tracks.values().forEach(LiveTrack::delete);
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warning("Could not delete all of " + dir + ": " + e.getMessage());
        }
    }

    private void checkCompatible(TrackDescription description, long bitrate) {
        StreamIndex index = streamIndexes.get(description.trackName());
        if (index != null && index.type() != description.type()) {
            throw new StreamRefusedException(400, "stream name '" + description.trackName() + "' is taken by a "
                    + index.type().manifestType() + " stream; tracks of different types need different trackNames");
        }
        LiveTrack existing = tracks.get(key(description, bitrate));
        if (existing != null && !sameCodec(existing.description(), description)) {
            throw new StreamRefusedException(400, "track " + description.trackName() + " at " + bitrate
                    + " bps is already registered with different codec data; redundant encoders must send identical headers");
        }
    }

    private LiveTrack register(IncomingStream stream, TrackDescription description, long bitrate) {
        TrackKey key = key(description, bitrate);
        LiveTrack existing = tracks.get(key);
        if (existing != null) {
            return existing;
        }
        StreamIndex index = streamIndexes.computeIfAbsent(description.trackName(), name -> {
            StreamIndex created = new StreamIndex(this, description.type(), name, description.timescale(),
                    settings.dvrWindow().toMillis() * description.timescale() / 1000,
                    settings.evictionGrace().toMillis() * description.timescale() / 1000);
            streamOrder.add(created);
            return created;
        });
        Path folder = record.levelFolder(key);
        record.level(folder, stream.id(), description.trackId(), bitrate);
        LiveTrack track = new LiveTrack(key, description,
                stream.header().movieHeader().track(description.trackId()), index,
                FragmentStore.open(folder, settings.liveCache()), settings);
        tracks.put(key, track);
        index.addLevel(track);
        changed();
        return track;
    }

    private static TrackKey key(TrackDescription description, long bitrate) {
        return new TrackKey(description.type(), description.trackName(), bitrate, description.customAttributes());
    }

    private static boolean sameTracks(IngestHeader a, IngestHeader b) {
        return a.sameBytes(b) || a.tracks().equals(b.tracks());
    }

    private static boolean sameCodec(TrackDescription a, TrackDescription b) {
        return Objects.equals(a.fourCC(), b.fourCC()) && Arrays.equals(a.codecPrivateData(), b.codecPrivateData())
                && a.timescale() == b.timescale();
    }

    private void persist(IncomingStream stream, boolean endedNow) {
        record.stream(stream.id(), stream.eventId(), stream.header(), endedNow);
    }

    private void recover() throws IOException {
        for (EventRecord.Stream recorded : record.streams()) {
            IncomingStream stream = new IncomingStream(this, recorded.id(), recorded.eventId(), recorded.header());
            stream.state(recorded.ended() ? IncomingStream.State.Stopped : IncomingStream.State.Started);
            streams.put(recorded.id(), stream);
        }
        for (EventRecord.Level level : record.levels()) {
            IncomingStream stream = streams.get(level.streamId());
            TrackDescription description = stream == null ? null : stream.header().track(level.trackId());
            if (description == null) {
                LOG.warning("Ignoring " + level.folder() + ": its input stream is not recorded");
                continue;
            }
            stream.attach(description.trackId(), register(stream, description, level.bitrate()));
        }
        if (!streams.isEmpty()) {
            LOG.info("Recovered " + streams.size() + " input stream(s) and " + tracks.size()
                    + " quality level(s) from " + dir);
        }
    }
}
