package org.openlss.mp4;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FragmentRewriterTest {
    private static final List<Tfrf.Entry> LOOKAHEAD = List.of(new Tfrf.Entry(100, 10), new Tfrf.Entry(110, 10));

    /** The fragment's boxes: moof first, then the mdat. */
    private static byte[][] split(byte[] served) {
        int moofSize = (int) Bytes.u32(served, 0);
        return new byte[][] {Arrays.copyOf(served, moofSize), Arrays.copyOfRange(served, moofSize, served.length)};
    }

    /** The traf children types, uuid boxes named by their Smooth usertype. */
    private static List<String> trafLayout(byte[] moof) {
        TrackFragment traf = MovieFragment.parse(moof).trackFragments().get(0);
        ChildBoxes children = traf.children(moof);
        List<String> layout = new ArrayList<>();
        while (children.next()) {
            layout.add(children.is(SmoothUuid.TFXD) ? "tfxd" : children.is(SmoothUuid.TFRF) ? "tfrf" : FourCC.toString(children.type()));
        }
        return layout;
    }

    private static Tfrf tfrfOf(byte[] moof) {
        ChildBoxes children = MovieFragment.parse(moof).trackFragments().get(0).children(moof);
        while (children.next()) {
            if (children.is(SmoothUuid.TFRF)) {
                return Tfrf.parse(children.payload());
            }
        }
        return null;
    }

    private static void assertSameSamples(IngestFragment original, byte[] moof, byte[] mdat) {
        IngestFragment served = IngestFragment.parse(moof, mdat, TrackExtends.none(original.trackId()));
        assertEquals(original.time(), served.time());
        assertEquals(original.duration(), served.duration());
        assertEquals(original.sampleCount(), served.sampleCount());
        for (int i = 0; i < original.sampleCount(); i++) {
            int from = original.samples().mdatOffset(i);
            int to = served.samples().mdatOffset(i);
            int size = original.samples().size(i);
            assertEquals(size, served.samples().size(i));
            assertArrayEquals(Arrays.copyOfRange(original.mdat(), from, from + size), Arrays.copyOfRange(mdat, to, to + size),
                    "sample " + i + " bytes");
        }
    }

    @Test
    void insertsTheServerTfrfAfterTfxdAndFixesDataOffsets() {
        for (IngestFragment fragment : Vectors.ingest(Vectors.resource(Vectors.STREAM1), 0, 0).fragments) {
            byte[] served = FragmentRewriter.fragment(fragment.moof(), fragment.mdat(), LOOKAHEAD);
            byte[][] boxes = split(served);
            assertEquals(fragment.moof().length + Tfrf.size(2), boxes[0].length);
            assertEquals(FragmentRewriter.moofSize(fragment.moof(), LOOKAHEAD), boxes[0].length);
            assertArrayEquals(fragment.mdat(), boxes[1], "mdat untouched");
            assertEquals(List.of("tfhd", "trun", "tfxd", "tfrf"), trafLayout(boxes[0]));
            assertEquals(LOOKAHEAD, tfrfOf(boxes[0]).entries());
            assertSameSamples(fragment, boxes[0], boxes[1]);
            assertArrayEquals(boxes[0], FragmentRewriter.moof(fragment.moof(), LOOKAHEAD), "FragmentInfo is the same moof");
        }
    }

    @Test
    void withoutLookaheadAnFfmpegFragmentIsUnchanged() {
        IngestFragment fragment = Vectors.ingest(Vectors.resource(Vectors.TINY), 0, 0).fragments.get(0);
        byte[] served = FragmentRewriter.fragment(fragment.moof(), fragment.mdat(), null);
        assertArrayEquals(TestBoxes.concat(fragment.moof(), fragment.mdat()), served);
    }

    @Test
    void emptyLookaheadWritesATfrfWithNoEntries() {
        IngestFragment fragment = Vectors.ingest(Vectors.resource(Vectors.TINY), 0, 0).fragments.get(1);
        byte[] moof = FragmentRewriter.moof(fragment.moof(), List.of());
        assertEquals(List.of(), tfrfOf(moof).entries());
        assertSameSamples(fragment, moof, fragment.mdat());
    }

    /** A fragment the way ffmpeg writes it with -ism_lookahead: a free placeholder, here plus a stale tfrf. */
    private static byte[][] fragmentWithEncoderLookahead() {
        byte[] tfhd = TestBoxes.fullBox("tfhd", 0, 0x20, TestBoxes.u32(1, 0x02000000));
        byte[] tfxd = TestBoxes.tfxd(1000, 30);
        byte[] free = TestBoxes.box("free", new byte[21 + 32]);
        byte[] staleTfrf = new Tfrf(List.of(new Tfrf.Entry(5, 5))).toBox();
        byte[] mfhd = TestBoxes.fullBox("mfhd", 0, 0, TestBoxes.u32(3));
        int trunSize = 12 + 8 + 2 * 8;
        int moofSize = 8 + mfhd.length + 8 + tfhd.length + trunSize + tfxd.length + free.length + staleTfrf.length;
        byte[] trun = TestBoxes.fullBox("trun", 0, 0x301, TestBoxes.u32(2, moofSize + 8), TestBoxes.u32(10, 3, 20, 4));
        byte[] moof = TestBoxes.box("moof", mfhd, TestBoxes.box("traf", tfhd, trun, tfxd, free, staleTfrf));
        return new byte[][] {moof, TestBoxes.box("mdat", TestBoxes.u8(1, 1, 1, 2, 2, 2, 2))};
    }

    @Test
    void dropsEncoderFreeAndTfrfBoxes() {
        byte[][] input = fragmentWithEncoderLookahead();
        IngestFragment original = IngestFragment.parse(input[0], input[1], TrackExtends.none(1));
        byte[][] archived = split(FragmentRewriter.fragment(input[0], input[1], null));
        assertEquals(List.of("tfhd", "trun", "tfxd"), trafLayout(archived[0]));
        assertSameSamples(original, archived[0], archived[1]);

        byte[][] served = split(FragmentRewriter.fragment(input[0], input[1], LOOKAHEAD));
        assertEquals(List.of("tfhd", "trun", "tfxd", "tfrf"), trafLayout(served[0]));
        assertEquals(LOOKAHEAD, tfrfOf(served[0]).entries());
        assertSameSamples(original, served[0], served[1]);
        assertTrue(served[0].length < input[0].length);
    }

    @Test
    void aTrafWithoutTfxdGetsTheTfrfAtItsEnd() {
        byte[] tfhd = TestBoxes.fullBox("tfhd", 0, 0, TestBoxes.u32(1));
        byte[] tfdt = TestBoxes.fullBox("tfdt", 1, 0, TestBoxes.u64(77));
        int moofSize = 8 + 8 + tfhd.length + tfdt.length + 20 + 8;
        byte[] trun = TestBoxes.fullBox("trun", 0, 0x301, TestBoxes.u32(1, moofSize + 8, 5, 2));
        byte[] moof = TestBoxes.box("moof", TestBoxes.box("traf", tfhd, tfdt, trun));
        byte[] mdat = TestBoxes.box("mdat", TestBoxes.u8(9, 9));
        byte[] served = FragmentRewriter.moof(moof, LOOKAHEAD);
        assertEquals(List.of("tfhd", "tfdt", "trun", "tfrf"), trafLayout(served));
        IngestFragment fragment = IngestFragment.parse(served, mdat, TrackExtends.none(1));
        assertEquals(77, fragment.time());
        assertEquals(5, fragment.duration());
        assertFalse(trafLayout(served).contains("tfxd"));
    }

    @Test
    void refusesTrunsTooShortForTheirFields() {
        byte[] shortTrun = TestBoxes.box("moof", TestBoxes.box("traf", TestBoxes.fullBox("tfhd", 0, 0, TestBoxes.u32(1)),
                TestBoxes.fullBox("trun", 0, 1, TestBoxes.u32(0))));
        assertEquals(400, org.junit.jupiter.api.Assertions.assertThrows(BoxFormatException.class,
                () -> FragmentRewriter.moof(shortTrun, LOOKAHEAD)).suggestedStatus());
        byte[] emptyTrun = TestBoxes.box("moof", TestBoxes.box("traf", TestBoxes.box("trun")));
        org.junit.jupiter.api.Assertions.assertThrows(BoxFormatException.class, () -> FragmentRewriter.moof(emptyTrun, null));
    }

    @Test
    void writeMoofFillsACallerBuffer() {
        IngestFragment fragment = Vectors.ingest(Vectors.resource(Vectors.TINY), 0, 0).fragments.get(0);
        int size = FragmentRewriter.moofSize(fragment.moof(), LOOKAHEAD);
        byte[] out = new byte[size + 10];
        assertEquals(size + 5, FragmentRewriter.writeMoof(fragment.moof(), LOOKAHEAD, size, out, 5));
        assertArrayEquals(FragmentRewriter.moof(fragment.moof(), LOOKAHEAD), Arrays.copyOfRange(out, 5, 5 + size));
    }
}
