package org.openlss.mp4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openlss.testing.Captures;
import org.openlss.testing.ExternalTools;

class CmafSegmentTest {
    /** Ten hours in 100 ns units: more than a 32-bit tfdt holds. */
    private static final long TEN_HOURS = 36_000L * 10_000_000L;

    private static List<String> layout(byte[] bytes, int from, int to) {
        List<String> types = new ArrayList<>();
        ChildBoxes boxes = new ChildBoxes(bytes, from, to);
        while (boxes.next()) {
            types.add(boxes.isUuid() ? "uuid" : FourCC.toString(boxes.type()));
        }
        return types;
    }

    @Test
    void keepsTheSamplesAndTheMdatAndTimesTheFragmentWithA64BitTfdt() {
        byte[][] stored = TestBoxes.fragment(7, 1234, new long[] {400, 400, 400}, new int[] {5, 3, 9},
                new int[] {0x02000000, 0x01010000, 0x01010000});
        byte[] segment = CmafSegment.segment(stored[0], stored[1], TEN_HOURS, 41, TrackExtends.none(7));

        assertEquals(List.of("styp", "moof", "mdat"), layout(segment, 0, segment.length));
        int moofAt = (int) Bytes.u32(segment, 0);
        int moofSize = (int) Bytes.u32(segment, moofAt);
        byte[] moof = Arrays.copyOfRange(segment, moofAt, moofAt + moofSize);
        byte[] mdat = Arrays.copyOfRange(segment, moofAt + moofSize, segment.length);
        assertEquals(stored[1].length, mdat.length);
        assertTrue(Arrays.equals(stored[1], mdat), "the mdat is sent as ingested");

        MovieFragment fragment = MovieFragment.parse(moof);
        assertEquals(42, fragment.sequenceNumber());
        TrackFragment traf = fragment.trackFragments().get(0);
        assertEquals(List.of("tfhd", "tfdt", "trun"), layout(moof, traf.offset() + 8, traf.offset() + traf.size()));
        assertEquals(CmafInit.TRACK_ID, traf.trackId());
        assertTrue(traf.header().has(TrackFragmentHeader.DEFAULT_BASE_IS_MOOF));
        assertNull(traf.tfxd());
        assertEquals(TEN_HOURS, traf.baseMediaDecodeTime());

        FragmentSamples samples = FragmentSamples.parse(moof, traf, TrackExtends.none(1), 8, mdat.length);
        assertEquals(3, samples.count());
        assertEquals(1200, samples.totalDuration());
        for (int i = 0; i < 3; i++) {
            assertEquals(i + 1, mdat[samples.mdatOffset(i)], "sample " + i + " still points at its bytes");
        }
        assertTrue(samples.isSync(0));
    }

    @Test
    void makesTheTrexDefaultsTheFragmentReliedOnExplicit() {
        byte[] tfhd = TestBoxes.fullBox("tfhd", 0, 0, TestBoxes.u32(1));
        byte[] mfhd = TestBoxes.fullBox("mfhd", 0, 0, TestBoxes.u32(1));
        int moofSize = 8 + mfhd.length + 8 + tfhd.length + 20;
        byte[] trun = TestBoxes.fullBox("trun", 0, 0x1, TestBoxes.u32(2, moofSize + 8));
        byte[] moof = TestBoxes.box("moof", mfhd, TestBoxes.box("traf", tfhd, trun));
        TrackExtends trex = new TrackExtends(1, 1, 333, 4, 0x01010000);

        byte[] head = CmafSegment.head(moof, 0, 0, trex);
        byte[] served = Arrays.copyOfRange(head, (int) Bytes.u32(head, 0), head.length);
        TrackFragment traf = MovieFragment.parse(served).trackFragments().get(0);
        FragmentSamples samples = FragmentSamples.parse(served, traf, TrackExtends.none(1), 8, 16);
        assertEquals(666, samples.totalDuration());
        assertEquals(4, samples.size(1));
        assertTrue(!samples.isSync(0) && !samples.isSync(1));
        assertEquals(served.length + 8, samples.mdatOffset(0) + served.length);
    }

    @Test
    void refusesWhatOneCmafTrackFragmentCannotBe() {
        byte[][] stored = TestBoxes.fragment(1, 0, new long[] {1}, new int[] {1}, new int[] {0});
        assertEquals(400, assertThrows(BoxFormatException.class,
                () -> CmafSegment.head(stored[0], -1, 0, TrackExtends.none(1))).suggestedStatus());
        byte[] twoTrafs = TestBoxes.box("moof", TestBoxes.fullBox("mfhd", 0, 0, TestBoxes.u32(1)),
                TestBoxes.box("traf", TestBoxes.fullBox("tfhd", 0, 0, TestBoxes.u32(1))),
                TestBoxes.box("traf", TestBoxes.fullBox("tfhd", 0, 0, TestBoxes.u32(2))));
        assertThrows(BoxFormatException.class, () -> CmafSegment.head(twoTrafs, 0, 0, TrackExtends.none(1)));
    }

    /** Every track of a real ffmpeg push: init + two segments (at a 10-hour offset) read and decode in ffprobe. */
    @Test
    void ffprobeDecodesInitAndSegmentsOfEveryTrackOfARealPush() throws IOException {
        IngestBody body = Captures.of(Vectors.STREAM1);
        for (TrackDescription track : body.header().tracks()) {
            TrackExtends trex = body.header().movieHeader().track(track.trackId()).defaults();
            List<IngestFragment> fragments = body.fragments().stream()
                    .filter(f -> f.trackId() == track.trackId()).limit(2).toList();
            byte[] file = CmafInit.build(track);
            long sequence = 0;
            for (IngestFragment f : fragments) {
                file = TestBoxes.concat(file, CmafSegment.segment(f.moof(), f.mdat(), TEN_HOURS + f.time(),
                        sequence++, trex));
            }
            Path path = ExternalTools.workDir().resolve("cmaf-" + track.trackId() + ".mp4");
            Files.write(path, file);
            String probe = ExternalTools.check("ffprobe", "-v", "error", "-count_packets", "-show_entries",
                    "stream=codec_name,nb_read_packets,start_time", "-of", "csv=p=0", path.toString()).trim();
            int packets = fragments.stream().mapToInt(IngestFragment::sampleCount).sum();
            String codec = track.type() == TrackType.VIDEO ? "h264" : "aac";
            assertTrue(probe.startsWith(codec + ",3600") && probe.endsWith("," + packets), track + ": " + probe);
            assertEquals("", ExternalTools.decodeErrors(path), track.toString());
        }
    }
}
