package org.openlss.mp4;

/**
 * The largest top-level box {@link BoxReader} will buffer, per type. A declared size above its limit
 * is refused before any allocation. Boxes of other types are skipped without buffering, up to the
 * mdat limit.
 */
public record BoxLimits(int ftyp, int uuid, int moov, int moof, int mdat, int mfra) {
    private static final int KIB = 1024;
    private static final int MIB = 1024 * KIB;

    /** ftyp 4 KiB, uuid 1 MiB, moov 4 MiB, moof 4 MiB, mdat 64 MiB, mfra 16 MiB. */
    public static final BoxLimits DEFAULTS = new BoxLimits(4 * KIB, MIB, 4 * MIB, 4 * MIB, 64 * MIB, 16 * MIB);

    public BoxLimits {
        if (ftyp < 8 || uuid < 24 || moov < 8 || moof < 8 || mdat < 8 || mfra < 8) {
            throw new IllegalArgumentException("a limit is smaller than a box header");
        }
    }

    /** The buffering limit for {@code type}, or -1 when boxes of that type are skipped. */
    public int limitFor(int type) {
        if (type == BoxTypes.MDAT) {
            return mdat;
        } else if (type == BoxTypes.MOOF) {
            return moof;
        } else if (type == BoxTypes.UUID) {
            return uuid;
        } else if (type == BoxTypes.MOOV) {
            return moov;
        } else if (type == BoxTypes.FTYP) {
            return ftyp;
        } else if (type == BoxTypes.MFRA) {
            return mfra;
        }
        return -1;
    }

    /** The largest box that is skipped unbuffered. */
    public long skipLimit() {
        return mdat;
    }
}
