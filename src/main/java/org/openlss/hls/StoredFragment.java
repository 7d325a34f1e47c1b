package org.openlss.hls;

import org.openlss.live.FragmentRef;
import org.openlss.live.LiveTrack;
import org.openlss.mp4.Bytes;
import org.openlss.mp4.FragmentSamples;
import org.openlss.mp4.MovieFragment;
import org.openlss.mp4.TrackExtends;

/**
 * A fragment as the live store keeps it ({@code moof} then {@code mdat}, as ingested) with its samples located in
 * those bytes: only the small moof is copied, the media is read in place.
 */
record StoredFragment(FragmentRef ref, byte[] bytes, int moofSize, FragmentSamples samples) {
    private static final int LARGE_SIZE = 1;

    /** Reads and parses the fragment; null when its bytes are gone (left the DVR window). */
    static StoredFragment read(LiveTrack track, FragmentRef ref) {
        byte[] bytes = track.read(ref);
        if (bytes == null) {
            return null;
        }
        int moofSize = (int) Bytes.u32(bytes, 0);
        byte[] moof = java.util.Arrays.copyOf(bytes, moofSize);
        int mdatHeader = Bytes.u32(bytes, moofSize) == LARGE_SIZE ? 16 : 8;
        TrackExtends trex = track.movieTrack() == null ? TrackExtends.none(track.description().trackId())
                : track.movieTrack().defaults();
        FragmentSamples samples = FragmentSamples.parse(moof, MovieFragment.parse(moof).trackFragments().get(0),
                trex, mdatHeader, bytes.length - moofSize);
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
