package org.openlss.mp4;

import java.util.ArrayList;
import java.util.List;

/** The structure of a {@code moof}: its mfhd sequence number and its {@link TrackFragment}s. */
public final class MovieFragment {
    /** More trafs than tracks a stream may declare is malformed. */
    public static final int MAX_TRACK_FRAGMENTS = MovieHeader.MAX_TRACKS;

    private final long sequenceNumber;
    private final List<TrackFragment> trackFragments;

    private MovieFragment(long sequenceNumber, List<TrackFragment> trackFragments) {
        this.sequenceNumber = sequenceNumber;
        this.trackFragments = List.copyOf(trackFragments);
    }

    /** Parses a complete {@code moof} box (header included); it must hold at least one traf. */
    public static MovieFragment parse(byte[] moof) {
        long sequence = 0;
        List<TrackFragment> trafs = new ArrayList<>(1);
        ChildBoxes children = ChildBoxes.of(moof, BoxTypes.MOOF);
        while (children.next()) {
            if (children.type() == BoxTypes.MFHD) {
                FieldReader in = children.payload();
                in.skip(4);
                sequence = in.u32();
            } else if (children.type() == BoxTypes.TRAF) {
                if (trafs.size() == MAX_TRACK_FRAGMENTS) {
                    throw BoxFormatException.malformed("moof has more than " + MAX_TRACK_FRAGMENTS + " traf boxes");
                }
                trafs.add(TrackFragment.parse(children));
            }
        }
        if (trafs.isEmpty()) {
            throw BoxFormatException.malformed("moof without traf");
        }
        return new MovieFragment(sequence, trafs);
    }

    /** mfhd sequence_number, 0 without mfhd. */
    public long sequenceNumber() {
        return sequenceNumber;
    }

    public List<TrackFragment> trackFragments() {
        return trackFragments;
    }
}
