package org.openlss.mp4;

/**
 * TrackFragmentExtendedHeader ({@code uuid} 6D1D9B05-…): absolute time and duration of a live
 * fragment in the track timescale (smooth-ingest.md §4.5). Written as version 1.
 */
public record Tfxd(long time, long duration) {
    /** Size of the version 1 box. */
    public static final int SIZE = Boxes.UUID_HEADER + Boxes.FULL_BOX + 16;

    public Tfxd {
        if (time < 0 || duration < 0) {
            throw new IllegalArgumentException("tfxd time and duration are below 2^63");
        }
    }

    /**
     * Parses the payload after the usertype. Versions 0 (32-bit) and 1 (64-bit); version 2 is read
     * as version 1 with trailing bytes ignored. A time or duration of 2^63 or more (a negative
     * start time written as two's complement, e.g. AAC priming) is refused.
     */
    public static Tfxd parse(FieldReader in) {
        int version = in.u8();
        in.skip(3);
        long time;
        long duration;
        if (version == 0) {
            time = in.u32();
            duration = in.u32();
        } else if (version == 1 || version == 2) {
            time = in.u64();
            duration = in.u64();
        } else {
            throw BoxFormatException.malformed("tfxd version " + version + " is unknown");
        }
        if (time < 0) {
            throw new NegativeFragmentTimeException("tfxd FragmentAbsoluteTime " + Long.toUnsignedString(time)
                    + " is 2^63 or more: a negative start time (" + time + ") is not supported, start the encoder's timeline at 0 or later");
        }
        if (duration < 0) {
            throw BoxFormatException.malformed("tfxd FragmentDuration " + Long.toUnsignedString(duration) + " is 2^63 or more");
        }
        return new Tfxd(time, duration);
    }

    /** Writes the version 1 box at {@code offset}; returns the offset after it. */
    public int writeTo(byte[] out, int offset) {
        int at = Boxes.fullBox(out, Boxes.uuidHeader(out, offset, SIZE, SmoothUuid.TFXD), 1, 0);
        Bytes.putU64(out, at, time);
        Bytes.putU64(out, at + 8, duration);
        return offset + SIZE;
    }

    /** The version 1 box. */
    public byte[] toBox() {
        byte[] out = new byte[SIZE];
        writeTo(out, 0);
        return out;
    }
}
