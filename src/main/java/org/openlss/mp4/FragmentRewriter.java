package org.openlss.mp4;

import java.util.List;

/**
 * Turns a stored fragment into the bytes served to clients (smooth-client.md §3.1): inside each
 * traf, drops encoder {@code tfrf}, {@code free} and {@code skip} boxes, inserts the server's
 * tfrf (version 1) right after the tfxd, recomputes traf/moof sizes and adds the moof size change
 * to every trun data_offset. The mdat is copied unchanged. Sizes are computed first and the result
 * is written once into an exactly-sized array.
 * A {@code lookahead} of null means "no tfrf at all" (archive files, on-demand); an empty list
 * writes a tfrf with no entries (live, nothing follows yet).
 */
public final class FragmentRewriter {
    private FragmentRewriter() {
    }

    /** The served moof alone: the FragmentInfo response, or the part written before the stored mdat. */
    public static byte[] moof(byte[] moof, List<Tfrf.Entry> lookahead) {
        int size = moofSize(moof, lookahead);
        byte[] out = new byte[size];
        write(moof, lookahead, size, out, 0);
        return out;
    }

    /** The served fragment: rewritten moof followed by the unchanged mdat, in one array. */
    public static byte[] fragment(byte[] moof, byte[] mdat, List<Tfrf.Entry> lookahead) {
        int size = moofSize(moof, lookahead);
        byte[] out = new byte[size + mdat.length];
        write(moof, lookahead, size, out, 0);
        System.arraycopy(mdat, 0, out, size, mdat.length);
        return out;
    }

    /** Size of the served moof. */
    public static int moofSize(byte[] moof, List<Tfrf.Entry> lookahead) {
        ChildBoxes children = moofChildren(moof);
        int size = Boxes.HEADER;
        while (children.next()) {
            size += children.type() == BoxTypes.TRAF ? trafSize(children.children(0), lookahead) : children.size();
        }
        return size;
    }

    /** Writes the served moof of {@code newSize} (from {@link #moofSize}) at {@code offset}; returns the offset after it. */
    public static int writeMoof(byte[] moof, List<Tfrf.Entry> lookahead, int newSize, byte[] out, int offset) {
        return write(moof, lookahead, newSize, out, offset);
    }

    private static int write(byte[] moof, List<Tfrf.Entry> lookahead, int newSize, byte[] out, int offset) {
        int delta = newSize - moof.length;
        int at = Boxes.header(out, offset, newSize, BoxTypes.MOOF);
        ChildBoxes children = moofChildren(moof);
        while (children.next()) {
            if (children.type() == BoxTypes.TRAF) {
                at = writeTraf(moof, children.children(0), lookahead, delta, out, at);
            } else {
                at = copy(moof, children, out, at);
            }
        }
        return at;
    }

    private static ChildBoxes moofChildren(byte[] moof) {
        return ChildBoxes.of(moof, BoxTypes.MOOF);
    }

    private static boolean dropped(ChildBoxes child) {
        return child.type() == BoxTypes.FREE || child.type() == BoxTypes.SKIP || child.is(SmoothUuid.TFRF);
    }

    private static int trafSize(ChildBoxes traf, List<Tfrf.Entry> lookahead) {
        int size = Boxes.HEADER + (lookahead == null ? 0 : Tfrf.size(lookahead.size()));
        while (traf.next()) {
            if (!dropped(traf)) {
                size += traf.size();
            }
        }
        return size;
    }

    private static int writeTraf(byte[] moof, ChildBoxes traf, List<Tfrf.Entry> lookahead, int delta, byte[] out, int offset) {
        int start = offset;
        int at = offset + Boxes.HEADER;
        boolean tfrfWritten = lookahead == null;
        while (traf.next()) {
            if (dropped(traf)) {
                continue;
            }
            int boxStart = at;
            at = copy(moof, traf, out, at);
            if (traf.type() == BoxTypes.TRUN) {
                shiftDataOffset(out, boxStart, delta);
            } else if (!tfrfWritten && traf.is(SmoothUuid.TFXD)) {
                at = Tfrf.write(lookahead, out, at);
                tfrfWritten = true;
            }
        }
        if (!tfrfWritten) {
            at = Tfrf.write(lookahead, out, at); // no tfxd: the tfrf closes the traf
        }
        Boxes.header(out, start, at - start, BoxTypes.TRAF);
        return at;
    }

    private static int copy(byte[] moof, ChildBoxes child, byte[] out, int at) {
        System.arraycopy(moof, child.offset(), out, at, child.size());
        return at + child.size();
    }

    /** Adds {@code delta} to the data_offset of the (already bounds-checked) trun box at {@code trunOffset}, if it has one. */
    static void shiftDataOffset(byte[] moof, int trunOffset, int delta) {
        long declared = Bytes.u32(moof, trunOffset);
        int header = declared == 1 ? 16 : 8;
        long size = declared == 1 ? Bytes.u64(moof, trunOffset + 8) : declared;
        int payload = trunOffset + header;
        if (size - header < 4) {
            throw BoxFormatException.malformed("trun without version and flags");
        }
        if ((moof[payload + 3] & FragmentSamples.DATA_OFFSET_PRESENT) != 0) {
            if (size - header < 12) {
                throw BoxFormatException.malformed("trun without its data_offset");
            }
            int at = payload + 8; // after version/flags and sample_count
            Bytes.putU32(moof, at, Bytes.i32(moof, at) + delta);
        }
    }
}
