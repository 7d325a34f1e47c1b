package org.openlss.mp4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MovieFragmentRandomAccessTest {
    @Test
    void writesAndReadsBack() {
        List<MovieFragmentRandomAccess.TrackIndex> tracks = List.of(
                new MovieFragmentRandomAccess.TrackIndex(1, List.of(new MovieFragmentRandomAccess.Entry(0, 1792),
                        new MovieFragmentRandomAccess.Entry(20_000_000, 1L << 33))),
                new MovieFragmentRandomAccess.TrackIndex(2, List.of()));
        byte[] mfra = MovieFragmentRandomAccess.write(tracks);
        assertEquals(8 + (24 + 2 * 19) + 24 + 16, mfra.length);
        assertEquals(tracks, MovieFragmentRandomAccess.parse(mfra).tracks());
        assertEquals(mfra.length, MovieFragmentRandomAccess.sizeFromMfro(Arrays.copyOfRange(mfra, mfra.length - 16, mfra.length)));
        // tfra v1, 1-byte traf/trun/sample numbers = 1,1,1
        assertEquals("0000003E7466726101000000000000010000000000000002", Bytes.hex(Arrays.copyOfRange(mfra, 8, 32)));
        assertEquals("010101", Bytes.hex(Arrays.copyOfRange(mfra, 32 + 16, 32 + 19)));
    }

    @Test
    void readsTheMfraFfmpegWrites() {
        byte[] file = Vectors.resource(Vectors.ONDEMAND);
        long size = MovieFragmentRandomAccess.sizeFromMfro(Arrays.copyOfRange(file, file.length - 16, file.length));
        assertEquals(438, size);
        MovieFragmentRandomAccess mfra = MovieFragmentRandomAccess.parse(Arrays.copyOfRange(file, file.length - 438, file.length));
        assertEquals(3, mfra.tracks().size());
        List<Vectors.Expected> expected = Vectors.expected(Vectors.ONDEMAND);
        MovieFragmentRandomAccess.TrackIndex video = mfra.track(1);
        assertEquals(6, video.entries().size());
        assertEquals(expected.get(0).moofOffset(), video.entries().get(0).moofOffset());
        assertEquals(expected.get(3).time(), video.entries().get(1).time());
        assertEquals(expected.get(3).moofOffset(), video.entries().get(1).moofOffset());
    }

    @Test
    void refusesLyingEntryCounts() {
        byte[] mfra = MovieFragmentRandomAccess.write(List.of(new MovieFragmentRandomAccess.TrackIndex(1,
                List.of(new MovieFragmentRandomAccess.Entry(1, 2)))));
        Bytes.putU32(mfra, 8 + 20, 1_000_000);
        assertThrows(BoxFormatException.class, () -> MovieFragmentRandomAccess.parse(mfra));
        assertEquals(-1, MovieFragmentRandomAccess.sizeFromMfro(new byte[16]));
    }
}
