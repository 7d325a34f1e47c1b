package org.openlss.ts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openlss.ts.PesHeaderTest.bytes;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnnexBTest {
    private static final byte[] AUD = bytes(0x09, 0xF0);
    private static final byte[] SPS = bytes(0x67, 0x42, 0xC0, 0x1E);
    private static final byte[] PPS = bytes(0x68, 0xCE, 0x3C, 0x80);
    private static final byte[] SEI = bytes(0x06, 0x05, 0x01, 0x00, 0x80);
    private static final byte[] IDR = bytes(0x65, 0x88, 0x84, 0x00, 0x33);
    private static final byte[] SLICE = bytes(0x41, 0x9A, 0x02);

    @Test
    void nonIdrSampleGetsAnAudAndStartCodes() {
        assertArrayEquals(annexB(AUD, SLICE, SEI), convert(4, SLICE, SEI));
    }

    @Test
    void idrGetsSpsAndPpsAfterTheAudAndBeforeItsSei() {
        assertArrayEquals(annexB(AUD, SPS, PPS, SEI, IDR), convert(4, SEI, IDR));
    }

    @Test
    void idrThatCarriesItsOwnSpsGetsNoSecondCopy() {
        assertArrayEquals(annexB(AUD, SPS, PPS, IDR), convert(4, SPS, PPS, IDR));
    }

    @Test
    void sampleThatStartsWithAnAudKeepsItsOwn() {
        assertArrayEquals(annexB(AUD, SPS, PPS, IDR), convert(4, AUD, IDR));
        assertArrayEquals(annexB(AUD, SLICE), convert(4, AUD, SLICE));
    }

    @Test
    void oneAndTwoByteLengthPrefixes() {
        assertArrayEquals(annexB(AUD, SPS, PPS, IDR, SLICE), convert(1, IDR, SLICE));
        assertArrayEquals(annexB(AUD, SPS, PPS, IDR, SLICE), convert(2, IDR, SLICE));
    }

    @Test
    void everyParameterSetIsInserted() {
        byte[] sps2 = bytes(0x67, 0x64);
        byte[] pps2 = bytes(0x68, 0xEE);
        AnnexB annexB = new AnnexB(new AvcParameters(4, List.of(SPS, sps2), List.of(PPS, pps2)));
        byte[] sample = lengthPrefixed(4, IDR);
        assertArrayEquals(annexB(AUD, SPS, sps2, PPS, pps2, IDR), annexB.convert(sample, 0, sample.length));
    }

    @Test
    void reportsIdrAndHonoursTheOffset() {
        AnnexB annexB = new AnnexB(parameters(2));
        byte[] sample = lengthPrefixed(2, SLICE, IDR);
        byte[] padded = new byte[sample.length + 7];
        System.arraycopy(sample, 0, padded, 3, sample.length);
        GrowableBytes out = new GrowableBytes(4);
        assertTrue(annexB.append(padded, 3, sample.length, out));
        assertArrayEquals(annexB(AUD, SPS, PPS, SLICE, IDR), out.toArray());
        byte[] slice = lengthPrefixed(2, SLICE);
        assertFalse(annexB.append(slice, 0, slice.length, out));
    }

    @Test
    void malformedLengthsAreRejectedWithoutWritingAnything() {
        AnnexB annexB = new AnnexB(parameters(4));
        byte[] good = lengthPrefixed(4, SLICE);
        List<byte[]> malformed = List.of(
                new byte[0], // no NAL unit
                bytes(0, 0, 0), // truncated length
                concat(good, bytes(0, 0)), // truncated second length
                bytes(0, 0, 0, 4, 0x41, 0x9A, 0x02), // length beyond the sample
                bytes(0, 0, 0, 0), // zero length
                bytes(0x80, 0, 0, 1, 0x41), // length above 2^31
                bytes(0xFF, 0xFF, 0xFF, 0xFF, 0x41));
        for (byte[] sample : malformed) {
            GrowableBytes out = new GrowableBytes(4);
            assertThrows(TsInputException.class, () -> annexB.append(sample, 0, sample.length, out));
            assertEquals(0, out.size);
        }
        byte[] twoByte = bytes(0x01, 0x00, 0x41);
        AnnexB shortLengths = new AnnexB(parameters(2));
        assertThrows(TsInputException.class, () -> shortLengths.convert(twoByte, 0, twoByte.length));
    }

    @Test
    void parametersAreChecked() {
        assertThrows(TsInputException.class, () -> new AvcParameters(3, List.of(SPS), List.of(PPS)));
        assertThrows(TsInputException.class, () -> new AvcParameters(4, List.of(), List.of(PPS)));
        assertThrows(TsInputException.class, () -> new AvcParameters(4, List.of(SPS), List.of(new byte[0])));
    }

    private static AvcParameters parameters(int lengthSize) {
        return new AvcParameters(lengthSize, List.of(SPS), List.of(PPS));
    }

    private static byte[] convert(int lengthSize, byte[]... units) {
        byte[] sample = lengthPrefixed(lengthSize, units);
        return new AnnexB(parameters(lengthSize)).convert(sample, 0, sample.length);
    }

    private static byte[] lengthPrefixed(int lengthSize, byte[]... units) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] unit : units) {
            for (int i = lengthSize - 1; i >= 0; i--) {
                out.write(unit.length >> (8 * i));
            }
            out.writeBytes(unit);
        }
        return out.toByteArray();
    }

    private static byte[] annexB(byte[]... units) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] unit : units) {
            out.writeBytes(bytes(0, 0, 0, 1));
            out.writeBytes(unit);
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
