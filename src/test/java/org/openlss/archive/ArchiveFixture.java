package org.openlss.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.openlss.live.FragmentRef;
import org.openlss.live.IncomingStream;
import org.openlss.live.LiveTrack;
import org.openlss.live.Presentation;
import org.openlss.live.PresentationListener;
import org.openlss.live.PresentationSettings;
import org.openlss.mp4.FragmentedFileIndex;
import org.openlss.mp4.IngestFragment;

/**
 * A live event as ingest drives it (a real {@link Presentation} fed with captured ffmpeg pushes), archived by an
 * {@link EventRecorder} the way the server's listener does it, minus the executor: every call in order, at once.
 */
final class ArchiveFixture implements PresentationListener {
    static final Instant START = Instant.parse("2024-03-15T12:00:00Z");

    final Presentation presentation;
    final EventRecorder recorder;
    final List<IngestFragment> accepted = new ArrayList<>();

    ArchiveFixture(Path dir, Duration segmentLength, boolean useEventId) {
        presentation = Presentation.open(dir.resolve("live-event"), new PresentationSettings(2, Duration.ZERO, 4));
        recorder = new EventRecorder(dir.resolve("archive").resolve("live").resolve("channel1"), "channel1",
                segmentLength, useEventId, presentation.directory().resolve("archive.properties"),
                Clock.fixed(START, ZoneOffset.UTC), new FolderClaims());
        presentation.addListener(this);
        presentation.resume();
    }

    @Override
    public void fragmentAccepted(IncomingStream stream, LiveTrack track, FragmentRef ref, IngestFragment fragment) {
        accepted.add(fragment);
        run(() -> recorder.fragment(stream, track, fragment));
    }

    @Override
    public void streamEnded(IncomingStream stream) {
        run(() -> recorder.streamEnded(stream));
    }

    @Override
    public void presentationEnded() {
        run(recorder::close);
    }

    interface IoAction {
        void run() throws IOException;
    }

    static void run(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static FragmentedFileIndex scan(Path path) {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            return FragmentedFileIndex.scan(channel);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
