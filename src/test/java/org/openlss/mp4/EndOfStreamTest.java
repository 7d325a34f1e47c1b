package org.openlss.mp4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EndOfStreamTest {
    @Test
    void isTheEightByteEmptyMfra() {
        assertEquals("000000086D667261", Bytes.hex(EndOfStream.bytes()));
        assertTrue(EndOfStream.is(Box.of(EndOfStream.bytes())));
        assertFalse(EndOfStream.is(Box.of(TestBoxes.box("free"))));
    }
}
