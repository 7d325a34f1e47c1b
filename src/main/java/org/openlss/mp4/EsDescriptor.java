package org.openlss.mp4;

/**
 * What the {@code esds} box says about an MPEG-4 audio stream: the objectTypeIndication of its
 * DecoderConfigDescriptor (0x40 = MPEG-4 audio) and its DecoderSpecificInfo, which for AAC is the
 * AudioSpecificConfig (ISO/IEC 14496-1 §7.2.6).
 */
public record EsDescriptor(int objectTypeIndication, byte[] decoderSpecificInfo) {
    private static final int ES_DESCRIPTOR = 3;
    private static final int DECODER_CONFIG = 4;
    private static final int DECODER_SPECIFIC_INFO = 5;

    /** Parses an {@code esds} payload (FullBox header included); decoderSpecificInfo is null when absent. */
    static EsDescriptor parse(FieldReader in) {
        in.skip(4); // version, flags
        FieldReader es = descriptor(in, ES_DESCRIPTOR);
        es.skip(2); // ES_ID
        int flags = es.u8();
        if ((flags & 0x80) != 0) {
            es.skip(2); // dependsOn_ES_ID
        }
        if ((flags & 0x40) != 0) {
            es.skip(es.u8()); // URL
        }
        if ((flags & 0x20) != 0) {
            es.skip(2); // OCR_ES_Id
        }
        FieldReader config = descriptor(es, DECODER_CONFIG);
        int objectTypeIndication = config.u8();
        config.skip(12); // streamType, bufferSizeDB, maxBitrate, avgBitrate
        byte[] specific = null;
        if (config.remaining() > 0 && config.peekU8() == DECODER_SPECIFIC_INFO) {
            FieldReader info = descriptor(config, DECODER_SPECIFIC_INFO);
            if (info.remaining() > AudioSpecificConfig.MAX_LENGTH) {
                throw BoxFormatException.malformed("esds DecoderSpecificInfo of " + info.remaining() + " bytes");
            }
            specific = info.bytes(info.remaining());
        }
        return new EsDescriptor(objectTypeIndication, specific);
    }

    /** Reads a descriptor header of the expected tag and returns a reader over its body. */
    private static FieldReader descriptor(FieldReader in, int expectedTag) {
        int tag = in.u8();
        if (tag != expectedTag) {
            throw BoxFormatException.malformed("esds: expected descriptor tag " + expectedTag + ", found " + tag);
        }
        int length = 0;
        for (int i = 0; i < 4; i++) {
            int b = in.u8();
            length = (length << 7) | (b & 0x7F);
            if ((b & 0x80) == 0) {
                break;
            }
        }
        if (length > in.remaining()) {
            throw BoxFormatException.malformed("esds: descriptor " + tag + " of " + length + " bytes exceeds its container");
        }
        return in.sub(length);
    }

    /** The DecoderSpecificInfo (a copy), null when absent. */
    @Override
    public byte[] decoderSpecificInfo() {
        return decoderSpecificInfo == null ? null : decoderSpecificInfo.clone();
    }
}
