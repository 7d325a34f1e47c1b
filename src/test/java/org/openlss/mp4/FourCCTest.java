package org.openlss.mp4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FourCCTest {
    @Test
    void convertsBothWays() {
        assertEquals(0x6D6F6F66, FourCC.of("moof"));
        assertEquals("moof", FourCC.toString(0x6D6F6F66));
        assertEquals("avcC", FourCC.toString(BoxTypes.AVCC));
        assertEquals("\\x00\\x01ab", FourCC.toString(0x00016162));
        assertThrows(IllegalArgumentException.class, () -> FourCC.of("moo"));
    }
}
