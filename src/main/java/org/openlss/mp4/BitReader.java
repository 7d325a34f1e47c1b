package org.openlss.mp4;

/** MSB-first bit reader for codec configurations (AudioSpecificConfig); overruns are malformed input. */
final class BitReader {
    private final byte[] data;
    private final long limit;
    private long position;
    private final String what;

    BitReader(byte[] data, String what) {
        this.data = data;
        this.limit = (long) data.length * 8;
        this.what = what;
    }

    /** Reads {@code n} (at most 32) bits as an unsigned value. */
    long read(int n) {
        if (n > limit - position) {
            throw BoxFormatException.malformed(what + " is truncated");
        }
        long value = 0;
        for (int i = 0; i < n; i++) {
            int bit = (data[(int) (position >>> 3)] >>> (7 - (int) (position & 7))) & 1;
            value = (value << 1) | bit;
            position++;
        }
        return value;
    }

    int readInt(int n) {
        return (int) read(n);
    }

    long bitsLeft() {
        return limit - position;
    }
}
