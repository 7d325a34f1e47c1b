package org.openlss.mp4;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AvcDecoderConfigTest {
    /** The spec's client manifest example (smooth-client.md §2.6). */
    private static final String SPEC_CPD =
            "000000016764001FACD9405005BB011000000300100000030320F18319600000000168EBECB22C";

    @Test
    void readsTheAvcCOfAnFfmpegCapture() {
        MovieHeader moov = MovieHeader.parse(CaptureParts.moov(Vectors.resource(Vectors.STREAM1)));
        AvcDecoderConfig avcC = moov.track(1).avcConfig();
        assertEquals(100, avcC.profile());
        assertEquals(0, avcC.compatibility());
        assertEquals(11, avcC.level());
        assertEquals(4, avcC.nalLengthSize());
        assertEquals("avc1.64000B", avcC.codecString());
        assertEquals("6764000BACB4146FC980880000030008000003019078A155", Bytes.hex(avcC.sps().get(0)));
        assertEquals("68EF3CB0", Bytes.hex(avcC.pps().get(0)));
        assertEquals("000000016764000BACB4146FC980880000030008000003019078A1550000000168EF3CB0", avcC.codecPrivateDataHex());
    }

    @Test
    void codecStringComesFromTheSps() {
        AvcDecoderConfig config = AvcDecoderConfig.fromCodecPrivateData(Bytes.parseHex("0000000167640020AC2B4028023C0000000168EE3CB0", "t"), 4);
        assertEquals("avc1.640020", config.codecString());
        assertEquals("avc1.64001F", AvcDecoderConfig.fromCodecPrivateData(Bytes.parseHex(SPEC_CPD, "t"), 4).codecString());
    }

    @Test
    void annexBRoundTripsThroughAvcC() {
        AvcDecoderConfig fromCpd = AvcDecoderConfig.fromCodecPrivateData(Bytes.parseHex(SPEC_CPD, "t"), 4);
        assertEquals(SPEC_CPD, fromCpd.codecPrivateDataHex());
        byte[] avcC = fromCpd.toAvcC();
        AvcDecoderConfig parsed = AvcDecoderConfig.parse(avcC, 0, avcC.length);
        assertEquals(SPEC_CPD, parsed.codecPrivateDataHex());
        assertEquals(4, parsed.nalLengthSize());
        assertEquals(0x64, parsed.profile());
        assertEquals(0x1F, parsed.level());
    }

    @Test
    void threeByteStartCodesBecomeFourByteOnes() {
        AvcDecoderConfig config = AvcDecoderConfig.fromCodecPrivateData(Bytes.parseHex("00000167640020AC00000168EE3CB0", "t"), 2);
        assertEquals("0000000167640020AC0000000168EE3CB0", config.codecPrivateDataHex());
        assertEquals(2, config.nalLengthSize());
    }

    @Test
    void otherNalUnitsAreIgnored() {
        AvcDecoderConfig config = AvcDecoderConfig.fromCodecPrivateData(
                Bytes.parseHex("0000000109F00000000167640020AC0000000168EE3CB00000000106050000", "t"), 4);
        assertEquals("0000000167640020AC0000000168EE3CB0", config.codecPrivateDataHex());
    }

    @Test
    void refusesIncompleteConfigurations() {
        assertThrows(BoxFormatException.class, () -> AvcDecoderConfig.fromCodecPrivateData(Bytes.parseHex("0000000167640020AC", "t"), 4));
        assertThrows(BoxFormatException.class, () -> AvcDecoderConfig.fromCodecPrivateData(Bytes.parseHex("67640020AC", "t"), 4));
        assertThrows(BoxFormatException.class, () -> AvcDecoderConfig.fromCodecPrivateData(Bytes.parseHex("00000001676400", "t"), 4));
        assertThrows(BoxFormatException.class, () -> AvcDecoderConfig.fromCodecPrivateData(Bytes.parseHex(SPEC_CPD, "t"), 3));
        byte[] avcC = AvcDecoderConfig.fromCodecPrivateData(Bytes.parseHex(SPEC_CPD, "t"), 4).toAvcC();
        for (int cut = 1; cut < avcC.length; cut++) {
            int length = cut;
            assertThrows(BoxFormatException.class, () -> AvcDecoderConfig.parse(avcC, 0, length), "cut at " + cut);
        }
        byte[] version0 = avcC.clone();
        version0[0] = 0;
        assertThrows(BoxFormatException.class, () -> AvcDecoderConfig.parse(version0, 0, version0.length));
        assertThrows(BoxFormatException.class, () -> AvcDecoderConfig.parse(avcC, 2, avcC.length));
    }

    @Test
    void parameterSetsCanBeRebuiltAsAnnexB() {
        AvcDecoderConfig config = AvcDecoderConfig.fromCodecPrivateData(Bytes.parseHex(SPEC_CPD, "t"), 4);
        assertArrayEquals(Bytes.parseHex("68EBECB22C", "t"), config.pps().get(0));
    }
}
