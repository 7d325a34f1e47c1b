package org.openlss.mp4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class WaveFormatExTest {
    @Test
    void readsLittleEndianFieldsAndExtraBytes() {
        // AAC, 2 channels, 48000 Hz, 16000 B/s, block align 4, 16 bits, cbSize 2, AudioSpecificConfig 11 90
        WaveFormatEx wfx = WaveFormatEx.parse(Bytes.parseHex("FF00020080BB0000803E0000040010000200" + "1190", "t"));
        assertEquals(WaveFormatEx.TAG_AAC, wfx.formatTag());
        assertEquals(2, wfx.channels());
        assertEquals(48000, wfx.samplesPerSec());
        assertEquals(16000, wfx.avgBytesPerSec());
        assertEquals(4, wfx.blockAlign());
        assertEquals(16, wfx.bitsPerSample());
        assertEquals("1190", Bytes.hex(wfx.extra()));
    }

    @Test
    void refusesTruncatedStructures() {
        assertEquals(400, assertThrows(BoxFormatException.class, () -> WaveFormatEx.parse(new byte[17])).suggestedStatus());
        assertThrows(BoxFormatException.class,
                () -> WaveFormatEx.parse(Bytes.parseHex("FF00020080BB0000803E0000040010000300" + "1190", "t")));
    }
}
