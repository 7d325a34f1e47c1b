package org.openlss.archive;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.openlss.live.IncomingStream;
import org.openlss.live.LiveTrack;
import org.openlss.live.TrackKey;
import org.openlss.mp4.IngestFragment;

/**
 * The archive of one live event (archive-and-syndication.md §1): its folder, named when the first fragment arrives,
 * the presentation each fragment goes to, and when a segment is complete. It is told, in order, what the event's
 * presentation reports, by one task at a time. Its folder and media-time origin are kept in the live event's own
 * folder, so an event that goes on after a server restart is archived on in the same place, cut at the same times.
 */
final class EventRecorder {
    private final Path parent;
    private final String presentation;
    private final boolean useEventId;
    private final Path stateFile;
    private final Clock clock;
    private final FolderClaims claims;
    private final Segments segments;
    private final TreeMap<Integer, Open> open = new TreeMap<>();
    private volatile Path eventFolder;
    private volatile Path latest;
    /** The event ended: fragments still in the queue then are not archived (a stop is where the archive ends). */
    private boolean closed;
    private long savedOrigin;
    private Consumer<Path> onPresentationStarted = folder -> { };

    private record Open(PresentationWriter writer, Set<TrackKey> keys) {
    }

    /**
     * @param parent       where event folders go: the point's archive folder
     * @param presentation the presentation name ({@code channel1} for {@code channel1.isml})
     * @param stateFile    where the folder and origin are kept, in the live event's folder
     */
    EventRecorder(Path parent, String presentation, Duration segmentLength, boolean useEventId, Path stateFile,
                  Clock clock, FolderClaims claims) {
        this.parent = parent;
        this.presentation = presentation;
        this.useEventId = useEventId;
        this.stateFile = stateFile;
        this.clock = clock;
        this.claims = claims;
        Properties state = loadState(stateFile);
        this.eventFolder = state.containsKey("folder") ? Path.of(state.getProperty("folder")) : null;
        this.savedOrigin = Long.parseLong(state.getProperty("origin", "-1"));
        this.segments = new Segments(segmentLength, savedOrigin);
        this.latest = eventFolder == null || !segments.segmented() ? eventFolder : newestSegment(eventFolder);
    }

    /** Who hears of each presentation (segment) the archive starts writing, with its folder. */
    void onPresentationStarted(Consumer<Path> listener) {
        onPresentationStarted = listener;
    }

    /** The event's folder, null before its first fragment. */
    Path eventFolder() {
        return eventFolder;
    }

    /** Where event folders go. */
    Path parent() {
        return parent;
    }

    /** The folder of the newest presentation (the event folder, or its newest segment), null before any. */
    Path latestPresentation() {
        return latest;
    }

    String presentationName() {
        return presentation;
    }

    /** Archives a fragment the presentation accepted from {@code stream}. */
    void fragment(IncomingStream stream, LiveTrack track, IngestFragment fragment) throws IOException {
        if (closed) {
            return; // taken while the event ended: its presentations are complete, none reopens
        }
        TrackKey key = track.key();
        int segment = segments.segmentOf(key, fragment.time(), track.description().timescale(),
                fragment.startsWithSyncSample());
        if (eventFolder == null) {
            start(stream.eventId());
        } else if (segments.origin() != savedOrigin) {
            saveState();
        }
        Open target = open(segment);
        target.keys().add(key);
        target.writer().append(ArchiveNames.streamFile(stream.id(), stream.header()), stream.header(), key,
                track.description(), fragment);
        closeFinished();
    }

    /** An input stream ended: the segments only its tracks held open are complete. */
    void streamEnded(IncomingStream stream) throws IOException {
        stream.levels().forEach(track -> segments.ended(track.key()));
        closeFinished();
    }

    /** The event is over: every open presentation is completed. */
    void close() throws IOException {
        closed = true;
        IOException failure = null;
        while (!open.isEmpty()) {
            try {
                finish(open.firstKey());
            } catch (IOException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Forces what was written to disk: called after each batch of fragments. */
    void sync() throws IOException {
        for (Open o : open.values()) {
            o.writer().sync();
        }
    }

    /** The server stops while the event goes on: files stay open-ended, to be continued (or repaired) at the next start. */
    void suspend() throws IOException {
        IOException failure = null;
        for (Map.Entry<Integer, Open> o : open.entrySet()) {
            try {
                o.getValue().writer().suspend();
            } catch (IOException e) {
                failure = failure == null ? e : failure;
            } finally {
                claims.release(o.getValue().writer().directory());
            }
        }
        open.clear();
        if (failure != null) {
            throw failure;
        }
    }

    private void start(String eventId) throws IOException {
        String name = useEventId && !eventId.isEmpty() ? ArchiveNames.eventFolder(eventId)
                : ArchiveNames.eventFolder(clock.instant());
        Path folder = parent.resolve(name);
        for (int n = 2; Files.exists(folder); n++) {
            folder = parent.resolve(name + "-" + n); // never mix two events in one folder
        }
        DurableFiles.createFolders(folder);
        eventFolder = folder;
        latest = folder;
        saveState();
    }

    private Open open(int segment) throws IOException {
        Open target = open.get(segment);
        if (target != null) {
            return target;
        }
        Path dir = segments.segmented() ? eventFolder.resolve(ArchiveNames.segmentFolder(segment)) : eventFolder;
        claims.claim(dir);
        try {
            target = new Open(PresentationWriter.open(dir, presentation), new HashSet<>());
        } catch (IOException | RuntimeException e) {
            claims.release(dir);
            throw e;
        }
        open.put(segment, target);
        if (segment >= open.lastKey()) {
            latest = dir;
        }
        onPresentationStarted.accept(dir);
        return target;
    }

    private void closeFinished() throws IOException {
        for (Integer segment : open.keySet().toArray(new Integer[0])) {
            if (segments.finished(segment, open.get(segment).keys())) {
                finish(segment);
            }
        }
    }

    private void finish(int segment) throws IOException {
        Open done = open.remove(segment);
        try {
            done.writer().close();
        } catch (IOException | RuntimeException e) {
            done.writer().abandon();
            throw e;
        } finally {
            claims.release(done.writer().directory());
        }
    }

    private void saveState() throws IOException {
        Properties state = new Properties();
        state.setProperty("folder", eventFolder.toString());
        state.setProperty("origin", String.valueOf(segments.origin()));
        StringWriter text = new StringWriter();
        state.store(text, "archive of this event");
        DurableFiles.replace(stateFile, text.toString().getBytes(StandardCharsets.UTF_8));
        savedOrigin = segments.origin();
    }

    private static Path newestSegment(Path eventFolder) {
        try (Stream<Path> folders = Files.list(eventFolder)) {
            return folders.filter(f -> f.getFileName().toString().startsWith("Segment")).max(Path::compareTo)
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static Properties loadState(Path file) {
        Properties state = new Properties();
        if (Files.exists(file)) {
            try (Reader in = new StringReader(Files.readString(file, StandardCharsets.UTF_8))) {
                state.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the archive state " + file, e);
            }
        }
        return state;
    }
}
