package org.openlss.mp4;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ManifestBoxesTest {
    @Test
    void wrapsAndUnwrapsSmil() {
        byte[] smil = {'<', 's', '/', '>'};
        byte[] box = ManifestBoxes.liveServerManifestBox(smil);
        assertEquals(32, box.length);
        assertEquals("000000207575696" + "4A5D40B30E81411DDBA2F0800200C9A6600000000" + "3C732F3E", Bytes.hex(box));
        Box parsed = Box.of(box);
        assertTrue(parsed.is(SmoothUuid.LIVE_SERVER_MANIFEST));
        assertArrayEquals(smil, ManifestBoxes.smil(parsed));
        assertTrue(Box.of(ManifestBoxes.streamManifestBox(smil)).is(SmoothUuid.STREAM_MANIFEST));
    }

    @Test
    void rewrapsTheCapturedManifestByteIdentically() {
        byte[] body = Vectors.resource(Vectors.STREAM1);
        byte[] captured = Arrays.copyOfRange(body, 24, 24 + (int) Bytes.u32(body, 24));
        assertArrayEquals(captured, ManifestBoxes.liveServerManifestBox(ManifestBoxes.smil(Box.of(captured))));
    }
}
