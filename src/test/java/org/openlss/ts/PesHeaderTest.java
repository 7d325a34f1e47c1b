package org.openlss.ts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PesHeaderTest {
    @Test
    void timestampEncodingsFollowTheSpecFormula() {
        assertArrayEquals(bytes(0x21, 0x00, 0x01, 0x00, 0x01), timestamp(2, 0));
        assertArrayEquals(bytes(0x21, 0x00, 0x01, 0x00, 0x03), timestamp(2, 1));
        assertArrayEquals(bytes(0x29, 0x00, 0x01, 0x00, 0x01), timestamp(2, 1L << 32));
        assertArrayEquals(bytes(0x2F, 0xFF, 0xFF, 0xFF, 0xFF), timestamp(2, (1L << 33) - 1));
        assertArrayEquals(bytes(0x31, 0x00, 0x01, 0x00, 0x01), timestamp(3, 0));
        assertArrayEquals(bytes(0x11, 0x00, 0x05, 0xBF, 0x21), timestamp(1, 90_000)); // 1 s
    }

    @Test
    void timestampsWrapAt33Bits() {
        assertArrayEquals(timestamp(2, 0), timestamp(2, 1L << 33));
        assertArrayEquals(timestamp(2, 12_345), timestamp(2, (5L << 33) + 12_345));
    }

    @Test
    void timestampsRoundTrip() {
        for (long ts : new long[] {0, 1, 90_000, 1L << 29, (1L << 30) + 7, 1L << 32, (1L << 33) - 2}) {
            assertEquals(ts, TsReader.timestamp(timestamp(2, ts), 0, 2));
        }
    }

    @Test
    void audioHeaderGivesTheRealLengthAndPtsOnly() {
        byte[] b = new byte[PesHeader.MAX_SIZE + 100];
        int start = PesHeader.write(b, PesHeader.MAX_SIZE, 100, PesHeader.STREAM_ID_AUDIO, 90_000, 90_000);
        assertEquals(PesHeader.MAX_SIZE - 14, start);
        assertArrayEquals(bytes(0, 0, 1, 0xC0, 0, 108, 0x84, 0x80, 5), Arrays.copyOfRange(b, start, start + 9));
        assertArrayEquals(timestamp(2, 90_000), Arrays.copyOfRange(b, start + 9, start + 14));
    }

    @Test
    void videoHeaderIsUnboundedAndCarriesDtsWhenItDiffers() {
        byte[] b = new byte[PesHeader.MAX_SIZE];
        int start = PesHeader.write(b, PesHeader.MAX_SIZE, 100_000, PesHeader.STREAM_ID_VIDEO, 93_600, 90_000);
        assertEquals(0, start);
        assertArrayEquals(bytes(0, 0, 1, 0xE0, 0, 0, 0x84, 0xC0, 10), Arrays.copyOf(b, 9));
        assertArrayEquals(timestamp(3, 93_600), Arrays.copyOfRange(b, 9, 14));
        assertArrayEquals(timestamp(1, 90_000), Arrays.copyOfRange(b, 14, 19));
    }

    @Test
    void boundedPesLongerThanItsLengthFieldIsABug() {
        byte[] b = new byte[PesHeader.MAX_SIZE];
        assertThrows(IllegalStateException.class, () -> PesHeader.write(b, PesHeader.MAX_SIZE,
                PesHeader.MAX_BOUNDED_PAYLOAD + 1, PesHeader.STREAM_ID_AUDIO, 0, 0));
    }

    private static byte[] timestamp(int prefix, long ts) {
        byte[] b = new byte[5];
        PesHeader.writeTimestamp(b, 0, prefix, ts);
        return b;
    }

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }
}
