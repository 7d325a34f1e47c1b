package org.openlss.ts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openlss.testing.ExternalTools;

class Crc32MpegTest {
    @Test
    void checkValueOfCrc32Mpeg2Catalogue() {
        byte[] digits = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0x0376E6E7, Crc32Mpeg.compute(digits, 0, digits.length));
    }

    @Test
    void matchesTheCrcFfmpegWritesInItsPatAndPmt() {
        for (boolean withAudio : new boolean[] {false, true}) {
            for (int pid : new int[] {PsiTables.PAT_PID, PsiTables.PMT_PID}) {
                byte[] packet = ExternalTools.ffmpegPacket(withAudio, pid);
                int sectionLength = (packet[6] & 0x0F) << 8 | packet[7] & 0xFF;
                int crcAt = 5 + 3 + sectionLength - 4;
                int written = (packet[crcAt] & 0xFF) << 24 | (packet[crcAt + 1] & 0xFF) << 16
                        | (packet[crcAt + 2] & 0xFF) << 8 | packet[crcAt + 3] & 0xFF;
                assertEquals(written, Crc32Mpeg.compute(packet, 5, crcAt - 5), "PID " + pid);
            }
        }
    }

    @Test
    void knownPatSection() {
        // PAT of transport_stream_id 1, program 1 on PMT PID 0x1000: the CRC every ffmpeg TS carries.
        byte[] section = {0x00, (byte) 0xB0, 0x0D, 0x00, 0x01, (byte) 0xC1, 0x00, 0x00, 0x00, 0x01, (byte) 0xF0, 0x00};
        assertEquals(0x2AB104B2, Crc32Mpeg.compute(section, 0, section.length));
    }

    @Test
    void sectionFollowedByItsCrcGivesZero() {
        byte[] pat = PsiTables.patPacket();
        assertEquals(0, Crc32Mpeg.compute(pat, 5, 16));
    }

    @Test
    void honoursOffsetAndLength() {
        byte[] padded = "xx123456789yy".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0x0376E6E7, Crc32Mpeg.compute(padded, 2, 9));
    }
}
