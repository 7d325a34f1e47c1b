package org.openlss.ts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.openlss.ts.PesHeaderTest.bytes;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TsPacketizerTest {
    private static final int PID = PsiTables.VIDEO_PID;

    @Test
    void fullLastPacketNeedsNoAdaptationField() {
        byte[] ts = packetize(184, TsPacketizer.NO_PCR, false);
        assertEquals(188, ts.length);
        assertArrayEquals(bytes(0x47, 0x41, 0x00, 0x10), Arrays.copyOf(ts, 4));
        assertPayload(ts, 0, 4, 184, 0);
    }

    @Test
    void oneByteOfStuffingIsTheAdaptationFieldLengthAlone() {
        byte[] ts = packetize(183, TsPacketizer.NO_PCR, false);
        assertEquals(188, ts.length);
        assertArrayEquals(bytes(0x47, 0x41, 0x00, 0x30, 0x00), Arrays.copyOf(ts, 5));
        assertPayload(ts, 0, 5, 183, 0);
    }

    @Test
    void twoBytesOfStuffingAreLengthAndEmptyFlags() {
        byte[] ts = packetize(182, TsPacketizer.NO_PCR, false);
        assertArrayEquals(bytes(0x47, 0x41, 0x00, 0x30, 0x01, 0x00), Arrays.copyOf(ts, 6));
        assertPayload(ts, 0, 6, 182, 0);
    }

    @Test
    void edgeCasesInTheLastOfSeveralPackets() {
        for (int last : new int[] {184, 183, 182, 1}) {
            byte[] ts = packetize(2 * 184 + last, TsPacketizer.NO_PCR, false);
            assertEquals(3 * 188, ts.length);
            assertEquals(0x01, ts[188 + 1] & 0xFF, "no PUSI after the first packet");
            int stuffing = 184 - last;
            assertEquals(stuffing == 0 ? 0x12 : 0x32, ts[2 * 188 + 3] & 0xFF, "control and counter 2");
            if (stuffing > 0) {
                assertEquals(stuffing - 1, ts[2 * 188 + 4] & 0xFF, "adaptation_field_length");
            }
            if (stuffing > 1) {
                assertEquals(0, ts[2 * 188 + 5], "flags");
                for (int i = 2 * 188 + 6; i < 2 * 188 + 4 + stuffing; i++) {
                    assertEquals(0xFF, ts[i] & 0xFF);
                }
            }
            assertPayload(ts, 2 * 188, 4 + stuffing, last, 2 * 184);
            new TsReader().read(withPesStart(ts));
        }
    }

    @Test
    void pcrAndRandomAccessGoInTheFirstPacket() {
        long pcr27 = 90_000 * 300L + 150;
        byte[] ts = packetize(176, pcr27, true); // 176 + 8 = 184: one full packet
        assertEquals(188, ts.length);
        assertArrayEquals(bytes(0x47, 0x41, 0x00, 0x30, 7, 0x50, 0x00, 0x00, 0xAF, 0xC8, 0x7E, 0x96),
                Arrays.copyOf(ts, 12));
        assertPayload(ts, 0, 12, 176, 0);

        ts = packetize(177, pcr27, false); // one byte more spills into a second packet
        assertEquals(2 * 188, ts.length);
        assertEquals(0x10, ts[5], "PCR_flag only");
        assertEquals(182, ts[188 + 4] & 0xFF, "second packet: 183 bytes of adaptation field, 1 of payload");
        TsReader.Pes pes = new TsReader().read(withPesStart(ts)).pes.get(0);
        assertEquals(pcr27, pes.pcr27());
    }

    @Test
    void randomAccessAloneTakesTwoBytesAndStuffingGrowsTheSameField() {
        byte[] ts = packetize(100, TsPacketizer.NO_PCR, true);
        assertEquals(188, ts.length);
        assertEquals(83, ts[4] & 0xFF);
        assertEquals(0x40, ts[5] & 0xFF);
        assertPayload(ts, 0, 88, 100, 0);
    }

    @Test
    void pcrEncoding() {
        assertArrayEquals(bytes(0, 0, 0, 0, 0x7E, 0), pcr(0));
        assertArrayEquals(bytes(0, 0, 0, 0, 0xFE, 0), pcr(300)); // base 1
        assertArrayEquals(bytes(0, 0, 0, 0, 0x7F, 0x2B), pcr(299)); // extension 299
        assertArrayEquals(bytes(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x2B), pcr(((1L << 33) - 1) * 300 + 299));
        assertArrayEquals(bytes(0x80, 0, 0, 0, 0x7E, 0), pcr((1L << 32) * 300));
    }

    @Test
    void countersRunOnAndWrap() {
        ContinuityCounters counters = new ContinuityCounters();
        GrowableBytes out = new GrowableBytes(188);
        byte[] pes = new byte[20 * 184];
        TsPacketizer.write(out, counters, PID, pes, 0, pes.length, TsPacketizer.NO_PCR, false);
        for (int i = 0; i < 20; i++) {
            assertEquals(i % 16, out.array[i * 188 + 3] & 0x0F);
        }
        assertEquals(4, counters.next(PID));
    }

    private static byte[] pcr(long pcr27) {
        byte[] b = new byte[6];
        TsPacketizer.writePcr(b, 0, pcr27);
        return b;
    }

    /** Packetizes a recognizable payload: byte i is (byte) i. */
    private static byte[] packetize(int length, long pcr27, boolean randomAccess) {
        byte[] pes = new byte[length + 10];
        for (int i = 0; i < pes.length; i++) {
            pes[i] = (byte) (i - 10);
        }
        GrowableBytes out = new GrowableBytes(16);
        TsPacketizer.write(out, new ContinuityCounters(), PID, pes, 10, length, pcr27, randomAccess);
        return out.toArray();
    }

    /** Puts a minimal PES header at the start of the payload so that {@link TsReader} accepts it. */
    private static byte[] withPesStart(byte[] ts) {
        int at = (ts[3] & 0x20) != 0 ? 4 + 1 + (ts[4] & 0xFF) : 4;
        byte[] header = bytes(0, 0, 1, 0xE0, 0, 0, 0x80, 0x80, 5, 0x21, 0, 1, 0, 1);
        byte[] copy = ts.clone();
        System.arraycopy(header, 0, copy, at, header.length);
        return copy;
    }

    private static void assertPayload(byte[] ts, int packet, int from, int length, int firstIndex) {
        assertEquals(188, from + length, "payload ends the packet");
        for (int i = 0; i < length; i++) {
            assertEquals((byte) (firstIndex + i), ts[packet + from + i]);
        }
    }
}
