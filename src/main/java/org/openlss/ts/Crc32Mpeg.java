package org.openlss.ts;

/**
 * The CRC-32 of MPEG-2 PSI sections (ISO/IEC 13818-1 Annex A): polynomial 0x04C11DB7, initial value 0xFFFFFFFF,
 * most significant bit first, no final XOR. Not {@link java.util.zip.CRC32}, which is the reflected variant.
 */
public final class Crc32Mpeg {
    private static final int POLYNOMIAL = 0x04C11DB7;
    private static final int[] TABLE = table();

    private Crc32Mpeg() {
    }

    public static int compute(byte[] data, int offset, int length) {
        int crc = 0xFFFFFFFF;
        for (int i = offset, end = offset + length; i < end; i++) {
            crc = (crc << 8) ^ TABLE[((crc >>> 24) ^ data[i]) & 0xFF];
        }
        return crc;
    }

    private static int[] table() {
        int[] table = new int[256];
        for (int n = 0; n < 256; n++) {
            int c = n << 24;
            for (int bit = 0; bit < 8; bit++) {
                c = (c & 0x80000000) != 0 ? (c << 1) ^ POLYNOMIAL : c << 1;
            }
            table[n] = c;
        }
        return table;
    }
}
