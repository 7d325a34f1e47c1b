package org.openlss.mp4;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code mfra} index at the end of an archived fragmented file (archive-and-syndication.md
 * §1.3): one {@code tfra} per track mapping fragment times to moof file offsets, then an
 * {@code mfro} with the size of the whole mfra so readers can find it from the end of the file.
 * Written as tfra version 1 with 1-byte traf/trun/sample numbers (all 1).
 */
public final class MovieFragmentRandomAccess {
    /** Size of the mfro box that ends the file. */
    public static final int MFRO_SIZE = Boxes.HEADER + Boxes.FULL_BOX + 4;
    private static final int TFRA_FIXED = Boxes.HEADER + Boxes.FULL_BOX + 12;
    private static final int ENTRY_V1 = 8 + 8 + 3;

    /** One fragment: its absolute time and the file offset of its moof. */
    public record Entry(long time, long moofOffset) {
    }

    /** The index of one track. */
    public record TrackIndex(int trackId, List<Entry> entries) {
        public TrackIndex {
            entries = List.copyOf(entries);
        }
    }

    private final List<TrackIndex> tracks;

    private MovieFragmentRandomAccess(List<TrackIndex> tracks) {
        this.tracks = List.copyOf(tracks);
    }

    public List<TrackIndex> tracks() {
        return tracks;
    }

    /** The index of a track, or null. */
    public TrackIndex track(int trackId) {
        for (TrackIndex track : tracks) {
            if (track.trackId() == trackId) {
                return track;
            }
        }
        return null;
    }

    /** The complete mfra box (tfra per track, then mfro). */
    public static byte[] write(List<TrackIndex> tracks) {
        long size = Boxes.HEADER + MFRO_SIZE;
        for (TrackIndex track : tracks) {
            size += TFRA_FIXED + (long) ENTRY_V1 * track.entries().size();
        }
        byte[] out = new byte[Math.toIntExact(size)];
        int at = Boxes.header(out, 0, out.length, BoxTypes.MFRA);
        for (TrackIndex track : tracks) {
            int tfraSize = TFRA_FIXED + ENTRY_V1 * track.entries().size();
            at = Boxes.fullBox(out, Boxes.header(out, at, tfraSize, BoxTypes.TFRA), 1, 0);
            Bytes.putU32(out, at, track.trackId());
            Bytes.putU32(out, at + 4, 0); // all number lengths 1 byte
            Bytes.putU32(out, at + 8, track.entries().size());
            at += 12;
            for (Entry entry : track.entries()) {
                Bytes.putU64(out, at, entry.time());
                Bytes.putU64(out, at + 8, entry.moofOffset());
                out[at + 16] = 1;
                out[at + 17] = 1;
                out[at + 18] = 1;
                at += ENTRY_V1;
            }
        }
        at = Boxes.fullBox(out, Boxes.header(out, at, MFRO_SIZE, BoxTypes.MFRO), 0, 0);
        Bytes.putU32(out, at, out.length);
        return out;
    }

    /** Parses a complete mfra box; tfra versions 0 and 1 with any number lengths. */
    public static MovieFragmentRandomAccess parse(byte[] mfra) {
        List<TrackIndex> tracks = new ArrayList<>();
        ChildBoxes children = ChildBoxes.of(mfra, BoxTypes.MFRA);
        while (children.find(BoxTypes.TFRA)) {
            if (tracks.size() == MovieHeader.MAX_TRACKS) {
                throw BoxFormatException.malformed("mfra has more than " + MovieHeader.MAX_TRACKS + " tfra boxes");
            }
            tracks.add(parseTfra(children.payload()));
        }
        return new MovieFragmentRandomAccess(tracks);
    }

    private static TrackIndex parseTfra(FieldReader in) {
        int version = in.u8();
        in.skip(3);
        int trackId = in.i32();
        int lengths = in.i32();
        int numbersLength = ((lengths >> 4) & 3) + ((lengths >> 2) & 3) + (lengths & 3) + 3;
        int entrySize = (version == 1 ? 16 : 8) + numbersLength;
        long count = in.u32();
        if (count * entrySize > in.remaining()) {
            throw BoxFormatException.malformed("tfra number_of_entry " + count + " exceeds the box");
        }
        List<Entry> entries = new ArrayList<>((int) count);
        for (long i = 0; i < count; i++) {
            long time = version == 1 ? in.u64() : in.u32();
            long offset = version == 1 ? in.u64() : in.u32();
            in.skip(numbersLength);
            entries.add(new Entry(time, offset));
        }
        return new TrackIndex(trackId, entries);
    }

    /** The mfra size an mfro box (the last 16 bytes of a file) states, or -1 if those bytes are not an mfro. */
    public static long sizeFromMfro(byte[] last16) {
        if (last16.length != MFRO_SIZE || Bytes.u32(last16, 0) != MFRO_SIZE || Bytes.i32(last16, 4) != BoxTypes.MFRO) {
            return -1;
        }
        return Bytes.u32(last16, 12);
    }
}
