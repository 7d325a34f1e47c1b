package org.openlss.ts;

import java.util.Arrays;

/**
 * The program tables every segment starts with (ISO/IEC 13818-1 §2.4.4.3 PAT, §2.4.4.8 PMT): one program, fixed
 * PIDs, each table a single section in a single packet. The layout is byte for byte what ffmpeg's TS muxer writes for
 * the same streams, minus its optional SDT.
 */
public final class PsiTables {
    public static final int PAT_PID = 0x0000;
    public static final int PMT_PID = 0x1000;
    public static final int VIDEO_PID = 0x0100;
    public static final int AUDIO_PID = 0x0101;
    public static final int STREAM_TYPE_H264 = 0x1B;
    /** AAC in ADTS transport syntax (ISO/IEC 13818-7). */
    public static final int STREAM_TYPE_AAC_ADTS = 0x0F;

    private static final int TRANSPORT_STREAM_ID = 1;
    private static final int PROGRAM_NUMBER = 1;
    private static final int TABLE_ID_PAT = 0x00;
    private static final int TABLE_ID_PMT = 0x02;
    /** Bytes before the section: packet header and pointer_field. */
    private static final int SECTION_START = 5;
    /** Bytes from table_id to last_section_number. */
    private static final int SECTION_HEADER = 8;
    private static final int CRC_LENGTH = 4;

    private PsiTables() {
    }

    /** The PAT packet (program 1 → PMT PID 0x1000) with continuity_counter 0. */
    public static byte[] patPacket() {
        byte[] body = {(byte) (PROGRAM_NUMBER >> 8), (byte) PROGRAM_NUMBER,
            (byte) (0xE0 | PMT_PID >> 8), (byte) PMT_PID};
        return packet(PAT_PID, TABLE_ID_PAT, TRANSPORT_STREAM_ID, body);
    }

    /**
     * The PMT packet with continuity_counter 0: H.264 on {@link #VIDEO_PID} and/or ADTS AAC on {@link #AUDIO_PID}; the
     * PCR is on the video PID when there is video, else on the audio PID.
     */
    public static byte[] pmtPacket(boolean hasVideo, boolean hasAudio) {
        if (!hasVideo && !hasAudio) {
            throw new IllegalArgumentException("a program needs at least one stream");
        }
        int pcrPid = pcrPid(hasVideo);
        byte[] body = new byte[4 + (hasVideo ? 5 : 0) + (hasAudio ? 5 : 0)];
        body[0] = (byte) (0xE0 | pcrPid >> 8);
        body[1] = (byte) pcrPid;
        body[2] = (byte) 0xF0; // program_info_length 0
        int at = 4;
        if (hasVideo) {
            at = streamEntry(body, at, STREAM_TYPE_H264, VIDEO_PID);
        }
        if (hasAudio) {
            streamEntry(body, at, STREAM_TYPE_AAC_ADTS, AUDIO_PID);
        }
        return packet(PMT_PID, TABLE_ID_PMT, PROGRAM_NUMBER, body);
    }

    /** The PID that carries the PCR. */
    static int pcrPid(boolean hasVideo) {
        return hasVideo ? VIDEO_PID : AUDIO_PID;
    }

    private static int streamEntry(byte[] body, int at, int streamType, int pid) {
        body[at] = (byte) streamType;
        body[at + 1] = (byte) (0xE0 | pid >> 8);
        body[at + 2] = (byte) pid;
        body[at + 3] = (byte) 0xF0; // ES_info_length 0
        return at + 5;
    }

    private static byte[] packet(int pid, int tableId, int id, byte[] body) {
        byte[] packet = new byte[TsPacketizer.PACKET_SIZE];
        Arrays.fill(packet, (byte) 0xFF);
        packet[0] = TsPacketizer.SYNC_BYTE;
        packet[1] = (byte) (0x40 | pid >> 8); // payload_unit_start_indicator
        packet[2] = (byte) pid;
        packet[3] = 0x10; // payload only, continuity_counter 0
        packet[4] = 0; // pointer_field
        int sectionLength = SECTION_HEADER - 3 + body.length + CRC_LENGTH;
        int s = SECTION_START;
        packet[s] = (byte) tableId;
        packet[s + 1] = (byte) (0xB0 | sectionLength >> 8); // section_syntax_indicator, '0', reserved
        packet[s + 2] = (byte) sectionLength;
        packet[s + 3] = (byte) (id >> 8);
        packet[s + 4] = (byte) id;
        packet[s + 5] = (byte) 0xC1; // reserved, version_number 0, current_next_indicator 1
        packet[s + 6] = 0; // section_number
        packet[s + 7] = 0; // last_section_number
        System.arraycopy(body, 0, packet, s + SECTION_HEADER, body.length);
        int crcAt = s + SECTION_HEADER + body.length;
        int crc = Crc32Mpeg.compute(packet, s, crcAt - s);
        packet[crcAt] = (byte) (crc >>> 24);
        packet[crcAt + 1] = (byte) (crc >>> 16);
        packet[crcAt + 2] = (byte) (crc >>> 8);
        packet[crcAt + 3] = (byte) crc;
        return packet;
    }
}
