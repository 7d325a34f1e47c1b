package org.openlss.ts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.openlss.ts.PesHeaderTest.bytes;

import org.junit.jupiter.api.Test;
import org.openlss.mp4.AudioSpecificConfig;

/** From an AudioSpecificConfig (as the mp4 core parses it) to what ADTS repeats in every frame header. */
class AdtsConfigTest {
    private static AdtsConfig of(byte[] audioSpecificConfig) {
        AudioSpecificConfig asc = AudioSpecificConfig.parse(audioSpecificConfig);
        return AdtsConfig.of(asc);
    }

    @Test
    void aacLc() {
        assertEquals(new AdtsConfig(2, 3, 2), of(bytes(0x11, 0x90)));
        // ffmpeg's encoder appends the backward-compatible "no SBR" extension; it changes nothing for ADTS
        assertEquals(new AdtsConfig(2, 3, 2), of(bytes(0x11, 0x90, 0x56, 0xE5, 0x00)));
        assertEquals(new AdtsConfig(2, 3, 2), MediaFixture.clip(0).adtsConfig());
    }

    @Test
    void explicitHeAacResolvesToItsCore() {
        // object type 5, core 24 kHz (6), stereo, extension 48 kHz (3), core object type 2
        assertEquals(new AdtsConfig(2, 6, 2), of(bytes(0x2B, 0x11, 0x88, 0x00)));
        // HE-AAC v2 (29), core 24 kHz, mono, extension 48 kHz, core 2
        assertEquals(new AdtsConfig(2, 6, 1), of(bytes(0xEB, 0x09, 0x88, 0x00)));
    }

    @Test
    void explicitFrequenciesMapBackToTheirIndexOrAreRefused() {
        // object type 2, index 15, 48000 = 0x00BB80, stereo
        assertEquals(new AdtsConfig(2, 3, 2), of(bytes(0x17, 0x80, 0x5D, 0xC0, 0x10)));
        assertThrows(TsInputException.class, () -> AdtsConfig.ofCore(2, 12345, 2));
    }

    @Test
    void objectTypesAdtsCannotCarryAreRefused() {
        // 31 then 6 bits of 10: object type 42 (USAC)
        assertThrows(TsInputException.class, () -> of(bytes(0xF9, 0x46, 0x40)));
    }
}
