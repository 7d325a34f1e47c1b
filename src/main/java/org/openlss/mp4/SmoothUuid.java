package org.openlss.mp4;

import java.util.Arrays;

/** The extended types of the Smooth Streaming {@code uuid} boxes (smooth-ingest.md §3.2). */
public enum SmoothUuid {
    LIVE_SERVER_MANIFEST(0xA5D40B30E81411DDL, 0xBA2F0800200C9A66L),
    STREAM_MANIFEST(0x3C2FE51BEFEE40A3L, 0xAE815300199DC348L),
    TFXD(0x6D1D9B0542D544E6L, 0x80E2141DAFF757B2L),
    TFRF(0xD4807EF2CA394695L, 0x8E5426CB9E46A79FL);

    /** Length of a usertype. */
    public static final int LENGTH = 16;

    private final byte[] bytes = new byte[LENGTH];

    SmoothUuid(long high, long low) {
        Bytes.putU64(bytes, 0, high);
        Bytes.putU64(bytes, 8, low);
    }

    /** Whether the 16 bytes at {@code offset} are this uuid; false when they do not fit. */
    public boolean matches(byte[] data, int offset) {
        return offset >= 0 && offset <= data.length - LENGTH
                && Arrays.equals(data, offset, offset + LENGTH, bytes, 0, LENGTH);
    }

    /** Writes the 16 bytes at {@code offset}. */
    public void copyTo(byte[] out, int offset) {
        System.arraycopy(bytes, 0, out, offset, LENGTH);
    }

    /** A copy of the 16 bytes in file order. */
    public byte[] bytes() {
        return bytes.clone();
    }
}
