package org.openlss.mp4;

/** Writers of box headers into exactly-sized arrays: callers compute sizes first, then fill once. */
public final class Boxes {
    /** size + type. */
    public static final int HEADER = 8;
    /** size + type + usertype. */
    public static final int UUID_HEADER = HEADER + SmoothUuid.LENGTH;
    /** version + flags of a FullBox. */
    public static final int FULL_BOX = 4;

    private Boxes() {
    }

    /** Writes a compact header; returns the offset of the payload. */
    public static int header(byte[] out, int offset, int size, int type) {
        Bytes.putU32(out, offset, size);
        Bytes.putU32(out, offset + 4, type);
        return offset + HEADER;
    }

    /** Writes a {@code uuid} header with a Smooth usertype; returns the offset of the payload. */
    public static int uuidHeader(byte[] out, int offset, int size, SmoothUuid uuid) {
        header(out, offset, size, BoxTypes.UUID);
        uuid.copyTo(out, offset + HEADER);
        return offset + UUID_HEADER;
    }

    /** Writes FullBox version and flags; returns the next offset. */
    public static int fullBox(byte[] out, int offset, int version, int flags) {
        Bytes.putU32(out, offset, ((long) version << 24) | (flags & 0xFFFFFF));
        return offset + FULL_BOX;
    }

    /** A complete box of {@code type} around a copy of {@code payload}. */
    public static byte[] box(int type, byte[] payload) {
        byte[] out = new byte[HEADER + payload.length];
        System.arraycopy(payload, 0, out, header(out, 0, out.length, type), payload.length);
        return out;
    }
}
