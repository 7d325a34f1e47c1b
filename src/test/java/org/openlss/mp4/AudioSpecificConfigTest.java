package org.openlss.mp4;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AudioSpecificConfigTest {
    private static AudioSpecificConfig parse(String hex) {
        return AudioSpecificConfig.parse(Bytes.parseHex(hex, "test"));
    }

    @Test
    void buildsTheTwoByteAacLcFormOfTheSpecExamples() {
        assertEquals("1190", Bytes.hex(AudioSpecificConfig.aacLc(48000, 2)));
        assertEquals("1210", Bytes.hex(AudioSpecificConfig.aacLc(44100, 2)));
        assertEquals("1188", Bytes.hex(AudioSpecificConfig.aacLc(48000, 1)));
        assertEquals("1208", Bytes.hex(AudioSpecificConfig.aacLc(44100, 1)));
        assertEquals(415, assertThrows(BoxFormatException.class, () -> AudioSpecificConfig.aacLc(44000, 2)).suggestedStatus());
        assertThrows(BoxFormatException.class, () -> AudioSpecificConfig.aacLc(48000, 0));
    }

    @Test
    void readsAacLc() {
        AudioSpecificConfig asc = parse("1190");
        assertEquals(2, asc.objectType());
        assertEquals(48000, asc.samplingRate());
        assertEquals(2, asc.channelConfiguration());
        assertFalse(asc.sbr());
        assertEquals("mp4a.40.2", asc.codecString());
        assertEquals("AACL", asc.fourCC());
        assertArrayEquals(new byte[] {0x11, (byte) 0x90}, asc.bytes());
    }

    @Test
    void ffmpegSyncExtensionWithoutSbrStaysAacLc() {
        AudioSpecificConfig asc = parse("119056E500"); // what ffmpeg's AAC encoder writes (sync extension 0x2B7, SBR absent)
        assertEquals(2, asc.objectType());
        assertFalse(asc.sbr());
        assertEquals("AACL", asc.fourCC());
        assertEquals(48000, asc.samplingRate());
    }

    @Test
    void detectsExplicitHeAac() {
        AudioSpecificConfig asc = parse("2B118800"); // object type 5, 24 kHz core, stereo, 48 kHz output, then AAC-LC
        assertTrue(asc.sbr());
        assertFalse(asc.ps());
        assertEquals(2, asc.objectType());
        assertEquals(24000, asc.samplingRate());
        assertEquals("mp4a.40.5", asc.codecString());
        assertEquals("AACH", asc.fourCC());
    }

    @Test
    void detectsExplicitHeAacV2() {
        AudioSpecificConfig asc = parse("EB098800");
        assertTrue(asc.sbr());
        assertTrue(asc.ps());
        assertEquals(1, asc.channelConfiguration());
        assertEquals("mp4a.40.29", asc.codecString());
        assertEquals("AACH", asc.fourCC());
    }

    @Test
    void detectsBackwardCompatibleSbrAndPs() {
        AudioSpecificConfig sbr = parse("131056E598");
        assertTrue(sbr.sbr());
        assertFalse(sbr.ps());
        assertEquals(24000, sbr.samplingRate());
        assertEquals("mp4a.40.5", sbr.codecString());
        AudioSpecificConfig ps = parse("130856E59D4880");
        assertTrue(ps.ps());
        assertEquals("mp4a.40.29", ps.codecString());
    }

    @Test
    void readsEscapedObjectTypesAndExplicitRates() {
        AudioSpecificConfig usac = parse("F94640");
        assertEquals(42, usac.objectType());
        assertEquals(48000, usac.samplingRate());
        assertNull(usac.fourCC(), "not an AAC-LC/HE-AAC FourCC");
        AudioSpecificConfig explicit = parse("17802B6708");
        assertEquals(22222, explicit.samplingRate());
        assertEquals(1, explicit.channelConfiguration());
    }

    @Test
    void refusesMalformedConfigurations() {
        assertEquals(400, assertThrows(BoxFormatException.class, () -> parse("")).suggestedStatus());
        assertThrows(BoxFormatException.class, () -> parse("16")); // truncated channel configuration
        assertThrows(BoxFormatException.class, () -> parse("1690")); // reserved frequency index 13
        assertThrows(BoxFormatException.class, () -> AudioSpecificConfig.parse(new byte[AudioSpecificConfig.MAX_LENGTH + 1]));
    }
}
