package org.openlss.ts;

/**
 * The PES packet header (13818-1 §2.4.3.6–7) with PTS, and DTS only when it differs. Written backwards from the
 * start of the payload, so the payload can be assembled first and never moved.
 */
final class PesHeader {
    static final int STREAM_ID_VIDEO = 0xE0;
    static final int STREAM_ID_AUDIO = 0xC0;
    /** Room to reserve before a payload: the longest header, with PTS and DTS. */
    static final int MAX_SIZE = 19;
    /** The largest payload a bounded PES (audio) can carry: PES_packet_length counts 3 flag bytes and the PTS too. */
    static final int MAX_BOUNDED_PAYLOAD = 0xFFFF - 3 - 5;

    private static final int FIXED_SIZE = 9;
    private static final int TIMESTAMP_SIZE = 5;
    private static final int PREFIX_PTS_ONLY = 0x2;
    private static final int PREFIX_PTS_WITH_DTS = 0x3;
    private static final int PREFIX_DTS = 0x1;

    private PesHeader() {
    }

    /**
     * Writes the header that ends at {@code payloadStart} and returns where it starts. Video PES are unbounded
     * (PES_packet_length 0, allowed for video in TS, needed for frames over 64 KiB); audio PES give the real length.
     *
     * @param pts90 presentation time, 90 kHz, wrapped here to 33 bits
     * @param dts90 decode time, 90 kHz; written only when it differs from the PTS
     */
    static int write(byte[] b, int payloadStart, int payloadLength, int streamId, long pts90, long dts90) {
        boolean withDts = dts90 != pts90;
        int dataLength = withDts ? 2 * TIMESTAMP_SIZE : TIMESTAMP_SIZE;
        int at = payloadStart - FIXED_SIZE - dataLength;
        int packetLength = 0;
        if (streamId != STREAM_ID_VIDEO) {
            packetLength = 3 + dataLength + payloadLength;
            if (packetLength > 0xFFFF) {
                throw new IllegalStateException("bounded PES too long: " + packetLength);
            }
        }
        b[at] = 0;
        b[at + 1] = 0;
        b[at + 2] = 1;
        b[at + 3] = (byte) streamId;
        b[at + 4] = (byte) (packetLength >> 8);
        b[at + 5] = (byte) packetLength;
        b[at + 6] = (byte) 0x84; // '10', data_alignment_indicator: the payload starts with an access unit
        b[at + 7] = (byte) (withDts ? 0xC0 : 0x80); // PTS_DTS_flags
        b[at + 8] = (byte) dataLength; // PES_header_data_length
        if (withDts) {
            writeTimestamp(b, at + FIXED_SIZE, PREFIX_PTS_WITH_DTS, pts90);
            writeTimestamp(b, at + FIXED_SIZE + TIMESTAMP_SIZE, PREFIX_DTS, dts90);
        } else {
            writeTimestamp(b, at + FIXED_SIZE, PREFIX_PTS_ONLY, pts90);
        }
        return at;
    }

    /** A 33-bit timestamp in 5 bytes: 4-bit prefix, then 3 + 15 + 15 bits each followed by a marker bit. */
    static void writeTimestamp(byte[] b, int at, int prefix, long ticks90) {
        long ts = Timestamps.wrap33(ticks90);
        b[at] = (byte) (prefix << 4 | (ts >> 29) & 0x0E | 1);
        b[at + 1] = (byte) (ts >> 22);
        b[at + 2] = (byte) ((ts >> 14) & 0xFE | 1);
        b[at + 3] = (byte) (ts >> 7);
        b[at + 4] = (byte) ((ts << 1) & 0xFE | 1);
    }
}
