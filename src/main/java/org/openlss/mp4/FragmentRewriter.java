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
 *
 * <p>The same rewrite gives a stored fragment a new place on the live timeline, as a push encoder replaying a file
 * must ({@link #retimed}): the encoder's tfxd is replaced by one (version 1) right after the tfhd (added where IIS
 * on-demand files have none), and a tfdt is moved to the same time.
 */
public final class FragmentRewriter {
    private FragmentRewriter() {
    }

    /** The served moof alone: the FragmentInfo response, or the part written before the stored mdat. */
    public static byte[] moof(byte[] moof, List<Tfrf.Entry> lookahead) {
        int size = moofSize(moof, lookahead);
        byte[] out = new byte[size];
        writeMoof(moof, lookahead, size, out, 0);
        return out;
    }

    /** The served fragment: rewritten moof followed by the unchanged mdat, in one array. */
    public static byte[] fragment(byte[] moof, byte[] mdat, List<Tfrf.Entry> lookahead) {
        int size = moofSize(moof, lookahead);
        byte[] out = new byte[size + mdat.length];
        writeMoof(moof, lookahead, size, out, 0);
        System.arraycopy(mdat, 0, out, size, mdat.length);
        return out;
    }

    /** Size of the served moof. */
    public static int moofSize(byte[] moof, List<Tfrf.Entry> lookahead) {
        return moofSize(moof, lookahead, null);
    }

    /** Writes the served moof of {@code newSize} (from {@link #moofSize}) at {@code offset}; returns the offset after it. */
    public static int writeMoof(byte[] moof, List<Tfrf.Entry> lookahead, int newSize, byte[] out, int offset) {
        return write(moof, lookahead, null, newSize, out, offset);
    }

    /** The moof with its single traf timed at {@code time} for {@code duration} (track timescale), without tfrf. */
    public static byte[] retimed(byte[] moof, long time, long duration) {
        int trafs = MovieFragment.parse(moof).trackFragments().size();
        if (trafs != 1) {
            throw BoxFormatException.malformed("a moof with " + trafs
                    + " traf boxes cannot be retimed; Smooth fragments carry one track each");
        }
        Tfxd timing = new Tfxd(time, duration);
        int size = moofSize(moof, null, timing);
        byte[] out = new byte[size];
        write(moof, null, timing, size, out, 0);
        return out;
    }

    private static int moofSize(byte[] moof, List<Tfrf.Entry> lookahead, Tfxd timing) {
        ChildBoxes children = moofChildren(moof);
        int size = Boxes.HEADER;
        while (children.next()) {
            size += children.type() == BoxTypes.TRAF ? trafSize(children.children(0), lookahead, timing)
                    : children.size();
        }
        return size;
    }

    private static int write(byte[] moof, List<Tfrf.Entry> lookahead, Tfxd timing, int newSize, byte[] out,
                             int offset) {
        int delta = newSize - moof.length;
        int at = Boxes.header(out, offset, newSize, BoxTypes.MOOF);
        ChildBoxes children = moofChildren(moof);
        while (children.next()) {
            if (children.type() == BoxTypes.TRAF) {
                at = writeTraf(moof, children.children(0), lookahead, timing, delta, out, at);
            } else {
                at = copy(moof, children, out, at);
            }
        }
        return at;
    }

    private static ChildBoxes moofChildren(byte[] moof) {
        return ChildBoxes.of(moof, BoxTypes.MOOF);
    }

    /** The server's tfrf replaces the encoder's; a new timing replaces the tfxd; padding has no use on the wire. */
    private static boolean dropped(ChildBoxes child, Tfxd timing) {
        return child.type() == BoxTypes.FREE || child.type() == BoxTypes.SKIP || child.is(SmoothUuid.TFRF)
                || timing != null && child.is(SmoothUuid.TFXD);
    }

    private static int trafSize(ChildBoxes traf, List<Tfrf.Entry> lookahead, Tfxd timing) {
        int size = Boxes.HEADER + (lookahead == null ? 0 : Tfrf.size(lookahead.size()))
                + (timing == null ? 0 : Tfxd.SIZE);
        while (traf.next()) {
            if (!dropped(traf, timing)) {
                size += traf.size();
            }
        }
        return size;
    }

    private static int writeTraf(byte[] moof, ChildBoxes traf, List<Tfrf.Entry> lookahead, Tfxd timing, int delta,
                                 byte[] out, int offset) {
        int start = offset;
        int at = offset + Boxes.HEADER;
        boolean tfrfWritten = lookahead == null;
        boolean timed = timing == null;
        while (traf.next()) {
            if (dropped(traf, timing)) {
                continue;
            }
            int boxStart = at;
            at = copy(moof, traf, out, at);
            boolean tfxd = traf.is(SmoothUuid.TFXD);
            if (traf.type() == BoxTypes.TRUN) {
                shiftDataOffset(out, boxStart, delta);
            } else if (timing != null && traf.type() == BoxTypes.TFDT) {
                moveDecodeTime(out, boxStart, traf.headerSize(), timing.time());
            } else if (timing != null && traf.type() == BoxTypes.TFHD) {
                at = timing.writeTo(out, at); // right after the tfhd, where encoders put it
                timed = true;
                tfxd = true;
            }
            if (!tfrfWritten && tfxd) {
                at = Tfrf.write(lookahead, out, at);
                tfrfWritten = true;
            }
        }
        if (!timed) {
            throw BoxFormatException.malformed("traf without tfhd");
        }
        if (!tfrfWritten) {
            at = Tfrf.write(lookahead, out, at); // no tfxd: the tfrf closes the traf
        }
        Boxes.header(out, start, at - start, BoxTypes.TRAF);
        return at;
    }

    private static void moveDecodeTime(byte[] out, int box, int headerSize, long time) {
        int payload = box + headerSize;
        if (out[payload] == 1) {
            Bytes.putU64(out, payload + Boxes.FULL_BOX, time);
        } else if (time <= 0xFFFF_FFFFL) {
            Bytes.putU32(out, payload + Boxes.FULL_BOX, time);
        } else {
            throw BoxFormatException.malformed("time " + time + " does not fit the fragment's 32-bit tfdt");
        }
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
