package org.openlss.mp4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MovieFragmentTest {
    @Test
    void readsTrafsWithTheirTimingBoxes() {
        byte[] tfhdA = TestBoxes.fullBox("tfhd", 0, 0x02003A, TestBoxes.u32(4, 1, 100, 20, 0x01010000L));
        byte[] tfdtV0 = TestBoxes.fullBox("tfdt", 0, 0, TestBoxes.u32(123));
        byte[] tfhdB = TestBoxes.fullBox("tfhd", 0, 0, TestBoxes.u32(5));
        byte[] tfdtV1 = TestBoxes.fullBox("tfdt", 1, 0, TestBoxes.u64(1L << 40));
        byte[] trun = TestBoxes.fullBox("trun", 0, 0, TestBoxes.u32(0));
        byte[] moof = TestBoxes.box("moof", TestBoxes.fullBox("mfhd", 0, 0, TestBoxes.u32(42)),
                TestBoxes.box("traf", tfhdA, tfdtV0, trun, trun), TestBoxes.box("traf", tfhdB, tfdtV1, TestBoxes.tfxd(9, 8)));
        MovieFragment fragment = MovieFragment.parse(moof);
        assertEquals(42, fragment.sequenceNumber());
        assertEquals(2, fragment.trackFragments().size());
        TrackFragment a = fragment.trackFragments().get(0);
        assertEquals(4, a.trackId());
        assertEquals(123, a.baseMediaDecodeTime());
        assertNull(a.tfxd());
        assertEquals(2, a.trunCount());
        TrackFragmentHeader tfhd = a.header();
        assertEquals(1, tfhd.sampleDescriptionIndex());
        assertEquals(100, tfhd.sampleDuration(TrackExtends.none(4)));
        assertEquals(20, tfhd.sampleSize(TrackExtends.none(4)));
        assertEquals(0x01010000, tfhd.sampleFlags(TrackExtends.none(4)));
        assertEquals(true, tfhd.has(TrackFragmentHeader.DEFAULT_BASE_IS_MOOF));
        TrackFragment b = fragment.trackFragments().get(1);
        assertEquals(1L << 40, b.baseMediaDecodeTime());
        assertEquals(new Tfxd(9, 8), b.tfxd());
        assertEquals(0, b.trunCount());
        assertEquals(-1, b.header().defaultSampleDuration());
        assertEquals(7, b.header().sampleDuration(new TrackExtends(5, 1, 7, 0, 0)));
    }

    @Test
    void refusesFragmentsWithoutTrafOrTfhd() {
        assertThrows(BoxFormatException.class, () -> MovieFragment.parse(TestBoxes.box("moof", TestBoxes.fullBox("mfhd", 0, 0, TestBoxes.u32(1)))));
        assertThrows(BoxFormatException.class, () -> MovieFragment.parse(TestBoxes.box("moof", TestBoxes.box("traf"))));
        assertThrows(BoxFormatException.class, () -> MovieFragment.parse(TestBoxes.box("moov", TestBoxes.box("traf"))));
        assertThrows(BoxFormatException.class, () -> MovieFragment.parse(TestBoxes.box("moof",
                TestBoxes.box("traf", TestBoxes.fullBox("tfhd", 0, 0x8, TestBoxes.u32(1))))), "tfhd field missing");
        assertThrows(BoxFormatException.class, () -> MovieFragment.parse(TestBoxes.box("moof",
                TestBoxes.box("traf", TestBoxes.fullBox("tfhd", 0, 0, TestBoxes.u32(1)), TestBoxes.fullBox("tfdt", 1, 0, TestBoxes.u64(-1L))))));
    }
}
