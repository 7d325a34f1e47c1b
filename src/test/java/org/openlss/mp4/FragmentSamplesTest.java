package org.openlss.mp4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

class FragmentSamplesTest {
    private static final TrackExtends NO_DEFAULTS = TrackExtends.none(1);

    @Test
    void readsSignedCompositionOffsetsOfAnFfmpegBFrameCapture() {
        IngestFragment fragment = Vectors.ingest(Vectors.resource(Vectors.BFRAMES), 0, 0).fragments.get(0);
        FragmentSamples samples = fragment.samples();
        assertEquals(25, samples.count());
        assertEquals(0, samples.compositionOffset(0));
        assertEquals(800_000, samples.compositionOffset(1));
        assertEquals(-400_000, samples.compositionOffset(2));
        assertEquals(1557, samples.size(0));
        assertEquals(136, samples.size(1));
        assertEquals(8, samples.mdatOffset(0), "right after the mdat header");
        assertEquals(8 + 1557, samples.mdatOffset(1));
        assertEquals(400_000 * 3, samples.decodeOffset(3));
        assertTrue(samples.isSync(0), "first-sample-flags 0x02000000");
        assertFalse(samples.isSync(1), "tfhd default flags 0x01010000");
        long total = 0;
        for (int i = 0; i < samples.count(); i++) {
            total += samples.size(i);
        }
        assertEquals(fragment.mdat().length - 8, total);
        assertEquals(10_000_000, samples.totalDuration());
    }

    @Test
    void audioSamplesTakeTheTfhdDefaultFlags() {
        IngestFragment fragment = Vectors.ingest(Vectors.resource(Vectors.AUDIO0), 0, 0).fragments.get(0);
        for (int i = 0; i < fragment.sampleCount(); i++) {
            assertTrue(fragment.samples().isSync(i));
        }
    }

    /** moof(mfhd, traf(tfhd, truns…)) where each trun is built for the final data offset. */
    private static byte[] moof(byte[] tfhd, IntFunction<byte[]> truns) {
        int size = TestBoxes.box("moof", TestBoxes.fullBox("mfhd", 0, 0, TestBoxes.u32(1)), TestBoxes.box("traf", tfhd, truns.apply(0))).length;
        return TestBoxes.box("moof", TestBoxes.fullBox("mfhd", 0, 0, TestBoxes.u32(1)), TestBoxes.box("traf", tfhd, truns.apply(size + 8)));
    }

    private static FragmentSamples parse(byte[] moof, TrackExtends trex, int mdatPayload) {
        return FragmentSamples.parse(moof, MovieFragment.parse(moof).trackFragments().get(0), trex, 8, 8 + mdatPayload);
    }

    @Test
    void fallsBackToTfhdThenTrexDefaults() {
        byte[] tfhd = TestBoxes.fullBox("tfhd", 0, 0x38, TestBoxes.u32(1, 500, 7, 0x01010000L));
        byte[] moof = moof(tfhd, offset -> TestBoxes.fullBox("trun", 0, 0x005, TestBoxes.u32(3, offset, 0x02000000)));
        FragmentSamples samples = parse(moof, NO_DEFAULTS, 21);
        assertEquals(3, samples.count());
        assertEquals(500, samples.duration(2));
        assertEquals(1000, samples.decodeOffset(2));
        assertEquals(7, samples.size(1));
        assertEquals(8 + 14, samples.mdatOffset(2));
        assertTrue(samples.isSync(0));
        assertFalse(samples.isSync(1));

        byte[] bare = moof(TestBoxes.fullBox("tfhd", 0, 0, TestBoxes.u32(1)),
                offset -> TestBoxes.fullBox("trun", 0, 0x001, TestBoxes.u32(2, offset)));
        FragmentSamples fromTrex = parse(bare, new TrackExtends(1, 1, 333, 5, 0x01010000), 10);
        assertEquals(333, fromTrex.duration(1));
        assertEquals(5, fromTrex.size(0));
        assertFalse(fromTrex.isSync(0));
    }

    @Test
    void readsEveryFieldCombinationAndVersion0Offsets() {
        byte[] tfhd = TestBoxes.fullBox("tfhd", 0, 0x18, TestBoxes.u32(1, 100, 2));
        byte[] moof = moof(tfhd, offset -> TestBoxes.concat(
                TestBoxes.fullBox("trun", 0, 0xA01, TestBoxes.u32(2, offset), TestBoxes.u32(3, 40, 4, 0)),
                TestBoxes.fullBox("trun", 0, 0x500, TestBoxes.u32(1), TestBoxes.u32(60, 0x01010000L))));
        FragmentSamples samples = parse(moof, NO_DEFAULTS, 9);
        assertEquals(3, samples.count());
        assertEquals(3, samples.size(0));
        assertEquals(40, samples.compositionOffset(0));
        assertEquals(100, samples.duration(0));
        assertEquals(60, samples.duration(2));
        assertEquals(2, samples.size(2), "tfhd default size");
        assertEquals(8 + 7, samples.mdatOffset(2), "a trun without data_offset continues after the previous run");
        assertFalse(samples.isSync(2));
        assertEquals(260, samples.totalDuration());
    }

    @Test
    void refusesSamplesOutsideTheMdat() {
        byte[] tfhd = TestBoxes.fullBox("tfhd", 0, 0, TestBoxes.u32(1));
        byte[] moof = moof(tfhd, offset -> TestBoxes.fullBox("trun", 0, 0x201, TestBoxes.u32(2, offset, 5, 6)));
        assertThrows(BoxFormatException.class, () -> parse(moof, NO_DEFAULTS, 10));
        byte[] before = moof(tfhd, offset -> TestBoxes.fullBox("trun", 0, 0x201, TestBoxes.u32(1, offset - 9, 5)));
        assertThrows(BoxFormatException.class, () -> parse(before, NO_DEFAULTS, 10), "data_offset pointing into the moof");
        byte[] noOffset = moof(tfhd, offset -> TestBoxes.fullBox("trun", 0, 0x200, TestBoxes.u32(1, 5)));
        assertThrows(BoxFormatException.class, () -> parse(noOffset, NO_DEFAULTS, 10));
        byte[] base = moof(TestBoxes.fullBox("tfhd", 0, 1, TestBoxes.u32(1), TestBoxes.u64(0)),
                offset -> TestBoxes.fullBox("trun", 0, 0x201, TestBoxes.u32(1, offset, 5)));
        assertThrows(BoxFormatException.class, () -> parse(base, NO_DEFAULTS, 10), "base-data-offset");
    }

    @Test
    void refusesLyingSampleCountsBeforeAllocating() {
        byte[] tfhd = TestBoxes.fullBox("tfhd", 0, 0, TestBoxes.u32(1));
        byte[] huge = moof(tfhd, offset -> TestBoxes.fullBox("trun", 0, 0x201, TestBoxes.u32(0xFFFFFFFFL, offset, 5)));
        assertEquals(400, assertThrows(BoxFormatException.class, () -> parse(huge, NO_DEFAULTS, 10)).suggestedStatus());
        byte[] lying = moof(tfhd, offset -> TestBoxes.fullBox("trun", 0, 0x201, TestBoxes.u32(60_000, offset, 5)));
        assertThrows(BoxFormatException.class, () -> parse(lying, NO_DEFAULTS, 10));
        byte[] v0Negative = moof(tfhd, offset -> TestBoxes.fullBox("trun", 0, 0x801, TestBoxes.u32(1, offset, 0x80000000L)));
        assertThrows(BoxFormatException.class, () -> parse(v0Negative, new TrackExtends(1, 1, 1, 1, 0), 10));
    }
}
