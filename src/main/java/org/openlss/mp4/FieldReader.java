package org.openlss.mp4;

/**
 * A cursor over the fields of one box (or descriptor): every read is checked against the end of
 * that box, so a lying size or count becomes a {@link BoxFormatException} and never an
 * ArrayIndexOutOfBoundsException.
 */
public final class FieldReader {
    private final byte[] data;
    private final int limit;
    private final String what;
    private int position;

    /** Reads {@code data[from, to)}; {@code what} names the box in error messages. */
    public FieldReader(byte[] data, int from, int to, String what) {
        if (from < 0 || to > data.length || from > to) {
            throw BoxFormatException.malformed(what + ": extent outside its container");
        }
        this.data = data;
        this.position = from;
        this.limit = to;
        this.what = what;
    }

    public int remaining() {
        return limit - position;
    }

    private int take(int n) {
        if (n < 0 || n > limit - position) {
            throw BoxFormatException.malformed(what + " is truncated");
        }
        int at = position;
        position += n;
        return at;
    }

    public void skip(int n) {
        take(n);
    }

    public int u8() {
        return data[take(1)] & 0xFF;
    }

    /** The next byte, without consuming it. */
    public int peekU8() {
        int at = take(1);
        position = at;
        return data[at] & 0xFF;
    }

    public int u16() {
        return Bytes.u16(data, take(2));
    }

    /** A u32 as a Java int (for flags and signed fields). */
    public int i32() {
        return Bytes.i32(data, take(4));
    }

    public long u32() {
        return Bytes.u32(data, take(4));
    }

    /** A u32 that is a count or size: must fit {@code max}, checked before anyone allocates by it. */
    public int u32Within(int max, String field) {
        long v = u32();
        if (v > max) {
            throw BoxFormatException.malformed(what + ": " + field + " " + v + " exceeds the limit " + max);
        }
        return (int) v;
    }

    public long u64() {
        return Bytes.u64(data, take(8));
    }

    /** Consumes the next {@code n} bytes and returns a reader over just them (a nested structure). */
    public FieldReader sub(int n) {
        int at = take(n);
        return new FieldReader(data, at, at + n, what);
    }

    /** A copy of the next {@code n} bytes. */
    public byte[] bytes(int n) {
        int at = take(n);
        byte[] copy = new byte[n];
        System.arraycopy(data, at, copy, 0, n);
        return copy;
    }
}
