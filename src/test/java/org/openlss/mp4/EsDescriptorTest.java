package org.openlss.mp4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class EsDescriptorTest {
    private static EsDescriptor parse(byte[] payload) {
        return EsDescriptor.parse(new FieldReader(payload, 0, payload.length, "esds"));
    }

    private static byte[] descriptor(int tag, byte[] body) {
        return TestBoxes.concat(TestBoxes.u8(tag, 0x80, 0x80, 0x80, body.length), body); // 4-byte expandable length
    }

    private static byte[] decoderConfig(int objectType, byte[] specific) {
        byte[] fixed = TestBoxes.concat(TestBoxes.u8(objectType, 0x15, 0, 0, 0), TestBoxes.u32(96000, 96000));
        return descriptor(4, specific == null ? fixed : TestBoxes.concat(fixed, descriptor(5, specific)));
    }

    @Test
    void findsTheAudioSpecificConfig() {
        byte[] es = descriptor(3, TestBoxes.concat(TestBoxes.u8(0, 1, 0xE0), TestBoxes.u16(0), TestBoxes.u8(3, 'a', 'b', 'c'),
                TestBoxes.u16(0), decoderConfig(0x40, TestBoxes.u8(0x11, 0x90))));
        EsDescriptor parsed = parse(TestBoxes.concat(TestBoxes.u32(0), es));
        assertEquals(0x40, parsed.objectTypeIndication());
        assertEquals("1190", Bytes.hex(parsed.decoderSpecificInfo()));
    }

    @Test
    void mp3HasNoDecoderSpecificInfo() {
        byte[] es = descriptor(3, TestBoxes.concat(TestBoxes.u8(0, 1, 0), decoderConfig(0x6B, null)));
        EsDescriptor parsed = parse(TestBoxes.concat(TestBoxes.u32(0), es));
        assertEquals(0x6B, parsed.objectTypeIndication());
        assertNull(parsed.decoderSpecificInfo());
    }

    @Test
    void refusesLyingLengthsAndWrongTags() {
        byte[] lying = TestBoxes.concat(TestBoxes.u32(0), TestBoxes.u8(3, 0x7F, 0, 1, 0));
        assertThrows(BoxFormatException.class, () -> parse(lying));
        byte[] wrongTag = TestBoxes.concat(TestBoxes.u32(0), descriptor(4, new byte[13]));
        assertThrows(BoxFormatException.class, () -> parse(wrongTag));
        byte[] huge = descriptor(3, TestBoxes.concat(TestBoxes.u8(0, 1, 0), decoderConfig(0x40, new byte[AudioSpecificConfig.MAX_LENGTH + 1])));
        assertThrows(BoxFormatException.class, () -> parse(TestBoxes.concat(TestBoxes.u32(0), huge)));
    }
}
