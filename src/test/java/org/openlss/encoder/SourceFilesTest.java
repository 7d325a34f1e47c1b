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
import org.openlss.hls.HlsOptions;
import org.openlss.hls.HlsPresentation;
import org.openlss.live.IncomingStream;
import org.openlss.live.Presentation;
import org.openlss.live.PresentationSettings;
import org.openlss.mp4.CmafCodecs;
import org.openlss.mp4.IngestBody;
import org.openlss.mp4.IngestFragment;
import org.openlss.mp4.MovieFragmentRandomAccess;
import org.openlss.mp4.OnDemandServerManifest;
import org.openlss.mp4.TrackDescription;
import org.openlss.mp4.TrackType;
import org.openlss.smooth.ClientManifest;
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

    /** A VC-1 sequence header (as IIS's .ismc carry it) and WMA Pro's WAVEFORMATEX extra bytes. */
    private static final String VC1_PRIVATE = "250000010FD3FE27F1678A27F859F180C8800000010E5A0040";
    private static final String WMA_PRIVATE = "1000030000000000000000000000E00042C0";

    /**
     * An IIS-era presentation: the .ismv's sample entries are VC-1 ({@code vc-1}) and WMA ({@code owma}), its .ism
     * names only each track's file, trackID and bitrate, and the .ismc alone has the codec data.
     */
    private void iisPresentation() throws IOException {
        IngestBody capture = archive("video0.ismv");
        byte[] file = Files.readAllBytes(dir.resolve("video0.ismv"));
        int moofAt = indexOf(file, "moof");
        replace(file, moofAt, "avc1", "vc-1");
        replace(file, moofAt, "mp4a", "owma");
        Files.write(dir.resolve("video0.ismv"), file);
        StringBuilder ism = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                + "<smil xmlns=\"http://www.w3.org/2001/SMIL20/Language\"><head>"
                + "<meta name=\"clientManifestRelativePath\" content=\"event.ismc\"/></head><body><switch>");
        StringBuilder ismc = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                + "<SmoothStreamingMedia MajorVersion=\"2\" MinorVersion=\"0\" Duration=\"40000000\">");
        for (TrackDescription t : capture.header().tracks()) {
            boolean video = t.type() == TrackType.VIDEO;
            ism.append("<").append(video ? "video" : "audio").append(" src=\"video0.ismv\" systemBitrate=\"")
                    .append(t.bitrate()).append("\"><param name=\"trackID\" value=\"").append(t.trackId())
                    .append("\" valuetype=\"data\"/></").append(video ? "video" : "audio").append(">");
        }
        ismc.append("<StreamIndex Type=\"video\" Name=\"video\" Chunks=\"4\" QualityLevels=\"2\">");
        for (TrackDescription t : capture.header().tracks()) {
            if (t.type() == TrackType.VIDEO) {
                ismc.append("<QualityLevel Index=\"0\" Bitrate=\"").append(t.bitrate())
                        .append("\" FourCC=\"WVC1\" MaxWidth=\"").append(t.maxWidth()).append("\" MaxHeight=\"")
                        .append(t.maxHeight()).append("\" CodecPrivateData=\"" + VC1_PRIVATE + "\"/>");
            }
        }
        ismc.append("</StreamIndex><StreamIndex Type=\"audio\" Name=\"audio\" Chunks=\"4\" QualityLevels=\"1\">");
        for (TrackDescription t : capture.header().tracks()) {
            if (t.type() == TrackType.AUDIO) {
                ismc.append("<QualityLevel Index=\"0\" Bitrate=\"").append(t.bitrate()).append("\" FourCC=\"WMAP\""
                        + " SamplingRate=\"44100\" Channels=\"2\" BitsPerSample=\"16\" PacketSize=\"2973\""
                        + " AudioTag=\"354\" CodecPrivateData=\"" + WMA_PRIVATE + "\"/>");
            }
        }
        Files.writeString(dir.resolve("event.ism"), ism.append("</switch></body></smil>"));
        Files.writeString(dir.resolve("event.ismc"), ismc.append("</StreamIndex></SmoothStreamingMedia>"));
    }

    @Test
    void vc1AndWmaTracksTakeTheirCodecDataFromTheClientManifestAndTheServerListsThemInTheSmoothManifestOnly()
            throws Exception {
        iisPresentation();
        SourceStream stream = SourceFiles.open(List.of(dir.resolve("event.ism"))).get(0);
        TrackDescription video = stream.tracks().get(0);
        TrackDescription audio = stream.tracks().get(2);
        assertEquals("WVC1", video.fourCC());
        assertEquals(VC1_PRIVATE, video.codecPrivateDataHex());
        assertEquals("video", video.trackName(), "the .ismc's stream name");
        assertEquals("WMAP", audio.fourCC());
        assertEquals(WMA_PRIVATE, audio.codecPrivateDataHex());
        assertEquals(List.of(0x162, 44100, 2, 2973), List.of(audio.audioTag(), audio.samplingRate(), audio.channels(),
                audio.packetSize()));

        // what the server makes of the push: the same FourCC and codec data in its Smooth manifest
        IngestBody pushed = IngestBody.parse(StreamPusher.header(stream, null, false));
        assertEquals(stream.tracks(), pushed.header().tracks());
        Presentation presentation = Presentation.open(dir.resolve("event"),
                new PresentationSettings(2, java.time.Duration.ZERO, 4));
        presentation.resume();
        HlsPresentation hls = new HlsPresentation(presentation, new HlsOptions(java.time.Duration.ofSeconds(2),
                1_600_000, false, false, true, null), Runnable::run, () -> 0L);
        hls.start();
        IncomingStream incoming = presentation.connect("stream1", "", pushed.header(), "127.0.0.1", "Push");
        IngestBody capture = Captures.of("ffmpeg-stream1.body");
        capture.fragments().forEach(incoming::append);
        incoming.endOfStream();
        String manifest = new String(ClientManifest.write(presentation.streamIndexes(),
                new ClientManifest.Options(false, 2, 0, false)), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(manifest.contains("FourCC=\"WVC1\"") && manifest.contains(VC1_PRIVATE), manifest);
        assertTrue(manifest.contains("FourCC=\"WMAP\"") && manifest.contains("AudioTag=\"354\"")
                && manifest.contains(WMA_PRIVATE), manifest);
        // HLS and DASH carry H.264 and AAC only: they leave these out, as any other codec
        assertEquals(null, hls.masterPlaylist(), "no HLS variant");
        assertTrue(stream.tracks().stream().noneMatch(CmafCodecs::carried), "no CMAF (DASH, HLS fMP4) stream");
        presentation.stop();
        hls.close();
    }

    @Test
    void aTrackTheClientManifestDoesNotDescribeIsStillRefusedNamingIt() throws Exception {
        iisPresentation();
        Files.writeString(dir.resolve("event.ismc"), "<SmoothStreamingMedia/>");
        PushFailure refused = assertThrows(PushFailure.class, () -> SourceFiles.open(List.of(dir.resolve("event.ism"))));
        assertTrue(refused.getMessage().contains("does not match its media files")
                && refused.getMessage().contains("'vc-1' is not H.264"), refused.getMessage());
    }

    private static int indexOf(byte[] data, String type) {
        byte[] pattern = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (int i = 0; i + pattern.length <= data.length; i++) {
            if (java.util.Arrays.equals(data, i, i + pattern.length, pattern, 0, pattern.length)) {
                return i;
            }
        }
        throw new AssertionError("no " + type);
    }

    /** Replaces each {@code from} before {@code end} with {@code to} (same length: the boxes keep their sizes). */
    private static void replace(byte[] data, int end, String from, String to) {
        byte[] pattern = from.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        boolean found = false;
        for (int i = 0; i + pattern.length <= end; i++) {
            if (java.util.Arrays.equals(data, i, i + pattern.length, pattern, 0, pattern.length)) {
                System.arraycopy(to.getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, data, i, pattern.length);
                found = true;
            }
        }
        assertTrue(found, "no " + from + " in the moov");
    }

    private static void assertPushOrder(SourceStream stream) {
        assertEquals(stream.fragments().stream().sorted(Comparator.comparingLong(SourceStream.Fragment::endTicks)).toList(),
                stream.fragments(), "due order: by end time");
    }
}
