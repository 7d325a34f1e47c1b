package org.openlss.ts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.openlss.ts.PesHeaderTest.bytes;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openlss.testing.ExternalTools;

class AdtsTest {
    @Test
    void aacLc48kHzStereo() {
        // profile 1 (LC), index 3 (48 kHz), 2 channels, aac_frame_length 7 + 371 = 378 (0x17A)
        assertArrayEquals(bytes(0xFF, 0xF1, 0x4C, 0x80, 0x2F, 0x5F, 0xFC), header(new AdtsConfig(2, 3, 2), 371));
    }

    @Test
    void largestFrameAndOtherLayouts() {
        // 44.1 kHz 5.1 (channel_configuration 6 spans bytes 2 and 3), aac_frame_length 8191
        assertArrayEquals(bytes(0xFF, 0xF1, 0x51, 0x83, 0xFF, 0xFF, 0xFC),
                header(new AdtsConfig(2, 4, 6), Adts.MAX_RAW_FRAME_SIZE));
        // AAC Main (profile 0), 8 kHz mono, 1-byte frame
        assertArrayEquals(bytes(0xFF, 0xF1, 0x2C, 0x40, 0x01, 0x1F, 0xFC), header(new AdtsConfig(1, 11, 1), 1));
    }

    @Test
    void heAacCarriesTheLcCoreAtHalfTheRate() {
        byte[] lc24kHz = header(new AdtsConfig(2, 6, 2), 200);
        assertArrayEquals(lc24kHz, header(new AdtsConfig(5, 3, 2), 200));
        assertArrayEquals(lc24kHz, header(new AdtsConfig(29, 3, 2), 200));
    }

    @Test
    void whatAdtsCannotSayIsRefused() {
        assertThrows(TsInputException.class, () -> new AdtsConfig(23, 3, 2)); // ER AAC LD
        assertThrows(TsInputException.class, () -> new AdtsConfig(0, 3, 2));
        assertThrows(TsInputException.class, () -> new AdtsConfig(2, 13, 2)); // hls.js rejects 13..15
        assertThrows(TsInputException.class, () -> new AdtsConfig(5, 9, 2)); // no index for 6 kHz
        assertThrows(TsInputException.class, () -> new AdtsConfig(2, 3, 0)); // PCE
        assertThrows(TsInputException.class, () -> new AdtsConfig(2, 3, 8));
        assertThrows(TsInputException.class, () -> header(new AdtsConfig(2, 3, 2), Adts.MAX_RAW_FRAME_SIZE + 1));
        assertThrows(TsInputException.class, () -> header(new AdtsConfig(2, 3, 2), 0));
    }

    @Test
    void sameStreamAsFfmpegsAdtsMuxer() throws Exception {
        MediaFixture clip = MediaFixture.clip(0);
        Path adts = ExternalTools.workDir().resolve("ffmpeg.adts");
        ExternalTools.check("ffmpeg", "-nostdin", "-v", "error", "-y", "-i", clip.file.toString(), "-map", "0:a",
                "-c", "copy", "-f", "adts", adts.toString());
        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        AdtsConfig config = clip.adtsConfig();
        for (MediaFixture.Sample frame : clip.audio) {
            ours.writeBytes(header(config, frame.size()));
            ours.writeBytes(clip.sampleBytes(frame));
        }
        assertArrayEquals(Files.readAllBytes(adts), ours.toByteArray());
    }

    private static byte[] header(AdtsConfig config, int rawSize) {
        byte[] b = new byte[Adts.HEADER_SIZE + 2];
        Adts.writeHeader(config, rawSize, b, 1);
        return java.util.Arrays.copyOfRange(b, 1, 1 + Adts.HEADER_SIZE);
    }
}
