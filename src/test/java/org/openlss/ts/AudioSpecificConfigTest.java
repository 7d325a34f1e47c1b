package org.openlss.ts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.openlss.ts.PesHeaderTest.bytes;

import org.junit.jupiter.api.Test;

class AudioSpecificConfigTest {
    @Test
    void aacLc() {
        assertEquals(new AdtsConfig(2, 3, 2), AudioSpecificConfig.parse(bytes(0x11, 0x90)));
        // ffmpeg's encoder appends the backward-compatible "no SBR" extension; it changes nothing for ADTS
        assertEquals(new AdtsConfig(2, 3, 2), AudioSpecificConfig.parse(bytes(0x11, 0x90, 0x56, 0xE5, 0x00)));
    }

    @Test
    void realClipsConfiguration() {
        assertEquals(new AdtsConfig(2, 3, 2), MediaFixture.clip(0).adtsConfig());
    }

    @Test
    void explicitHeAacResolvesToItsCore() {
        // object type 5, core 24 kHz (6), stereo, extension 48 kHz (3), core object type 2:
        // 00101 0110 0010 0011 00010 000
        assertEquals(new AdtsConfig(2, 6, 2), AudioSpecificConfig.parse(bytes(0x2B, 0x11, 0x88, 0x00)));
        // HE-AAC v2 (29 = escape-free 11101), core 24 kHz, mono, extension 48 kHz, core 2
        assertEquals(new AdtsConfig(2, 6, 1), AudioSpecificConfig.parse(bytes(0xEB, 0x09, 0x88, 0x00)));
    }

    @Test
    void explicitFrequencyMapsBackToItsIndex() {
        // object type 2, index 15, 48000 = 0x00BB80, stereo: 00010 1111 000000001011101110000000 0010
        assertEquals(new AdtsConfig(2, 3, 2), AudioSpecificConfig.parse(bytes(0x17, 0x80, 0x5D, 0xC0, 0x10)));
        // 12345 Hz has no index
        assertThrows(TsInputException.class, () -> AudioSpecificConfig.parse(bytes(0x17, 0x80, 0x18, 0x1C, 0x90)));
    }

    @Test
    void escapedObjectTypesAreReadAndRefused() {
        // 31 then 6 bits of 10: object type 42 (USAC) cannot go into ADTS
        assertThrows(TsInputException.class, () -> AudioSpecificConfig.parse(bytes(0xF9, 0x46, 0x40)));
    }

    @Test
    void truncatedConfigIsRefused() {
        assertThrows(TsInputException.class, () -> AudioSpecificConfig.parse(bytes(0x11)));
        assertThrows(TsInputException.class, () -> AudioSpecificConfig.parse(new byte[0]));
    }
}
