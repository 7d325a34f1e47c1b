package org.openlss.mp4;

/**
 * Gives a stored fragment a new place on the live timeline, as a push encoder replaying a file must: the moof's single
 * traf gets a version 1 {@code tfxd} with the new time and duration (replacing any tfxd, added after the tfhd when the
 * file had none, as IIS on-demand files do), a {@code tfdt} is moved to the same time, {@code tfrf}, {@code free} and
 * {@code skip} are dropped, and the trun data offsets follow the moof's change of size. The mdat is not touched.
 */
public final class FragmentRetimer {
    private FragmentRetimer() {
    }

    /** The moof with its traf timed at {@code time} for {@code duration} (track timescale). */
    public static byte[] retime(byte[] moof, long time, long duration) {
        MovieFragment parsed = MovieFragment.parse(moof);
        if (parsed.trackFragments().size() != 1) {
            throw BoxFormatException.malformed("a moof with " + parsed.trackFragments().size()
                    + " traf boxes cannot be retimed; Smooth fragments carry one track each");
        }
        TrackFragment traf = parsed.trackFragments().get(0);
        Tfxd tfxd = new Tfxd(time, duration);
        int trafSize = Boxes.HEADER + Tfxd.SIZE;
        ChildBoxes children = traf.children(moof);
        while (children.next()) {
            if (!dropped(children)) {
                trafSize += children.size();
            }
        }
        int moofSize = moof.length - traf.size() + trafSize;
        int delta = moofSize - moof.length;
        byte[] out = new byte[moofSize];
        int at = Boxes.header(out, 0, moofSize, BoxTypes.MOOF);
        ChildBoxes top = ChildBoxes.of(moof, BoxTypes.MOOF);
        while (top.next()) {
            if (top.type() == BoxTypes.TRAF) {
                at = writeTraf(moof, traf, tfxd, trafSize, delta, out, at);
            } else {
                System.arraycopy(moof, top.offset(), out, at, top.size());
                at += top.size();
            }
        }
        return out;
    }

    private static int writeTraf(byte[] moof, TrackFragment traf, Tfxd tfxd, int trafSize, int delta, byte[] out, int offset) {
        int at = Boxes.header(out, offset, trafSize, BoxTypes.TRAF);
        ChildBoxes children = traf.children(moof);
        boolean tfxdWritten = false;
        while (children.next()) {
            if (dropped(children)) {
                continue;
            }
            int boxStart = at;
            System.arraycopy(moof, children.offset(), out, at, children.size());
            at += children.size();
            if (children.type() == BoxTypes.TRUN) {
                FragmentRewriter.shiftDataOffset(out, boxStart, delta);
            } else if (children.type() == BoxTypes.TFDT) {
                moveDecodeTime(out, boxStart, children.headerSize(), tfxd.time());
            } else if (children.type() == BoxTypes.TFHD) {
                at = tfxd.writeTo(out, at); // the tfxd right after the tfhd, where encoders put it
                tfxdWritten = true;
            }
        }
        if (!tfxdWritten) {
            throw BoxFormatException.malformed("traf without tfhd");
        }
        return at;
    }

    /** A tfxd is replaced, not copied; tfrf look-ahead belongs to the server; padding has no use on the wire. */
    private static boolean dropped(ChildBoxes child) {
        return child.is(SmoothUuid.TFXD) || child.is(SmoothUuid.TFRF)
                || child.type() == BoxTypes.FREE || child.type() == BoxTypes.SKIP;
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
}
