package org.openlss.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openlss.mp4.IngestBody;
import org.openlss.mp4.IngestFragment;
import org.openlss.mp4.MovieFragmentRandomAccess;
import org.openlss.mp4.OnDemandServerManifest;
import org.openlss.mp4.TrackDescription;
import org.openlss.mp4.TrackType;
import org.openlss.testing.Captures;

class SourceFilesTest {
    @TempDir
    Path dir;

    /** ffmpeg's capture written as our archive writes a stream: ftyp, moov, the fragments, mfra; and a .ism naming it. */
    private IngestBody archive(String... files) throws IOException {
        IngestBody capture = Captures.of("ffmpeg-stream1.body");
        List<OnDemandServerManifest.Track> tracks = new ArrayList<>();
        for (String file : files) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(capture.header().ftyp());
            out.writeBytes(capture.header().moov());
            List<MovieFragmentRandomAccess.TrackIndex> index = new ArrayList<>();
            for (TrackDescription track : capture.header().tracks()) {
                index.add(new MovieFragmentRandomAccess.TrackIndex(track.trackId(), List.of())); // times come from tfxd
                tracks.add(new OnDemandServerManifest.Track(file, track));
            }
            for (IngestFragment f : capture.fragments()) {
                out.writeBytes(f.moof());
                out.writeBytes(f.mdat());
            }
            out.writeBytes(MovieFragmentRandomAccess.write(index));
            Files.write(dir.resolve(file), out.toByteArray());
        }
        Files.write(dir.resolve("event.ism"), OnDemandServerManifest.write("event.ismc", tracks));
        return capture;
    }

    @Test
    void aServerManifestGivesOneStreamPerMediaFileWithItsTracksAndFragments() throws Exception {
        IngestBody capture = archive("video0.ismv", "video1.ismv");
        List<SourceStream> streams = SourceFiles.open(List.of(dir.resolve("event.ism")));
        assertEquals(2, streams.size());
        SourceStream stream = streams.get(0);
        assertEquals(dir.resolve("video0.ismv"), stream.file());
        assertEquals(capture.header().tracks(), stream.tracks(), "the tracks as the .ism describes them");
        assertArrayEquals(capture.header().moov(), stream.moov());
        assertEquals(capture.fragments().size(), stream.fragments().size());
        assertEquals(capture.fragments().stream().map(f -> f.trackId() + "@" + f.time()).sorted().toList(),
                stream.fragments().stream().map(f -> f.trackId() + "@" + f.time()).sorted().toList());
        assertPushOrder(stream);
        try (SourceStream.Reader reader = stream.reader()) {
            SourceStream.Fragment first = stream.fragments().get(0);
            IngestFragment stored = capture.fragments().stream()
                    .filter(f -> f.trackId() == first.trackId() && f.time() == first.time()).findFirst().orElseThrow();
            byte[][] read = reader.read(first);
            assertArrayEquals(stored.moof(), read[0]);
            assertArrayEquals(stored.mdat(), read[1]);
        }
    }

    @Test
    void aMediaFileWithItsServerManifestIsOneStream() throws Exception {
        archive("video0.ismv", "video1.ismv");
        List<SourceStream> streams = SourceFiles.open(List.of(dir.resolve("video1.ismv"), dir.resolve("event.ism")));
        assertEquals(1, streams.size());
        assertEquals(dir.resolve("video1.ismv"), streams.get(0).file());
    }

    @Test
    void aLoneFfmpegFileIsDescribedFromItsMoovWithMeasuredBitrates() throws Exception {
        Path file = dir.resolve("ondemand.ismv");
        try (InputStream in = getClass().getResourceAsStream("/org/openlss/mp4/ffmpeg-ondemand.ismv")) {
            Files.copy(in, file);
        }
        List<SourceStream> streams = SourceFiles.open(List.of(file));
        assertEquals(1, streams.size());
        SourceStream stream = streams.get(0);
        assertEquals(List.of(TrackType.VIDEO, TrackType.VIDEO, TrackType.AUDIO),
                stream.tracks().stream().map(TrackDescription::type).toList());
        for (TrackDescription track : stream.tracks()) {
            assertTrue(track.bitrate() >= 1000 && track.bitrate() % 1000 == 0, track.toString());
            assertTrue(track.codecPrivateData().length > 0, track.toString());
        }
        assertTrue(stream.tracks().get(0).bitrate() > stream.tracks().get(1).bitrate(), "160x90 above 128x72");
        assertTrue(stream.fragments().size() >= 6, stream.fragments().toString());
        assertPushOrder(stream);
    }

    @Test
    void missingOrForeignFilesAreOneLineErrors() throws Exception {
        PushFailure missing = assertThrows(PushFailure.class, () -> SourceFiles.open(List.of(dir.resolve("none.ismv"))));
        assertEquals("cannot read " + dir.resolve("none.ismv") + ": no such file", missing.getMessage());
        Files.writeString(dir.resolve("text.ismv"), "not a movie at all");
        PushFailure foreign = assertThrows(PushFailure.class, () -> SourceFiles.open(List.of(dir.resolve("text.ismv"))));
        assertTrue(foreign.getMessage().contains("is not a fragmented MP4 file"), foreign.getMessage());
        archive("video0.ismv");
        PushFailure other = assertThrows(PushFailure.class,
                () -> SourceFiles.open(List.of(dir.resolve("other.ismv"), dir.resolve("event.ism"))));
        assertTrue(other.getMessage().contains("names no file other.ismv"), other.getMessage());
    }

    private static void assertPushOrder(SourceStream stream) {
        assertEquals(stream.fragments().stream().sorted(Comparator.comparingLong(SourceStream.Fragment::endTicks)).toList(),
                stream.fragments(), "due order: by end time");
    }
}
