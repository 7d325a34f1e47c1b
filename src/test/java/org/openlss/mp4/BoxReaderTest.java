package org.openlss.mp4;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoxReaderTest {
    private final List<Box> boxes = new ArrayList<>();
    private final BoxReader reader = new BoxReader(BoxLimits.DEFAULTS, boxes::add);

    @Test
    void framesACaptureIdenticallyInAnyChunking() {
        byte[] body = Vectors.resource(Vectors.STREAM1);
        List<Box> whole = frame(body, 0, 0);
        assertEquals(3 + 2 * 12 + 1, whole.size(), "ftyp, manifest, moov, 12 moof+mdat, mfra");
        for (int chunk : new int[] {1, 3, 8, 1000, -1}) {
            List<Box> chunked = frame(body, chunk, chunk);
            assertEquals(whole.size(), chunked.size());
            for (int i = 0; i < whole.size(); i++) {
                assertEquals(whole.get(i).type(), chunked.get(i).type());
                assertArrayEquals(whole.get(i).bytes(), chunked.get(i).bytes());
                assertEquals(whole.get(i).headerSize(), chunked.get(i).headerSize());
            }
        }
        assertTrue(whole.get(1).is(SmoothUuid.LIVE_SERVER_MANIFEST));
        assertEquals(24, whole.get(1).headerSize());
        assertArrayEquals(SmoothUuid.LIVE_SERVER_MANIFEST.bytes(), whole.get(1).uuid());
        assertNull(whole.get(0).uuid());
        assertEquals(BoxTypes.MFRA, whole.get(whole.size() - 1).type());
    }

    private static List<Box> frame(byte[] body, int chunk, long seed) {
        List<Box> out = new ArrayList<>();
        BoxReader r = new BoxReader(BoxLimits.DEFAULTS, out::add);
        Vectors.feed(body, chunk, seed, r::feed);
        assertTrue(r.atBoxBoundary());
        return out;
    }

    @Test
    void oversizedDeclaredSizeIsRefusedBeforeAllocation() {
        byte[] header = TestBoxes.concat(TestBoxes.u32(BoxLimits.DEFAULTS.moof() + 1L), TestBoxes.u8('m', 'o', 'o', 'f'));
        BoxFormatException e = assertThrows(BoxFormatException.class, () -> reader.feed(ByteBuffer.wrap(header)));
        assertEquals(400, e.suggestedStatus());
        assertTrue(reader.bufferedBytes() <= 8, "nothing beyond the header was buffered");

        BoxReader small = new BoxReader(new BoxLimits(4096, 1024, 4096, 4096, 100, 4096), boxes::add);
        assertThrows(BoxFormatException.class, () -> small.feed(ByteBuffer.wrap(TestBoxes.box("mdat", new byte[93]))));
        assertThrows(BoxFormatException.class, () -> small.feed(ByteBuffer.wrap(TestBoxes.box("free", new byte[93]))),
                "skipped boxes are bounded by the mdat limit too");
    }

    @Test
    void hugeLargesizeIsRefused() {
        byte[] header = TestBoxes.concat(TestBoxes.u32(1), TestBoxes.u8('m', 'd', 'a', 't'), TestBoxes.u64(Long.MAX_VALUE));
        assertThrows(BoxFormatException.class, () -> reader.feed(ByteBuffer.wrap(header)));
        byte[] negative = TestBoxes.concat(TestBoxes.u32(1), TestBoxes.u8('m', 'd', 'a', 't'), TestBoxes.u64(-1L));
        assertThrows(BoxFormatException.class, () -> new BoxReader(BoxLimits.DEFAULTS, boxes::add).feed(ByteBuffer.wrap(negative)));
    }

    @Test
    void sizeZeroAndSizesBelowTheHeaderAreRefused() {
        assertThrows(BoxFormatException.class, () -> reader.feed(ByteBuffer.wrap(TestBoxes.concat(TestBoxes.u32(0), TestBoxes.u8('m', 'd', 'a', 't')))));
        for (long size : new long[] {2, 7}) {
            BoxReader r = new BoxReader(BoxLimits.DEFAULTS, boxes::add);
            assertThrows(BoxFormatException.class, () -> r.feed(ByteBuffer.wrap(TestBoxes.concat(TestBoxes.u32(size), TestBoxes.u8('m', 'o', 'o', 'f')))));
        }
        byte[] largeTooSmall = TestBoxes.concat(TestBoxes.u32(1), TestBoxes.u8('m', 'd', 'a', 't'), TestBoxes.u64(15));
        assertThrows(BoxFormatException.class, () -> new BoxReader(BoxLimits.DEFAULTS, boxes::add).feed(ByteBuffer.wrap(largeTooSmall)));
        byte[] uuidTooSmall = TestBoxes.concat(TestBoxes.u32(20), TestBoxes.u8('u', 'u', 'i', 'd'), new byte[16]);
        assertThrows(BoxFormatException.class, () -> new BoxReader(BoxLimits.DEFAULTS, boxes::add).feed(ByteBuffer.wrap(uuidTooSmall)));
    }

    @Test
    void largesizeBoxesAreDelivered() {
        byte[] payload = {1, 2, 3};
        byte[] box = TestBoxes.concat(TestBoxes.u32(1), TestBoxes.u8('m', 'd', 'a', 't'), TestBoxes.u64(19), payload);
        Vectors.feed(box, 1, 0, reader::feed);
        assertEquals(1, boxes.size());
        assertEquals(16, boxes.get(0).headerSize());
        assertArrayEquals(box, boxes.get(0).bytes());
    }

    @Test
    void unknownBoxesAreSkippedWithoutBuffering() {
        byte[] big = TestBoxes.box("free", new byte[1_000_000]);
        byte[] junk = TestBoxes.box("junk", new byte[50_000]);
        byte[] ftyp = TestBoxes.box("ftyp", TestBoxes.u8('i', 's', 'm', 'l'), TestBoxes.u32(1));
        int[] maxBuffered = {0};
        Vectors.feed(TestBoxes.concat(big, junk, ftyp), 4096, 0, data -> {
            reader.feed(data);
            maxBuffered[0] = Math.max(maxBuffered[0], reader.bufferedBytes());
        });
        assertEquals(1, boxes.size());
        assertArrayEquals(ftyp, boxes.get(0).bytes());
        assertTrue(maxBuffered[0] < 64, "skipped boxes were not buffered: " + maxBuffered[0]);
        assertEquals(big.length + junk.length + ftyp.length, reader.streamOffset());
    }

    @Test
    void resetForgetsAPartialBox() {
        byte[] ftyp = TestBoxes.box("ftyp", new byte[8]);
        reader.feed(ByteBuffer.wrap(ftyp, 0, 10));
        assertEquals(10, reader.bufferedBytes());
        reader.reset();
        assertEquals(0, reader.bufferedBytes());
        reader.feed(ByteBuffer.wrap(ftyp));
        assertEquals(1, boxes.size());
    }

    @Test
    void boxOfValidatesASingleBox() {
        byte[] ftyp = TestBoxes.box("ftyp", new byte[8]);
        assertEquals(BoxTypes.FTYP, Box.of(ftyp).type());
        assertThrows(BoxFormatException.class, () -> Box.of(TestBoxes.concat(ftyp, ftyp)));
        assertThrows(BoxFormatException.class, () -> Box.of(new byte[3]));
    }
}
