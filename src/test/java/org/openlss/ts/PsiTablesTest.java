package org.openlss.ts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.openlss.testing.ExternalTools;

class PsiTablesTest {
    @Test
    void patIsByteForByteFfmpegs() {
        assertArrayEquals(ExternalTools.ffmpegPacket(false, PsiTables.PAT_PID), PsiTables.patPacket());
    }

    @Test
    void videoOnlyPmtIsByteForByteFfmpegs() {
        assertArrayEquals(ExternalTools.ffmpegPacket(false, PsiTables.PMT_PID), PsiTables.pmtPacket(true, false));
    }

    @Test
    void audioVideoPmtIsByteForByteFfmpegs() {
        assertArrayEquals(ExternalTools.ffmpegPacket(true, PsiTables.PMT_PID), PsiTables.pmtPacket(true, true));
    }

    @Test
    void audioOnlyPmtPutsThePcrOnTheAudioPid() {
        byte[] packet = PsiTables.pmtPacket(false, true);
        byte[] section = Arrays.copyOfRange(packet, 5, 5 + 3 + 18);
        byte[] expected = {0x02, (byte) 0xB0, 0x12, 0x00, 0x01, (byte) 0xC1, 0x00, 0x00,
            (byte) 0xE1, 0x01, (byte) 0xF0, 0x00, // PCR_PID 0x0101, no program info
            0x0F, (byte) 0xE1, 0x01, (byte) 0xF0, 0x00}; // ADTS AAC on 0x0101
        assertArrayEquals(expected, Arrays.copyOf(section, expected.length));
        assertEquals(0, Crc32Mpeg.compute(section, 0, section.length));
        assertEquals(0x50, packet[1] & 0xFF, "PUSI and PMT PID high bits");
        for (int i = 5 + section.length; i < 188; i++) {
            assertEquals(0xFF, packet[i] & 0xFF);
        }
    }

    @Test
    void aProgramNeedsAStream() {
        assertThrows(IllegalArgumentException.class, () -> PsiTables.pmtPacket(false, false));
    }
}
