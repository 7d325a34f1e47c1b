package org.openlss.mp4;

import java.util.Arrays;

/**
 * One {@code traf} of a {@link MovieFragment}: where it lies in the moof bytes, its {@code tfhd},
 * its timing boxes and where its {@code trun} boxes are. Offsets count from the first byte of the moof.
 */
public final class TrackFragment {
    /** More truns than this in one traf is not a real encoder. */
    public static final int MAX_TRUNS = 64;

    private final int offset;
    private final int size;
    private final int headerSize;
    private final TrackFragmentHeader header;
    private final Tfxd tfxd;
    private final long baseMediaDecodeTime;
    private final int[] trunOffsets;

    private TrackFragment(int offset, int size, int headerSize, TrackFragmentHeader header, Tfxd tfxd, long baseMediaDecodeTime,
                          int[] trunOffsets) {
        this.offset = offset;
        this.size = size;
        this.headerSize = headerSize;
        this.header = header;
        this.tfxd = tfxd;
        this.baseMediaDecodeTime = baseMediaDecodeTime;
        this.trunOffsets = trunOffsets;
    }

    /** Parses the traf the cursor stands on. */
    static TrackFragment parse(ChildBoxes traf) {
        TrackFragmentHeader header = null;
        Tfxd tfxd = null;
        long decodeTime = -1;
        int[] truns = new int[4];
        int trunCount = 0;
        ChildBoxes children = traf.children(0);
        while (children.next()) {
            int type = children.type();
            if (type == BoxTypes.TFHD) {
                header = TrackFragmentHeader.parse(children.payload());
            } else if (type == BoxTypes.TRUN) {
                if (trunCount == MAX_TRUNS) {
                    throw BoxFormatException.malformed("traf has more than " + MAX_TRUNS + " trun boxes");
                }
                if (trunCount == truns.length) {
                    truns = Arrays.copyOf(truns, truns.length * 2);
                }
                truns[trunCount++] = children.offset();
            } else if (type == BoxTypes.TFDT) {
                FieldReader in = children.payload();
                int version = in.u8();
                in.skip(3);
                decodeTime = version == 1 ? in.u64() : in.u32();
                if (decodeTime < 0) {
                    throw BoxFormatException.malformed("tfdt baseMediaDecodeTime is 2^63 or more");
                }
            } else if (children.is(SmoothUuid.TFXD)) {
                tfxd = Tfxd.parse(children.payload());
            }
        }
        if (header == null) {
            throw BoxFormatException.malformed("traf without tfhd");
        }
        return new TrackFragment(traf.offset(), traf.size(), traf.headerSize(), header, tfxd, decodeTime,
                Arrays.copyOf(truns, trunCount));
    }

    public int trackId() {
        return header.trackId();
    }

    /** Offset of the traf box in the moof. */
    public int offset() {
        return offset;
    }

    public int size() {
        return size;
    }

    /** The boxes inside this traf, in the moof it was parsed from. */
    public ChildBoxes children(byte[] moof) {
        return new ChildBoxes(moof, offset + headerSize, offset + size);
    }

    public TrackFragmentHeader header() {
        return header;
    }

    /** The Smooth timing box, null when absent. */
    public Tfxd tfxd() {
        return tfxd;
    }

    /** tfdt baseMediaDecodeTime, -1 when absent. */
    public long baseMediaDecodeTime() {
        return baseMediaDecodeTime;
    }

    public int trunCount() {
        return trunOffsets.length;
    }

    /** Offset of the i-th trun box in the moof. */
    public int trunOffset(int i) {
        return trunOffsets[i];
    }
}
