package org.openlss.mp4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FragmentedFileIndexTest {
    @TempDir
    Path dir;

    private FragmentedFileIndex scan(byte[] content) throws IOException {
        Path file = dir.resolve("file-" + content.length + ".ismv");
        Files.write(file, content);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return FragmentedFileIndex.scan(channel);
        }
    }

    private static void assertFragments(List<Vectors.Expected> expected, List<FragmentedFileIndex.FileFragment> fragments) {
        assertEquals(expected.size(), fragments.size());
        for (int i = 0; i < expected.size(); i++) {
            Vectors.Expected want = expected.get(i);
            FragmentedFileIndex.FileFragment got = fragments.get(i);
            assertEquals(want.trackId(), got.trackId());
            assertEquals(want.time(), got.time());
            assertEquals(want.duration(), got.duration());
            assertEquals(want.moofOffset(), got.moofOffset());
            assertEquals(want.moofSize() + want.mdatSize(), got.length());
        }
    }

    @Test
    void indexesFfmpegsOnDemandFile() throws IOException {
        byte[] content = Vectors.resource(Vectors.ONDEMAND);
        FragmentedFileIndex index = scan(content);
        assertEquals(new FragmentedFileIndex.BoxLocation(0, 24), index.ftyp());
        assertEquals(new FragmentedFileIndex.BoxLocation(24, 1768), index.moov());
        assertEquals(3, index.movieHeader().tracks().size());
        assertFragments(Vectors.expected(Vectors.ONDEMAND), index.fragments());
        assertTrue(index.fragments().get(0).startsWithSyncSample());
        assertEquals(new FragmentedFileIndex.BoxLocation(content.length - 438, 438), index.mfraLocation());
        assertEquals(6, index.mfra().track(3).entries().size());
        assertEquals(-1, index.truncatedAt());
        assertEquals(content.length, index.validLength());
    }

    @Test
    void indexesAnIngestCaptureWithItsManifestBox() throws IOException {
        FragmentedFileIndex index = scan(Vectors.resource(Vectors.STREAM1));
        assertFragments(Vectors.expected(Vectors.STREAM1), index.fragments());
        assertNotNull(index.mfra(), "the empty end-of-stream mfra");
        assertEquals(0, index.mfra().tracks().size());
    }

    @Test
    void findsWhereATruncatedFileMustBeCut() throws IOException {
        byte[] content = Vectors.resource(Vectors.ONDEMAND);
        List<Vectors.Expected> expected = Vectors.expected(Vectors.ONDEMAND);
        Vectors.Expected fifth = expected.get(4);
        int[] cuts = {fifth.moofOffset() + 3, fifth.moofOffset() + 100, fifth.mdatOffset(), fifth.mdatOffset() + 4,
            fifth.mdatOffset() + 500};
        for (int cut : cuts) {
            FragmentedFileIndex index = scan(Arrays.copyOf(content, cut));
            assertEquals(fifth.moofOffset(), index.truncatedAt(), "cut at " + cut);
            assertEquals(fifth.moofOffset(), index.validLength());
            assertFragments(expected.subList(0, 4), index.fragments());
            assertNull(index.mfra());
        }
        FragmentedFileIndex beforeMfra = scan(Arrays.copyOf(content, content.length - 438));
        assertEquals(-1, beforeMfra.truncatedAt(), "a file cut exactly between boxes is complete");
        assertEquals(expected.size(), beforeMfra.fragments().size());
        FragmentedFileIndex inMfra = scan(Arrays.copyOf(content, content.length - 10));
        assertEquals(content.length - 438, inMfra.truncatedAt());
    }

    @Test
    void fragmentsWithoutTfxdContinueFromTfdtOrThePreviousOne() throws IOException {
        byte[] moov = CaptureParts.moov(Vectors.resource(Vectors.TINY));
        byte[] tfhd = TestBoxes.fullBox("tfhd", 0, 0, TestBoxes.u32(1));
        byte[] tfdt = TestBoxes.fullBox("tfdt", 1, 0, TestBoxes.u64(5000));
        byte[] withTfdt = fragment(TestBoxes.concat(tfhd, tfdt));
        byte[] plain = fragment(tfhd);
        FragmentedFileIndex index = scan(TestBoxes.concat(TestBoxes.box("ftyp", new byte[8]), moov, withTfdt, plain));
        assertEquals(5000, index.fragments().get(0).time());
        assertEquals(40, index.fragments().get(0).duration());
        assertEquals(5040, index.fragments().get(1).time());
    }

    /** moof(traf(before, trun of two 20-tick samples of 3 bytes)) + mdat. */
    private static byte[] fragment(byte[] before) {
        int moofSize = 8 + 8 + before.length + 12 + 8 + 16;
        byte[] trun = TestBoxes.fullBox("trun", 0, 0x301, TestBoxes.u32(2, moofSize + 8, 20, 3, 20, 3));
        return TestBoxes.concat(TestBoxes.box("moof", TestBoxes.box("traf", before, trun)), TestBoxes.box("mdat", new byte[6]));
    }
}
