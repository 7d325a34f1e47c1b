package org.openlss.mp4;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The parts of a {@code moov} a Smooth server needs: movie timescale and one {@link TrackHeader} per trak. */
public final class MovieHeader {
    /** More tracks than this in one stream is not a real encoder. */
    public static final int MAX_TRACKS = 64;

    private final long timescale;
    private final List<TrackHeader> tracks;

    private MovieHeader(long timescale, List<TrackHeader> tracks) {
        this.timescale = timescale;
        this.tracks = List.copyOf(tracks);
    }

    /** Parses a complete {@code moov} box (header included). */
    public static MovieHeader parse(byte[] moov) {
        ChildBoxes top = new ChildBoxes(moov, 0, moov.length);
        if (!top.next() || top.type() != BoxTypes.MOOV || top.size() != moov.length) {
            throw BoxFormatException.badHeaders("not a moov box");
        }
        long timescale = 0;
        List<TrackHeader> tracks = new ArrayList<>();
        Map<Integer, TrackExtends> defaults = new HashMap<>();
        ChildBoxes children = top.children(0);
        while (children.next()) {
            if (children.type() == BoxTypes.MVHD) {
                FieldReader in = children.payload();
                int version = in.u8();
                in.skip(3 + (version == 1 ? 16 : 8));
                timescale = in.u32();
            } else if (children.type() == BoxTypes.TRAK) {
                if (tracks.size() == MAX_TRACKS) {
                    throw BoxFormatException.badHeaders("moov has more than " + MAX_TRACKS + " tracks");
                }
                TrackHeader track = TrackHeader.parse(children);
                for (TrackHeader other : tracks) {
                    if (other.trackId() == track.trackId()) {
                        throw BoxFormatException.badHeaders("moov declares track_ID " + track.trackId() + " twice");
                    }
                }
                tracks.add(track);
            } else if (children.type() == BoxTypes.MVEX) {
                ChildBoxes mvex = children.children(0);
                while (mvex.find(BoxTypes.TREX)) {
                    TrackExtends trex = TrackExtends.parse(mvex.payload());
                    defaults.put(trex.trackId(), trex);
                }
            }
        }
        if (tracks.isEmpty()) {
            throw BoxFormatException.badHeaders("moov declares no track");
        }
        tracks.replaceAll(t -> defaults.containsKey(t.trackId()) ? t.withDefaults(defaults.get(t.trackId())) : t);
        return new MovieHeader(timescale, tracks);
    }

    /** mvhd timescale. */
    public long timescale() {
        return timescale;
    }

    /** The tracks in moov order. */
    public List<TrackHeader> tracks() {
        return tracks;
    }

    /** The track with this track_ID, or null. */
    public TrackHeader track(int trackId) {
        for (TrackHeader track : tracks) {
            if (track.trackId() == trackId) {
                return track;
            }
        }
        return null;
    }
}
