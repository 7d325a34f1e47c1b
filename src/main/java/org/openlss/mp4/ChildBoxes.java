package org.openlss.mp4;

/**
 * Walks the boxes laid one after another in {@code data[from, to)} (the payload of a container
 * box), checking each header against the container's end. Allocation-free: the current box is
 * described by the accessors, valid until the next {@link #next()}.
 */
public final class ChildBoxes {
    private final byte[] data;
    private final int end;
    private int next;
    private int offset = -1;
    private int size;
    private int type;
    private int headerSize;

    public ChildBoxes(byte[] data, int from, int to) {
        if (from < 0 || to > data.length || from > to) {
            throw BoxFormatException.malformed("container extent outside the data");
        }
        this.data = data;
        this.next = from;
        this.end = to;
    }

    /** The children of the single box of {@code type} that spans all of {@code box}. */
    public static ChildBoxes of(byte[] box, int type) {
        ChildBoxes top = new ChildBoxes(box, 0, box.length);
        if (!top.next() || top.type() != type || top.size() != box.length) {
            throw BoxFormatException.malformed("not a single " + FourCC.toString(type) + " box");
        }
        return top.children(0);
    }

    /** Advances to the next child; false at the end of the container. */
    public boolean next() {
        if (next >= end) {
            return false;
        }
        int room = end - next;
        if (room < 8) {
            throw BoxFormatException.malformed("truncated box header inside a container");
        }
        long declared = Bytes.u32(data, next);
        int header = 8;
        type = Bytes.i32(data, next + 4);
        if (declared == 1) {
            if (room < 16) {
                throw BoxFormatException.malformed("truncated largesize box header");
            }
            declared = Bytes.u64(data, next + 8);
            header = 16;
        } else if (declared == 0) {
            throw BoxFormatException.malformed("box " + FourCC.toString(type) + " with size 0 inside a container");
        }
        if (type == BoxTypes.UUID) {
            header += SmoothUuid.LENGTH;
        }
        if (declared < header || declared > room) {
            throw BoxFormatException.malformed("box " + FourCC.toString(type) + " size " + declared
                    + " does not fit its container (" + room + " bytes left)");
        }
        offset = next;
        size = (int) declared;
        headerSize = header;
        next += size;
        return true;
    }

    /** Advances to the next child of {@code wanted} type; false if there is none. */
    public boolean find(int wanted) {
        while (next()) {
            if (type == wanted) {
                return true;
            }
        }
        return false;
    }

    public int type() {
        return type;
    }

    public int offset() {
        return offset;
    }

    public int size() {
        return size;
    }

    public int end() {
        return offset + size;
    }

    /** Header length including largesize and usertype. */
    public int headerSize() {
        return headerSize;
    }

    public int payloadOffset() {
        return offset + headerSize;
    }

    /** Whether the current child is a {@code uuid} box with this usertype. */
    public boolean is(SmoothUuid uuid) {
        return type == BoxTypes.UUID && uuid.matches(data, payloadOffset() - SmoothUuid.LENGTH);
    }

    /** Whether the current child is a {@code uuid} box with some other (or no Smooth) usertype. */
    public boolean isUuid() {
        return type == BoxTypes.UUID;
    }

    /** A reader over the current child's payload. */
    public FieldReader payload() {
        return new FieldReader(data, payloadOffset(), end(), FourCC.toString(type));
    }

    /** The children of the current child, {@code skip} bytes after its header (e.g. 4 for a FullBox, 8 for stsd). */
    public ChildBoxes children(int skip) {
        if (skip > size - headerSize) {
            throw BoxFormatException.malformed("box " + FourCC.toString(type) + " is truncated");
        }
        return new ChildBoxes(data, payloadOffset() + skip, end());
    }
}
