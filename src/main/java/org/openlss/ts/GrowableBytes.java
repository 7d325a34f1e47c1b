package org.openlss.ts;

import java.util.Arrays;

/** A byte array the muxer writes into directly (no per-byte calls). */
final class GrowableBytes {
    /** The largest array a JVM reliably allocates. */
    static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;

    byte[] array;
    int size;

    GrowableBytes(int initialCapacity) {
        array = new byte[initialCapacity];
    }

    /** Makes room for {@code extra} more bytes after {@link #size}. */
    void ensure(int extra) {
        long needed = (long) size + extra;
        if (needed > MAX_CAPACITY) {
            throw new TsInputException("output larger than " + MAX_CAPACITY + " bytes");
        }
        if (needed > array.length) {
            array = Arrays.copyOf(array, (int) Math.max(needed, Math.min(MAX_CAPACITY, 2L * array.length)));
        }
    }

    void append(byte[] source, int offset, int length) {
        ensure(length);
        System.arraycopy(source, offset, array, size, length);
        size += length;
    }

    byte[] toArray() {
        return Arrays.copyOf(array, size);
    }
}
