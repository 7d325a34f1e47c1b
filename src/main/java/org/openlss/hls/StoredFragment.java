package org.openlss.hls;

import org.openlss.live.FragmentRef;
import org.openlss.mp4.Bytes;
import org.openlss.mp4.FragmentSamples;
import org.openlss.mp4.MovieFragment;

/**
 * A fragment as the live store or an archive file keeps it ({@code moof} then {@code mdat}, as ingested) with its
 * samples located in those bytes: only the small moof is copied, the media is read in place.
 */
record StoredFragment(FragmentRef ref, byte[] bytes, int moofSize, FragmentSamples samples) {
    private static final int LARGE_SIZE = 1;

    /** Reads and parses the fragment; null when its bytes are gone (left the DVR window). */
    static StoredFragment read(FragmentSource track, FragmentRef ref) {
        byte[] bytes = track.read(ref);
        if (bytes == null) {
            return null;
        }
        int moofSize = (int) Bytes.u32(bytes, 0);
        byte[] moof = java.util.Arrays.copyOf(bytes, moofSize);
        int mdatHeader = Bytes.u32(bytes, moofSize) == LARGE_SIZE ? 16 : 8;
        FragmentSamples samples = FragmentSamples.parse(moof, MovieFragment.parse(moof).trackFragments().get(0),
                track.defaults(), mdatHeader, bytes.length - moofSize);
        return new StoredFragment(ref, bytes, moofSize, samples);
    }

    /** Where sample {@code i}'s bytes start in {@link #bytes()}. */
    int offset(int i) {
        return moofSize + samples.mdatOffset(i);
    }

    /** Decode time of sample {@code i} in the track timescale. */
    long decodeTime(int i) {
        return ref.time() + samples.decodeOffset(i);
    }
}
