package org.openlss.ts;

import java.util.Arrays;

/**
 * Splits one PES packet into 188-byte transport packets (13818-1 §2.4.3.2) written straight into the segment buffer.
 * The first packet may carry an adaptation field with random_access_indicator and PCR (§2.4.3.4–5); the last one is
 * filled by growing its adaptation field, because padding the PES payload would corrupt the elementary stream.
 */
final class TsPacketizer {
    static final int PACKET_SIZE = 188;
    static final byte SYNC_BYTE = 0x47;
    static final int HEADER_SIZE = 4;
    static final int PAYLOAD_SIZE = PACKET_SIZE - HEADER_SIZE;
    /** Marks "no PCR in this PES". */
    static final long NO_PCR = -1;

    private static final int FLAG_PUSI = 0x40;
    private static final int PAYLOAD_ONLY = 0x10;
    private static final int ADAPTATION_AND_PAYLOAD = 0x30;
    private static final int DISCONTINUITY_INDICATOR = 0x80;
    private static final int RANDOM_ACCESS_INDICATOR = 0x40;
    private static final int PCR_FLAG = 0x10;
    /** adaptation_field_length and the flags byte. */
    private static final int FLAGGED_FIELD = 2;
    private static final int PCR_SIZE = 6;
    /** 27 MHz PCR ticks per 90 kHz PCR base tick. */
    static final long PCR_TICKS_PER_BASE_TICK = 300;

    private TsPacketizer() {
    }

    /**
     * Appends the transport packets of {@code pes[offset, offset + length)} to {@code out}.
     *
     * @param pcr27 the PCR in 27 MHz units, at most 300 × (2^33 − 1) + 299, or {@link #NO_PCR}
     */
    static void write(GrowableBytes out, ContinuityCounters counters, int pid, byte[] pes, int offset, int length,
            long pcr27, boolean randomAccess) {
        boolean discontinuity = counters.announceDiscontinuity(pid);
        int firstField = pcr27 != NO_PCR ? FLAGGED_FIELD + PCR_SIZE
                : randomAccess || discontinuity ? FLAGGED_FIELD : 0;
        int packets = (length + firstField + PAYLOAD_SIZE - 1) / PAYLOAD_SIZE;
        out.ensure(packets * PACKET_SIZE);
        byte[] b = out.array;
        int at = out.size;
        int from = offset;
        int end = offset + length;
        int field = firstField;
        while (from < end) {
            int payload = Math.min(PAYLOAD_SIZE - field, end - from);
            field = PAYLOAD_SIZE - payload; // the last packet's stuffing goes into its adaptation field
            boolean first = from == offset;
            b[at] = SYNC_BYTE;
            b[at + 1] = (byte) ((first ? FLAG_PUSI : 0) | pid >> 8);
            b[at + 2] = (byte) pid;
            b[at + 3] = (byte) ((field > 0 ? ADAPTATION_AND_PAYLOAD : PAYLOAD_ONLY) | counters.next(pid));
            at += HEADER_SIZE;
            if (field > 0) {
                writeAdaptationField(b, at, field, first ? pcr27 : NO_PCR, first && randomAccess,
                        first && discontinuity);
                at += field;
            }
            System.arraycopy(pes, from, b, at, payload);
            at += payload;
            from += payload;
            field = 0;
        }
        out.size = at;
    }

    /** An adaptation field of exactly {@code size} bytes, its length byte included; one byte is just that byte. */
    private static void writeAdaptationField(byte[] b, int at, int size, long pcr27, boolean randomAccess,
                                             boolean discontinuity) {
        b[at] = (byte) (size - 1);
        if (size == 1) {
            return;
        }
        int stuffingFrom = at + FLAGGED_FIELD;
        int flags = (randomAccess ? RANDOM_ACCESS_INDICATOR : 0) | (discontinuity ? DISCONTINUITY_INDICATOR : 0);
        if (pcr27 != NO_PCR) {
            flags |= PCR_FLAG;
            writePcr(b, stuffingFrom, pcr27);
            stuffingFrom += PCR_SIZE;
        }
        b[at + 1] = (byte) flags;
        Arrays.fill(b, stuffingFrom, at + size, (byte) 0xFF);
    }

    /** program_clock_reference_base (33 bits, 90 kHz), 6 reserved bits, extension (9 bits, 0..299). */
    static void writePcr(byte[] b, int at, long pcr27) {
        long base = pcr27 / PCR_TICKS_PER_BASE_TICK;
        int extension = (int) (pcr27 % PCR_TICKS_PER_BASE_TICK);
        b[at] = (byte) (base >>> 25);
        b[at + 1] = (byte) (base >>> 17);
        b[at + 2] = (byte) (base >>> 9);
        b[at + 3] = (byte) (base >>> 1);
        b[at + 4] = (byte) ((base & 1) << 7 | 0x7E | extension >>> 8);
        b[at + 5] = (byte) extension;
    }
}
