package org.openlss.syndication;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openlss.live.IncomingStream;
import org.openlss.live.Presentation;
import org.openlss.live.PresentationSettings;
import org.openlss.mp4.IngestBody;
import org.openlss.mp4.IngestFragment;
import org.openlss.testing.Captures;

/** A live event fed with what ffmpeg sent (two video levels and AAC, 1 s fragments): what the feeds read from. */
final class LiveEvent {
    static final IngestBody STREAM1 = Captures.of("ffmpeg-stream1.body");

    final Presentation presentation;
    final IncomingStream stream;

    LiveEvent(Path dir) {
        presentation = Presentation.open(dir.resolve("event"), new PresentationSettings(0, Duration.ZERO, 4));
        presentation.resume();
        stream = presentation.connect("stream1", "", STREAM1.header(), "127.0.0.1", "Push");
    }

    /** Appends the capture's fragments {@code from} (inclusive) to {@code to} (exclusive), as the encoder would. */
    void append(int from, int to) {
        STREAM1.fragments().subList(from, to).forEach(stream::append);
    }

    static int fragmentCount() {
        return STREAM1.fragments().size();
    }

    /** The times of the capture's fragments {@code from} to {@code to}, in the order the encoder sent them. */
    static List<Long> times(int from, int to) {
        return STREAM1.fragments().subList(from, to).stream().map(IngestFragment::time).toList();
    }
}
