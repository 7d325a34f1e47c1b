package org.openlss.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openlss.mp4.IngestFragment;
import org.openlss.mp4.LiveServerManifest;
import org.openlss.mp4.MovieHeader;
import org.openlss.mp4.TrackDescription;
import org.openlss.mp4.TrackDescriptions;
import org.openlss.mp4.TrackType;
import org.openlss.mp4.text.Cue;
import org.openlss.mp4.text.Ttml;

class CaptionTrackTest {
    private static final long S = LiveTimeline.TICKS_PER_SECOND;

    @Test
    void fragmentsRunBackToBackCutWhereCaptionsStartOrEnd() {
        List<Cue> cues = List.of(new Cue(1 * S, 3 * S, "one"), new Cue(2 * S, 4 * S, "two"), new Cue(9 * S, 12 * S, "late"));
        List<CaptionTrack.Fragment> fragments = CaptionTrack.cut(cues, 100 * S, 110 * S);

        assertEquals(List.of(100 * S, 101 * S, 102 * S, 103 * S, 104 * S, 109 * S),
                fragments.stream().map(CaptionTrack.Fragment::start).toList());
        assertEquals(110 * S, fragments.get(fragments.size() - 1).end(), "the last fragment ends with the presentation");
        assertEquals(List.of(), fragments.get(0).cues(), "nothing shown before the first caption: an empty document");
        assertEquals(List.of(new Cue(101 * S, 103 * S, "one"), new Cue(102 * S, 104 * S, "two")),
                fragments.get(2).cues(), "captions at presentation times, whole (a fragment's document starts them at 0)");
        assertEquals(List.of(new Cue(109 * S, 110 * S, "late")), fragments.get(5).cues(), "cut off at the end");
    }

    @Test
    void eachFragmentIsOneTtmlSampleTimedFromItsStartBehindAStppTrack(@TempDir Path dir) throws Exception {
        Path vtt = write(dir, "c.vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:02.500\nHello\n");
        SourceStream first = new SourceStream(dir.resolve("v.ismv"), List.of(video()), new byte[0],
                List.of(new SourceStream.Fragment(1, S, 0, 4 * S, 0, 0)));
        EncoderOptions options = EncoderOptions.parse("/captions:" + vtt, "/captionsLanguage:en",
                "/captionsManifestOutput", "http://h/p.isml", "p.ism");

        SourceStream captions = CaptionTrack.stream(options, List.of(first));

        TrackDescription track = captions.tracks().get(0);
        assertEquals("video", track.parentTrackName());
        assertTrue(captions.sparseOnly());
        byte[] moov = captions.moov();
        MovieHeader header = MovieHeader.parse(moov);
        assertEquals("stpp", header.track(1).sampleEntryType());
        assertEquals("subt", header.track(1).handler());
        TrackDescription described = TrackDescriptions.describe(LiveServerManifest.parse(
                LiveServerManifest.write(captions.tracks(), "t")), header).get(0);
        assertEquals(track, described, "the live server manifest says all of it: TTML, CAPT, parent, manifestOutput, en");

        assertEquals(3, captions.fragments().size());
        SourceStream.Fragment second = captions.fragments().get(1);
        try (SourceStream.Reader reader = captions.reader()) {
            byte[][] boxes = reader.read(second);
            IngestFragment parsed = IngestFragment.parse(boxes[0], boxes[1], header.track(1).defaults());
            assertEquals(1, parsed.sampleCount());
            assertEquals(15 * S / 10, parsed.duration());
            byte[] sample = Arrays.copyOfRange(boxes[1], 8, boxes[1].length);
            assertEquals(List.of(new Cue(S, 25 * S / 10, "Hello")), Ttml.read(sample, S, parsed.duration()));
            assertArrayEquals(Ttml.write(List.of(new Cue(S, 25 * S / 10, "Hello")), S, "en"), sample);
        }
    }

    @Test
    void aBadSidecarNamesTheFileAndLine(@TempDir Path dir) throws IOException {
        Path vtt = write(dir, "bad.vtt", "WEBVTT\n\n00:00:01.000 --> soon\nHello\n");
        PushFailure failure = assertThrows(PushFailure.class, () -> CaptionTrack.read(vtt));
        assertTrue(failure.getMessage().startsWith(vtt + ": line 3"), failure.getMessage());
    }

    private static TrackDescription video() {
        return new TrackDescription(1, TrackType.VIDEO, "video", 1000, S, "H264", null, 4, 0, 0, 0, 0,
                0, 0, 0, 0, 0, null, null, false, null, Map.of());
    }

    private static Path write(Path dir, String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
