package org.openlss.mp4;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class IngestParserTest {

    @ParameterizedTest
    @ValueSource(strings = {Vectors.STREAM1, Vectors.AUDIO0, Vectors.BFRAMES, Vectors.TINY})
    void fragmentsMatchBoxdumpAndCarryTheIngestedBytes(String capture) {
        byte[] body = Vectors.resource(capture);
        Vectors.Recorder recorder = Vectors.ingest(body, 0, 0);
        List<Vectors.Expected> expected = Vectors.expected(capture);
        assertEquals(1, recorder.headers.size());
        assertEquals(1, recorder.endOfStream);
        assertEquals(expected.size(), recorder.fragments.size());
        for (int i = 0; i < expected.size(); i++) {
            Vectors.Expected want = expected.get(i);
            IngestFragment got = recorder.fragments.get(i);
            assertEquals(want.trackId(), got.trackId(), "track of fragment " + i);
            assertEquals(want.time(), got.time(), "time of fragment " + i);
            assertEquals(want.duration(), got.duration(), "duration of fragment " + i);
            assertEquals(want.samples(), got.sampleCount(), "samples of fragment " + i);
            assertArrayEquals(Arrays.copyOfRange(body, want.moofOffset(), want.moofOffset() + want.moofSize()), got.moof());
            assertArrayEquals(Arrays.copyOfRange(body, want.mdatOffset(), want.mdatOffset() + want.mdatSize()), got.mdat());
            assertEquals(got.samples().totalDuration(), got.duration(), "ffmpeg's tfxd duration is the sample sum");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 188, 4096, -1})
    void everyChunkingGivesTheSameResult(int chunk) {
        byte[] body = Vectors.resource(Vectors.STREAM1);
        Vectors.Recorder whole = Vectors.ingest(body, 0, 0);
        for (long seed = 1; seed <= (chunk < 0 ? 5 : 1); seed++) {
            Vectors.Recorder chunked = Vectors.ingest(body, chunk, seed);
            assertTrue(whole.headers.get(0).sameBytes(chunked.headers.get(0)));
            assertEquals(whole.headers.get(0).tracks(), chunked.headers.get(0).tracks());
            assertEquals(whole.fragments.size(), chunked.fragments.size());
            for (int i = 0; i < whole.fragments.size(); i++) {
                IngestFragment a = whole.fragments.get(i);
                IngestFragment b = chunked.fragments.get(i);
                assertEquals(a.toString(), b.toString());
                assertArrayEquals(a.moof(), b.moof());
                assertArrayEquals(a.mdat(), b.mdat());
            }
            assertEquals(1, chunked.endOfStream);
        }
    }

    @Test
    void headerKeepsTheRawBoxesAndDescribesEveryTrack() {
        byte[] body = Vectors.resource(Vectors.STREAM1);
        IngestHeader header = Vectors.ingest(body, 0, 0).headers.get(0);
        assertArrayEquals(Arrays.copyOfRange(body, 0, 4087), header.headerBytes(), "ftyp + manifest + moov as sent");
        assertNull(header.streamManifestBox());
        assertEquals("Lavf59.27.100", header.liveServerManifest().meta().get("creator"));
        List<TrackDescription> tracks = header.tracks();
        assertEquals(3, tracks.size());
        TrackDescription video = tracks.get(0);
        assertEquals(TrackType.VIDEO, video.type());
        assertEquals("video_und", video.trackName());
        assertEquals(68458, video.bitrate());
        assertEquals("H264", video.fourCC());
        assertEquals("000000016764000BACB4146FC980880000030008000003019078A1550000000168EF3CB0", video.codecPrivateDataHex());
        assertEquals(160, video.maxWidth());
        assertEquals(90, video.displayHeight());
        assertEquals(4, video.nalLengthSize());
        assertEquals(10_000_000L, video.timescale());
        TrackDescription audio = tracks.get(2);
        assertEquals(3, audio.trackId());
        assertEquals("AACL", audio.fourCC());
        assertEquals("119056E500", audio.codecPrivateDataHex(), "CodecPrivateData as the SMIL says");
        assertEquals(48000, audio.samplingRate());
        assertEquals(2, audio.channels());
        assertEquals(255, audio.audioTag());
        assertEquals(4, audio.packetSize());
        assertEquals("und", audio.language());
    }

    @Test
    void videoFragmentsStartWithSyncSamples() {
        for (IngestFragment fragment : Vectors.ingest(Vectors.resource(Vectors.STREAM1), 0, 0).fragments) {
            assertTrue(fragment.startsWithSyncSample(), fragment.toString());
        }
    }

    @Test
    void unknownBoxesAreSkippedAnywhere() {
        byte[] body = Vectors.resource(Vectors.TINY);
        List<Vectors.Expected> expected = Vectors.expected(Vectors.TINY);
        byte[] free = TestBoxes.box("free", new byte[100]);
        byte[] vendor = TestBoxes.box("uuid", new byte[16], new byte[3]);
        int headerEnd = expected.get(0).moofOffset();
        int firstEnd = expected.get(1).moofOffset();
        byte[] mixed = TestBoxes.concat(free, Arrays.copyOfRange(body, 0, 24), vendor, Arrays.copyOfRange(body, 24, headerEnd),
                free, Arrays.copyOfRange(body, headerEnd, firstEnd), TestBoxes.box("sdtp", new byte[4]),
                Arrays.copyOfRange(body, firstEnd, body.length), free);
        Vectors.Recorder recorder = Vectors.ingest(mixed, 0, 0);
        assertEquals(expected.size(), recorder.fragments.size());
        assertEquals(1, recorder.endOfStream);
    }

    @Test
    void wrongOrdersAreRefused() {
        byte[] body = Vectors.resource(Vectors.TINY);
        List<Vectors.Expected> expected = Vectors.expected(Vectors.TINY);
        Vectors.Expected first = expected.get(0);
        byte[] ftyp = Arrays.copyOfRange(body, 0, 24);
        int moovOffset = 24 + (int) Bytes.u32(body, 24);
        byte[] manifest = Arrays.copyOfRange(body, 24, moovOffset);
        byte[] moov = Arrays.copyOfRange(body, moovOffset, first.moofOffset());
        byte[] moof = Arrays.copyOfRange(body, first.moofOffset(), first.mdatOffset());
        byte[] mdat = Arrays.copyOfRange(body, first.mdatOffset(), first.mdatOffset() + first.mdatSize());
        byte[] eos = EndOfStream.bytes();

        assertStatus(412, TestBoxes.concat(moov));
        assertStatus(412, TestBoxes.concat(ftyp, moov), "no live server manifest");
        assertStatus(412, TestBoxes.concat(ftyp, manifest, moof, mdat), "moof before moov");
        assertStatus(412, TestBoxes.concat(ftyp, manifest, manifest, moov));
        assertStatus(400, TestBoxes.concat(ftyp, manifest, moov, mdat), "mdat without moof");
        assertStatus(400, TestBoxes.concat(ftyp, manifest, moov, moof, moof, mdat), "two moofs");
        assertStatus(400, TestBoxes.concat(ftyp, manifest, moov, moof, mdat, eos, moof, mdat), "data after EOS");
        assertStatus(400, TestBoxes.concat(ftyp, manifest, moov, moof, eos));
        assertStatus(400, TestBoxes.concat(ftyp, manifest, moov, ftyp));
    }

    @Test
    void fragmentOfAnUndeclaredTrackIs412() {
        byte[] body = Vectors.resource(Vectors.AUDIO0);
        Vectors.Expected first = Vectors.expected(Vectors.AUDIO0).get(0);
        byte[] header = Arrays.copyOfRange(body, 0, first.moofOffset());
        byte[][] fragment = TestBoxes.fragment(7, 0, new long[] {10}, new int[] {3}, new int[] {0});
        assertStatus(412, TestBoxes.concat(header, fragment[0], fragment[1]));
    }

    @Test
    void negativeTfxdTimeIsRefusedWithAClearReason() {
        byte[] body = Vectors.resource(Vectors.AUDIO0);
        Vectors.Expected first = Vectors.expected(Vectors.AUDIO0).get(0);
        byte[] header = Arrays.copyOfRange(body, 0, first.moofOffset());
        byte[][] fragment = TestBoxes.fragment(1, -213_333L, new long[] {10}, new int[] {3}, new int[] {0});
        BoxFormatException e = assertStatus(400, TestBoxes.concat(header, fragment[0], fragment[1]));
        assertTrue(e.getMessage().contains("negative start time"), e.getMessage());
    }

    @Test
    void ffmpegsNegativeAudioStartIsRefused() {
        Vectors.Recorder recorder = new Vectors.Recorder();
        IngestParser parser = new IngestParser(recorder);
        BoxFormatException e = assertThrows(BoxFormatException.class,
                () -> parser.feed(ByteBuffer.wrap(Vectors.resource("ffmpeg-primed.body"))));
        assertEquals(400, e.suggestedStatus());
        assertTrue(e.getMessage().contains("(-1280000)"), e.getMessage());
        assertEquals(1, recorder.headers.size());
        assertEquals(0, recorder.fragments.size());
    }

    @Test
    void aCallerMayDropABadFragmentAndGoOn() {
        Vectors.Recorder recorder = new Vectors.Recorder();
        IngestParser parser = new IngestParser(recorder);
        ByteBuffer body = ByteBuffer.wrap(Vectors.resource("ffmpeg-primed.body"));
        int dropped = 0;
        while (body.hasRemaining()) {
            try {
                parser.feed(body);
            } catch (BoxFormatException e) {
                dropped++;
            }
        }
        assertEquals(1, dropped);
        assertTrue(parser.endOfBody());
        assertEquals(19_200_000, recorder.fragments.get(0).time());
        assertEquals(1, recorder.endOfStream);
    }

    @Test
    void multiTrafMoofIsSplitPerTrack() {
        byte[] body = Vectors.resource(Vectors.STREAM1);
        List<Vectors.Expected> expected = Vectors.expected(Vectors.STREAM1);
        byte[] header = Arrays.copyOfRange(body, 0, expected.get(0).moofOffset());
        byte[][] a = TestBoxes.fragment(1, 500, new long[] {10, 20}, new int[] {3, 4}, new int[] {0x02000000, 0x01010000});
        byte[][] b = TestBoxes.fragment(3, 700, new long[] {5}, new int[] {6}, new int[] {0x02000000});
        // one moof with both trafs, data of a then b in one mdat
        ChildBoxes trafA = ChildBoxes.of(a[0], BoxTypes.MOOF);
        trafA.find(BoxTypes.TRAF);
        ChildBoxes trafB = ChildBoxes.of(b[0], BoxTypes.MOOF);
        trafB.find(BoxTypes.TRAF);
        byte[] mfhd = TestBoxes.fullBox("mfhd", 0, 0, TestBoxes.u32(9));
        byte[] trafABytes = Arrays.copyOfRange(a[0], trafA.offset(), trafA.end());
        byte[] trafBBytes = Arrays.copyOfRange(b[0], trafB.offset(), trafB.end());
        byte[] moof = TestBoxes.box("moof", mfhd, trafABytes, trafBBytes);
        int dataStart = moof.length + 8;
        FragmentRewriter.shiftDataOffset(moof, 8 + mfhd.length + trunOffsetIn(trafABytes), dataStart - Bytes.i32(moof, 8 + mfhd.length + trunOffsetIn(trafABytes) + 16));
        FragmentRewriter.shiftDataOffset(moof, 8 + mfhd.length + trafABytes.length + trunOffsetIn(trafBBytes),
                dataStart + 7 - Bytes.i32(moof, 8 + mfhd.length + trafABytes.length + trunOffsetIn(trafBBytes) + 16));
        byte[] mdat = TestBoxes.box("mdat", TestBoxes.u8(1, 1, 1, 2, 2, 2, 2), TestBoxes.u8(1, 1, 1, 1, 1, 1));

        Vectors.Recorder recorder = Vectors.ingest(TestBoxes.concat(header, moof, mdat), 0, 0);
        assertEquals(2, recorder.fragments.size());
        IngestFragment first = recorder.fragments.get(0);
        IngestFragment second = recorder.fragments.get(1);
        assertEquals(1, first.trackId());
        assertEquals(500, first.time());
        assertArrayEquals(a[1], first.mdat());
        assertEquals(3, second.trackId());
        assertEquals(700, second.time());
        assertArrayEquals(b[1], second.mdat());
        assertEquals(9, MovieFragment.parse(second.moof()).sequenceNumber());
    }

    private static int trunOffsetIn(byte[] traf) {
        ChildBoxes children = new ChildBoxes(traf, 8, traf.length);
        children.find(BoxTypes.TRUN);
        return children.offset();
    }

    @Test
    void utf16ManifestIsRead() {
        byte[] body = Vectors.resource(Vectors.AUDIO0);
        Vectors.Expected first = Vectors.expected(Vectors.AUDIO0).get(0);
        int manifestSize = (int) Bytes.u32(body, 24);
        String smil = new String(body, 24 + 28, manifestSize - 28, StandardCharsets.UTF_8).replace("utf-8", "utf-16");
        byte[] utf16 = smil.getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = TestBoxes.concat(TestBoxes.u8(0xFF, 0xFE), utf16);
        byte[] rebuilt = TestBoxes.concat(Arrays.copyOfRange(body, 0, 24), ManifestBoxes.liveServerManifestBox(withBom),
                Arrays.copyOfRange(body, 24 + manifestSize, body.length));
        Vectors.Recorder recorder = Vectors.ingest(rebuilt, 0, 0);
        assertEquals("audio_und", recorder.headers.get(0).tracks().get(0).trackName());
        assertEquals(Vectors.expected(Vectors.AUDIO0).size(), recorder.fragments.size());
        assertTrue(first.moofOffset() > 0);
    }

    @Test
    void streamManifestBoxIsAcceptedAfterFtyp() {
        byte[] body = Vectors.resource(Vectors.TINY);
        byte[] sm = ManifestBoxes.streamManifestBox(new StreamManifest(List.of("Streams(tiny)", "Streams(other)")).toSmil());
        Vectors.Recorder recorder = Vectors.ingest(TestBoxes.concat(Arrays.copyOfRange(body, 0, 24), sm,
                Arrays.copyOfRange(body, 24, body.length)), 0, 0);
        IngestHeader header = recorder.headers.get(0);
        assertEquals(List.of("Streams(tiny)", "Streams(other)"), header.streamManifest().streams());
        assertArrayEquals(sm, header.streamManifestBox());
        assertStatus(412, TestBoxes.concat(Arrays.copyOfRange(body, 0, 24), Arrays.copyOfRange(body, 24, body.length - 8), sm));
    }

    @Test
    void endOfBodyTellsACleanStopFromATruncation() {
        byte[] body = Vectors.resource(Vectors.TINY);
        List<Vectors.Expected> expected = Vectors.expected(Vectors.TINY);
        IngestParser parser = new IngestParser(new Vectors.Recorder());
        parser.feed(ByteBuffer.wrap(body, 0, expected.get(2).moofOffset()));
        assertFalse(parser.endOfBody(), "dropped connection between fragments");
        parser.feed(ByteBuffer.wrap(body, expected.get(2).moofOffset(), 10));
        assertEquals(400, assertThrows(BoxFormatException.class, parser::endOfBody).suggestedStatus());

        IngestParser afterMoof = new IngestParser(new Vectors.Recorder());
        afterMoof.feed(ByteBuffer.wrap(body, 0, expected.get(0).mdatOffset()));
        assertThrows(BoxFormatException.class, afterMoof::endOfBody);

        IngestParser complete = new IngestParser(new Vectors.Recorder());
        complete.feed(ByteBuffer.wrap(body));
        assertTrue(complete.endOfBody());
        assertTrue(complete.ended());
    }

    private static BoxFormatException assertStatus(int status, byte[] body) {
        return assertStatus(status, body, "");
    }

    private static BoxFormatException assertStatus(int status, byte[] body, String why) {
        BoxFormatException e = assertThrows(BoxFormatException.class, () -> Vectors.ingest(body, 0, 0), why);
        assertEquals(status, e.suggestedStatus(), why + ": " + e.getMessage());
        return e;
    }
}
