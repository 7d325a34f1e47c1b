package org.openlss.ts;

/**
 * The 7-byte ADTS header without CRC (ISO/IEC 13818-7 §6.2, 14496-3 §1.A.2) that turns a raw AAC frame from MP4 into
 * the self-describing form stream_type 0x0F requires.
 */
public final class Adts {
    public static final int HEADER_SIZE = 7;
    /** aac_frame_length is 13 bits and includes the header. */
    public static final int MAX_RAW_FRAME_SIZE = (1 << 13) - 1 - HEADER_SIZE;

    private Adts() {
    }

    /** Writes the header of one frame of {@code rawFrameSize} bytes at {@code at}. */
    public static void writeHeader(AdtsConfig config, int rawFrameSize, byte[] b, int at) {
        if (rawFrameSize < 1 || rawFrameSize > MAX_RAW_FRAME_SIZE) {
            throw new TsInputException("AAC frame of " + rawFrameSize + " bytes does not fit ADTS");
        }
        int frameLength = HEADER_SIZE + rawFrameSize;
        int channels = config.channelConfiguration();
        b[at] = (byte) 0xFF; // syncword
        b[at + 1] = (byte) 0xF1; // syncword, ID 0 (MPEG-4), layer 00, protection_absent 1
        b[at + 2] = (byte) (config.adtsProfile() << 6 | config.adtsFrequencyIndex() << 2 | channels >> 2);
        b[at + 3] = (byte) ((channels & 3) << 6 | frameLength >> 11);
        b[at + 4] = (byte) (frameLength >> 3);
        b[at + 5] = (byte) ((frameLength & 7) << 5 | 0x1F); // adts_buffer_fullness 0x7FF: variable rate
        b[at + 6] = (byte) 0xFC; // buffer fullness, one raw data block
    }
}
