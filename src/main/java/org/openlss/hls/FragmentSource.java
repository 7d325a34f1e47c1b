package org.openlss.hls;

import java.util.List;
import org.openlss.live.FragmentRef;
import org.openlss.live.LiveTrack;
import org.openlss.mp4.TrackDescription;
import org.openlss.mp4.TrackExtends;

/**
 * The stored fragments of one quality level that TS segments are muxed from: a live track's DVR store, or an archive
 * file, so that live events and archives share one muxer.
 */
public interface FragmentSource {
    TrackDescription description();

    /** The defaults its fragments' {@code moof} may leave out ({@code trex}). */
    TrackExtends defaults();

    /** The fragments that overlap {@code [from, to)}, oldest first. */
    List<FragmentRef> between(long from, long to);

    /** The fragment's {@code moof} and {@code mdat} as stored; null when they are gone. */
    byte[] read(FragmentRef ref);

    /** A live track's fragments, accepted ones included (the lookahead hold-back concerns Smooth's {@code tfrf} only). */
    static FragmentSource of(LiveTrack track) {
        return new FragmentSource() {
            @Override
            public TrackDescription description() {
                return track.description();
            }

            @Override
            public TrackExtends defaults() {
                return track.movieTrack() == null ? TrackExtends.none(track.description().trackId())
                        : track.movieTrack().defaults();
            }

            @Override
            public List<FragmentRef> between(long from, long to) {
                return track.acceptedBetween(from, to);
            }

            @Override
            public byte[] read(FragmentRef ref) {
                return track.read(ref);
            }

            @Override
            public String toString() {
                return track.toString();
            }
        };
    }
}
