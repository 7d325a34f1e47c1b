package org.openlss.mp4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class TfrfTest {
    private static Tfrf parse(byte[] box) {
        ChildBoxes boxes = new ChildBoxes(box, 0, box.length);
        boxes.next();
        return Tfrf.parse(boxes.payload());
    }

    @Test
    void writesTheLayoutOfTheSpecExample() {
        List<Tfrf.Entry> entries = List.of(new Tfrf.Entry(20_000_000, 20_000_000), new Tfrf.Entry(40_000_000, 20_053_333));
        byte[] box = new Tfrf(entries).toBox();
        assertEquals(61, box.length);
        assertEquals(61, Tfrf.size(2));
        // smooth-client.md §3.3
        assertEquals("0000003D75756964D4807EF2CA3946958E5426CB9E46A79F0100000002", Bytes.hex(box).substring(0, 58));
        assertEquals("0000000001312D00" + "0000000001312D00" + "0000000002625A00" + "000000000131FD55",
                Bytes.hex(box).substring(58));
        assertEquals(entries, parse(box).entries());
    }

    @Test
    void writesAnEmptyTfrf() {
        assertEquals("0000001D75756964D4807EF2CA3946958E5426CB9E46A79F0100000000", Bytes.hex(new Tfrf(List.of()).toBox()));
    }

    @Test
    void readsVersion0() {
        byte[] v0 = TestBoxes.uuid(SmoothUuid.TFRF, TestBoxes.u32(0), TestBoxes.u8(1), TestBoxes.u32(100, 20));
        assertEquals(List.of(new Tfrf.Entry(100, 20)), parse(v0).entries());
    }

    @Test
    void refusesCountsBeyondTheBoxAndOversizedLists() {
        byte[] lying = TestBoxes.uuid(SmoothUuid.TFRF, TestBoxes.u32(1L << 24), TestBoxes.u8(3), TestBoxes.u64(1, 2));
        assertThrows(BoxFormatException.class, () -> parse(lying));
        List<Tfrf.Entry> many = new ArrayList<>(Collections.nCopies(256, new Tfrf.Entry(1, 1)));
        assertThrows(IllegalArgumentException.class, () -> new Tfrf(many));
        assertThrows(IllegalArgumentException.class, () -> Tfrf.write(many, new byte[Tfrf.size(256)], 0));
    }
}
