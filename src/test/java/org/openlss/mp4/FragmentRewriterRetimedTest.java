package org.openlss.mp4;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FragmentRewriterRetimedTest {
    private static final long[] DURATIONS = {400, 400, 200};
    private static final int[] SIZES = {5, 3, 7};
    private static final int[] FLAGS = {0x02000000, 0x01010000, 0x01010000};

    @Test
    void aTfxdIsReplacedInPlaceAndTheSamplesStayWhereTheyWere() {
        byte[][] fragment = TestBoxes.fragment(1, 1000, DURATIONS, SIZES, FLAGS);
        byte[] moof = FragmentRewriter.retimed(fragment[0], 36_000_000_000L, 1000);
        assertEquals(fragment[0].length, moof.length);
        IngestFragment retimed = IngestFragment.parse(moof, fragment[1], TrackExtends.none(1));
        assertEquals(36_000_000_000L, retimed.time());
        assertEquals(1000, retimed.duration());
        assertSamples(IngestFragment.parse(fragment[0], fragment[1], TrackExtends.none(1)), retimed);
    }

    @Test
    void aFragmentWithoutTfxdGetsOneAfterItsTfhdAndItsDataOffsetsFollow() {
        byte[][] original = TestBoxes.fragment(1, 0, DURATIONS, SIZES, FLAGS);
        byte[] withoutTfxd = withoutTfxd(original[0]);
        byte[] moof = FragmentRewriter.retimed(withoutTfxd, 5000, 1000);
        assertEquals(withoutTfxd.length + Tfxd.SIZE, moof.length);
        assertEquals(List.of("tfhd", "tfxd", "trun"), layout(moof));
        IngestFragment retimed = IngestFragment.parse(moof, original[1], TrackExtends.none(1));
        assertEquals(5000, retimed.time());
        assertSamples(IngestFragment.parse(original[0], original[1], TrackExtends.none(1)), retimed);
    }

    @Test
    void aTfdtMovesWithTheTfxdAndTfrfIsDropped() {
        byte[] tfhd = TestBoxes.fullBox("tfhd", 0, 0, TestBoxes.u32(1));
        byte[] tfdt = TestBoxes.fullBox("tfdt", 1, 0, TestBoxes.u64(77));
        byte[] tfrf = TestBoxes.uuid(SmoothUuid.TFRF, TestBoxes.u32(1L << 24), TestBoxes.u8(0));
        byte[] trun = TestBoxes.fullBox("trun", 0, 0x300, TestBoxes.u32(1, 400, 4));
        byte[] moof = TestBoxes.box("moof", TestBoxes.fullBox("mfhd", 0, 0, TestBoxes.u32(1)),
                TestBoxes.box("traf", tfhd, tfdt, trun, tfrf));
        byte[] retimed = FragmentRewriter.retimed(moof, 9000, 400);
        assertEquals(List.of("tfhd", "tfxd", "tfdt", "trun"), layout(retimed));
        TrackFragment traf = MovieFragment.parse(retimed).trackFragments().get(0);
        assertEquals(9000, traf.baseMediaDecodeTime());
        assertEquals(new Tfxd(9000, 400), traf.tfxd());
    }

    @Test
    void aMoofOfSeveralTracksIsRefused() {
        byte[] traf = TestBoxes.box("traf", TestBoxes.fullBox("tfhd", 0, 0, TestBoxes.u32(1)));
        byte[] moof = TestBoxes.box("moof", traf, traf);
        assertThrows(BoxFormatException.class, () -> FragmentRewriter.retimed(moof, 0, 0));
    }

    private static void assertSamples(IngestFragment expected, IngestFragment actual) {
        assertEquals(expected.sampleCount(), actual.sampleCount());
        for (int i = 0; i < expected.sampleCount(); i++) {
            assertArrayEquals(sample(expected, i), sample(actual, i), "sample " + i);
        }
    }

    private static byte[] sample(IngestFragment f, int i) {
        int at = f.samples().mdatOffset(i);
        return java.util.Arrays.copyOfRange(f.mdat(), at, at + f.samples().size(i));
    }

    /** The fragment as an IIS on-demand file stores it: no tfxd, the data offset 44 bytes smaller. */
    private static byte[] withoutTfxd(byte[] moof) {
        TrackFragment traf = MovieFragment.parse(moof).trackFragments().get(0);
        byte[] tfhd = null;
        byte[] trun = null;
        ChildBoxes children = traf.children(moof);
        while (children.next()) {
            byte[] box = java.util.Arrays.copyOfRange(moof, children.offset(), children.end());
            if (children.type() == BoxTypes.TFHD) {
                tfhd = box;
            } else if (children.type() == BoxTypes.TRUN) {
                trun = box;
            }
        }
        FragmentRewriter.shiftDataOffset(trun, 0, -Tfxd.SIZE);
        return TestBoxes.box("moof", TestBoxes.fullBox("mfhd", 0, 0, TestBoxes.u32(1)), TestBoxes.box("traf", tfhd, trun));
    }

    private static List<String> layout(byte[] moof) {
        ChildBoxes children = MovieFragment.parse(moof).trackFragments().get(0).children(moof);
        List<String> layout = new ArrayList<>();
        while (children.next()) {
            layout.add(children.is(SmoothUuid.TFXD) ? "tfxd" : FourCC.toString(children.type()));
        }
        return layout;
    }
}
