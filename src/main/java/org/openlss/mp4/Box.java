package org.openlss.mp4;

/**
 * One complete top-level box as delivered by {@link BoxReader}: the bytes include the header.
 * The array is handed over, not copied: treat it as immutable.
 */
public final class Box {
    private final int type;
    private final byte[] uuid;
    private final byte[] bytes;
    private final int headerSize;

    Box(int type, byte[] uuid, byte[] bytes, int headerSize) {
        this.type = type;
        this.uuid = uuid;
        this.bytes = bytes;
        this.headerSize = headerSize;
    }

    /** Wraps a complete box held in {@code bytes} (e.g. one read from a file), validating its header. */
    public static Box of(byte[] bytes) {
        ChildBoxes box = new ChildBoxes(bytes, 0, bytes.length);
        if (!box.next() || box.size() != bytes.length) {
            throw BoxFormatException.malformed("not exactly one box");
        }
        byte[] uuid = null;
        if (box.isUuid()) {
            uuid = new byte[SmoothUuid.LENGTH];
            System.arraycopy(bytes, box.payloadOffset() - SmoothUuid.LENGTH, uuid, 0, SmoothUuid.LENGTH);
        }
        return new Box(box.type(), uuid, bytes, box.headerSize());
    }

    /** The box type as a {@link FourCC} int. */
    public int type() {
        return type;
    }

    /** The 16-byte usertype of a {@code uuid} box, null for other types. */
    public byte[] uuid() {
        return uuid == null ? null : uuid.clone();
    }

    /** Whether this is a {@code uuid} box with that usertype. */
    public boolean is(SmoothUuid smoothUuid) {
        return uuid != null && smoothUuid.matches(uuid, 0);
    }

    /** The whole box, header included (not a copy). */
    public byte[] bytes() {
        return bytes;
    }

    public int size() {
        return bytes.length;
    }

    /** Header length: 8, 16 with largesize, plus 16 for a usertype. */
    public int headerSize() {
        return headerSize;
    }

    @Override
    public String toString() {
        return FourCC.toString(type) + "[" + bytes.length + "]";
    }
}
