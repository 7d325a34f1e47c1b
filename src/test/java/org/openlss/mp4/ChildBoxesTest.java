package org.openlss.mp4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ChildBoxesTest {
    @Test
    void walksChildrenOfAllHeaderForms() {
        byte[] large = TestBoxes.concat(TestBoxes.u32(1), TestBoxes.u8('s', 'k', 'i', 'p'), TestBoxes.u64(18), TestBoxes.u8(1, 2));
        byte[] data = TestBoxes.box("moof", TestBoxes.box("mfhd", new byte[8]), large, new Tfxd(1, 2).toBox());
        ChildBoxes children = ChildBoxes.of(data, BoxTypes.MOOF);
        assertTrue(children.next());
        assertEquals(BoxTypes.MFHD, children.type());
        assertEquals(8, children.offset());
        assertEquals(16, children.size());
        assertTrue(children.next());
        assertEquals(16, children.headerSize());
        assertEquals(24 + 16, children.payloadOffset());
        assertTrue(children.next());
        assertTrue(children.is(SmoothUuid.TFXD));
        assertFalse(children.is(SmoothUuid.TFRF));
        assertEquals(24, children.headerSize());
        assertEquals(new Tfxd(1, 2), Tfxd.parse(children.payload()));
        assertFalse(children.next());
    }

    @Test
    void refusesChildrenThatDoNotFitTheirContainer() {
        byte[] overlong = TestBoxes.box("traf", TestBoxes.u32(100), TestBoxes.u8('t', 'f', 'h', 'd'));
        assertThrows(BoxFormatException.class, () -> ChildBoxes.of(overlong, BoxTypes.TRAF).next());
        byte[] zero = TestBoxes.box("traf", TestBoxes.u32(0), TestBoxes.u8('t', 'f', 'h', 'd'));
        assertThrows(BoxFormatException.class, () -> ChildBoxes.of(zero, BoxTypes.TRAF).next());
        byte[] stub = TestBoxes.box("traf", TestBoxes.u8(0, 0, 0));
        assertThrows(BoxFormatException.class, () -> ChildBoxes.of(stub, BoxTypes.TRAF).next());
        byte[] shortUuid = TestBoxes.box("traf", TestBoxes.u32(20), TestBoxes.u8('u', 'u', 'i', 'd'), new byte[12]);
        assertThrows(BoxFormatException.class, () -> ChildBoxes.of(shortUuid, BoxTypes.TRAF).next());
        assertThrows(BoxFormatException.class, () -> ChildBoxes.of(TestBoxes.box("moof"), BoxTypes.TRAF));
        assertThrows(BoxFormatException.class, () -> new ChildBoxes(new byte[4], 2, 8));
    }

    @Test
    void fieldReadsStopAtTheBoxEnd() {
        byte[] data = TestBoxes.box("mfhd", TestBoxes.u32(7));
        ChildBoxes box = new ChildBoxes(data, 0, data.length);
        box.next();
        FieldReader in = box.payload();
        assertEquals(7, in.u32());
        assertEquals(0, in.remaining());
        assertThrows(BoxFormatException.class, in::u8);
        FieldReader again = box.payload();
        assertThrows(BoxFormatException.class, () -> again.bytes(5));
        assertThrows(BoxFormatException.class, () -> again.skip(-1));
        assertEquals(0, again.peekU8());
        assertEquals(4, again.remaining(), "peeking does not consume");
        assertThrows(BoxFormatException.class, () -> box.payload().u32Within(6, "count"));
    }
}
