package org.openlss.smooth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openlss.live.IncomingStream;
import org.openlss.live.Presentation;
import org.openlss.live.PresentationSettings;
import org.openlss.live.StreamIndex;
import org.openlss.mp4.Box;
import org.openlss.mp4.IngestBody;
import org.openlss.mp4.IngestFragment;
import org.openlss.mp4.IngestHeader;
import org.openlss.mp4.LiveServerManifest;
import org.openlss.mp4.ManifestBoxes;
import org.openlss.mp4.MovieHeader;
import org.openlss.mp4.TextTrackBoxes;
import org.openlss.mp4.TrackDescription;
import org.openlss.mp4.TrackType;
import org.openlss.mp4.text.Cue;
import org.openlss.mp4.text.Ttml;
import org.openlss.testing.Captures;

/** The ChildTrack pointer of a parent stream's fragments, from a real ffmpeg push and caption fragments as sent. */
class SparseStreamPointerTest {
    @TempDir
    Path dir;

    @Test
    void namesTheNewestCaptionFragmentStartingBeforeTheParentFragmentEnds() {
        Presentation p = Presentation.open(dir, new PresentationSettings(2, Duration.ZERO, 4));
        p.resume();
        IngestBody media = media();
        IncomingStream stream = p.connect("stream1", "", media.header(), "h", "Push");
        media.fragments().forEach(stream::append);
        StreamIndex video = p.streamIndexes().stream().filter(s -> s.type() == TrackType.VIDEO).findFirst().orElseThrow();
        long[] times = video.listed().times();
        long[] durations = video.listed().durations();
        assertNull(SparseStreamPointer.of(p, video, times[0] + durations[0]), "no sparse child: no pointer");

        // captions from the first video fragment's start to its middle, then to the second's end
        long a = times[0];
        long b = times[0] + durations[0] / 2;
        long end0 = times[0] + durations[0];
        long end1 = times[1] + durations[1];
        IncomingStream captions = p.connect("captions", "", captionHeader(video.name()), "h", "Push");
        captions.append(caption(1, a, b - a));

        SparseStreamPointer first = SparseStreamPointer.of(p, video, end0);
        assertEquals("textstream_en=" + a, first.value());
        assertFalse(first.settled(), "a caption fragment starting inside it may still come");
        assertEquals("video/mp4;ChildTrack=\"textstream_en=" + a + "\"", first.contentType("video/mp4"));
        assertTrue(SparseStreamPointer.of(p, video, b).settled(), "the captions listed run to its end: nothing newer");

        captions.append(caption(2, b, end1 - b));
        assertEquals("textstream_en=" + b, SparseStreamPointer.of(p, video, end0).value(), "the caption that came");
        assertEquals("textstream_en=" + a, SparseStreamPointer.of(p, video, b).value(), "an earlier end keeps its own");
        assertTrue(SparseStreamPointer.of(p, video, end1).settled(), "the captions reach its end");
        StreamIndex text = p.streamIndex("textstream_en");
        assertNull(SparseStreamPointer.preceding(text, a), "a sparse stream's first fragment has no pointer");
        assertEquals("textstream_en=" + a, SparseStreamPointer.preceding(text, b).value(), "its others the one before");
        assertFalse(SparseStreamPointer.of(p, video, end1 + 1).settled());
        p.stop();
        assertTrue(SparseStreamPointer.of(p, video, end1 + 1).settled(), "the event is over");
    }

    private static IngestHeader captionHeader(String parent) {
        TrackDescription track = new TrackDescription(1, TrackType.TEXT, "textstream_en", 1000, 10_000_000, "TTML",
                null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, "CAPT", parent, false, "en", Map.of());
        byte[] smil = LiveServerManifest.write(List.of(track), "test");
        return new IngestHeader(Box.of(media().header().ftyp()), null, Box.of(ManifestBoxes.liveServerManifestBox(smil)),
                Box.of(TextTrackBoxes.moov(track)));
    }

    private static IngestBody media() {
        return Captures.of("ffmpeg-stream1.body");
    }

    private static IngestFragment caption(long sequence, long time, long duration) {
        byte[] sample = Ttml.write(List.of(new Cue(time, time + duration, "caption " + sequence)), time, "en");
        byte[][] boxes = TextTrackBoxes.fragment(sequence, 1, time, duration, sample);
        MovieHeader moov = MovieHeader.parse(TextTrackBoxes.moov(new TrackDescription(1, TrackType.TEXT, "t", 1000,
                10_000_000, "TTML", null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, "CAPT", "v", false, "en", Map.of())));
        return IngestFragment.parse(boxes[0], boxes[1], moov.track(1).defaults());
    }
}
