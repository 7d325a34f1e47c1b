package org.openlss.mp4;

import java.util.HexFormat;

/**
 * Big-endian access to byte arrays, for code that has already checked its bounds (writers, and
 * readers working inside a box whose extent {@link ChildBoxes} or {@link FieldReader} validated).
 */
public final class Bytes {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private Bytes() {
    }

    public static int u16(byte[] b, int off) {
        return ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF);
    }

    /** The u32 as a Java int (may be negative); use {@link #u32(byte[], int)} for the unsigned value. */
    public static int i32(byte[] b, int off) {
        return ((b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
    }

    public static long u32(byte[] b, int off) {
        return i32(b, off) & 0xFFFF_FFFFL;
    }

    public static long u64(byte[] b, int off) {
        return ((long) i32(b, off) << 32) | u32(b, off + 4);
    }

    public static void putU16(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 8);
        b[off + 1] = (byte) v;
    }

    public static void putU32(byte[] b, int off, long v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }

    public static void putU64(byte[] b, int off, long v) {
        putU32(b, off, v >>> 32);
        putU32(b, off + 4, v);
    }

    /** Upper-case hex, the convention of CodecPrivateData. */
    public static String hex(byte[] b) {
        return HEX.formatHex(b);
    }

    /** Parses hex of either case; bad input is a {@link BoxFormatException} (400) naming {@code what}. */
    public static byte[] parseHex(String hex, String what) {
        String trimmed = hex.strip();
        if ((trimmed.length() & 1) != 0) {
            throw BoxFormatException.malformed(what + " is not a hex string (odd length)");
        }
        try {
            return HEX.parseHex(trimmed);
        } catch (IllegalArgumentException e) {
            throw BoxFormatException.malformed(what + " is not a hex string");
        }
    }
}
