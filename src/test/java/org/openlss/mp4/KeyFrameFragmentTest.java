package org.openlss.mp4;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyFrameFragmentTest {
    private static IngestFragment reparse(byte[] served, int trackId) {
        int moofSize = (int) Bytes.u32(served, 0);
        assertEquals(served.length - moofSize, Bytes.u32(served, moofSize), "mdat fills the rest");
        return IngestFragment.parse(Arrays.copyOf(served, moofSize), Arrays.copyOfRange(served, moofSize, served.length),
                TrackExtends.none(trackId));
    }

    @Test
    void keepsOnlyTheKeyFrameOfAVideoFragment() {
        IngestFragment fragment = Vectors.ingest(Vectors.resource(Vectors.STREAM1), 0, 0).fragments.get(3);
        byte[] served = KeyFrameFragment.build(fragment.moof(), fragment.mdat(), TrackExtends.none(1), null);
        IngestFragment keys = reparse(served, fragment.trackId());
        assertEquals(1, keys.sampleCount());
        assertEquals(fragment.time(), keys.time());
        assertEquals(fragment.duration(), keys.duration());
        assertEquals(fragment.duration(), keys.samples().duration(0), "the key frame lasts the whole fragment");
        assertTrue(keys.startsWithSyncSample());
        int size = fragment.samples().size(0);
        assertEquals(size, keys.samples().size(0));
        assertArrayEquals(Arrays.copyOfRange(fragment.mdat(), 8, 8 + size), Arrays.copyOfRange(keys.mdat(), 8, 8 + size));
    }

    @Test
    void keptSamplesLastUntilTheNextKeptOne() {
        byte[][] input = TestBoxes.fragment(1, 1000, new long[] {10, 20, 30, 40}, new int[] {1, 2, 3, 4},
                new int[] {0x02000000, 0x01010000, 0x02000000, 0x01010000});
        List<Tfrf.Entry> lookahead = List.of(new Tfrf.Entry(1100, 100));
        byte[] served = KeyFrameFragment.build(input[0], input[1], TrackExtends.none(1), lookahead);
        IngestFragment keys = reparse(served, 1);
        assertEquals(2, keys.sampleCount());
        assertEquals(30, keys.samples().duration(0));
        assertEquals(70, keys.samples().duration(1));
        assertEquals(30, keys.samples().decodeOffset(1));
        assertEquals(3, keys.samples().size(1));
        assertArrayEquals(TestBoxes.box("mdat", TestBoxes.u8(1, 3, 3, 3)), keys.mdat());
        assertEquals(1000, keys.time());
        assertEquals(100, keys.duration());
        ChildBoxes children = MovieFragment.parse(keys.moof()).trackFragments().get(0).children(keys.moof());
        StringBuilder layout = new StringBuilder();
        while (children.next()) {
            layout.append(children.is(SmoothUuid.TFRF) ? "tfrf" : children.is(SmoothUuid.TFXD) ? "tfxd" : FourCC.toString(children.type())).append(' ');
        }
        assertEquals("tfhd trun tfxd tfrf ", layout.toString());
    }

    @Test
    void keepsCompositionOffsetsOfKeyFrames() {
        IngestFragment fragment = Vectors.ingest(Vectors.resource(Vectors.BFRAMES), 0, 0).fragments.get(1);
        IngestFragment keys = reparse(KeyFrameFragment.build(fragment.moof(), fragment.mdat(), TrackExtends.none(1), null), 1);
        assertEquals(fragment.samples().compositionOffset(0), keys.samples().compositionOffset(0));
        assertEquals(1, keys.sampleCount());
    }

    @Test
    void audioFragmentsKeepEverySample() {
        IngestFragment fragment = Vectors.ingest(Vectors.resource(Vectors.AUDIO0), 0, 0).fragments.get(0);
        IngestFragment keys = reparse(KeyFrameFragment.build(fragment.moof(), fragment.mdat(), TrackExtends.none(1), null), 1);
        assertEquals(fragment.sampleCount(), keys.sampleCount());
        assertArrayEquals(fragment.mdat(), keys.mdat());
        for (int i = 0; i < keys.sampleCount(); i++) {
            assertEquals(fragment.samples().duration(i), keys.samples().duration(i));
        }
    }
}
