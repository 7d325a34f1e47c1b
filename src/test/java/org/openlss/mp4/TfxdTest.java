package org.openlss.mp4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TfxdTest {
    private static Tfxd parse(byte[] box) {
        ChildBoxes boxes = new ChildBoxes(box, 0, box.length);
        boxes.next();
        return Tfxd.parse(boxes.payload());
    }

    @Test
    void writesTheVersion1Layout() {
        byte[] box = new Tfxd(36_000_000_000L, 20_000_000L).toBox();
        assertEquals("0000002C75756964" + "6D1D9B0542D544E680E2141DAFF757B2" + "01000000"
                + "0000000861C46800" + "0000000001312D00", Bytes.hex(box));
        assertEquals(new Tfxd(36_000_000_000L, 20_000_000L), parse(box));
    }

    @Test
    void readsVersions0And2() {
        byte[] v0 = TestBoxes.uuid(SmoothUuid.TFXD, TestBoxes.u32(0, 1234, 56));
        assertEquals(new Tfxd(1234, 56), parse(v0));
        byte[] v2 = TestBoxes.uuid(SmoothUuid.TFXD, TestBoxes.u32(2L << 24), TestBoxes.u64(7, 8), new byte[12]);
        assertEquals(new Tfxd(7, 8), parse(v2));
        assertThrows(BoxFormatException.class, () -> parse(TestBoxes.uuid(SmoothUuid.TFXD, TestBoxes.u32(3L << 24), TestBoxes.u64(7, 8))));
        assertThrows(BoxFormatException.class, () -> parse(TestBoxes.uuid(SmoothUuid.TFXD, TestBoxes.u32(1L << 24), TestBoxes.u64(7))));
    }

    @Test
    void refusesTimesOf2To63OrMore() {
        BoxFormatException e = assertThrows(BoxFormatException.class,
                () -> parse(TestBoxes.tfxd(-213_333L, 213_333L)));
        assertEquals(400, e.suggestedStatus());
        assertTrue(e.getMessage().contains("18446744073709338283"), e.getMessage());
        assertThrows(BoxFormatException.class, () -> parse(TestBoxes.tfxd(0, Long.MIN_VALUE)));
    }
}
