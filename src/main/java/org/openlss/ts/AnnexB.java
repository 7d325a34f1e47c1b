package org.openlss.ts;

/**
 * One AVC sample (NAL units each behind a big-endian length, ISO/IEC 14496-15) to an H.264 Annex B access unit as
 * TS needs it (H.222.0 §2.14): an access unit delimiter first, then SPS and PPS in front of every IDR picture so each
 * segment decodes on its own, then the sample's NAL units behind 4-byte start codes.
 */
public final class AnnexB {
    private static final byte[] START_CODE = {0, 0, 0, 1};
    /** nal_unit_type 9, primary_pic_type 7 (any slice type), rbsp stop bit. */
    private static final byte[] ACCESS_UNIT_DELIMITER = {0, 0, 0, 1, 0x09, (byte) 0xF0};
    private static final int NAL_IDR_SLICE = 5;
    private static final int NAL_SPS = 7;
    private static final int NAL_AUD = 9;

    private final int lengthSize;
    /** SPS and PPS with start codes, ready to copy in one go. */
    private final byte[] parameterSets;

    public AnnexB(AvcParameters parameters) {
        lengthSize = parameters.nalLengthSize();
        GrowableBytes sets = new GrowableBytes(256);
        for (byte[] unit : parameters.sps()) {
            appendNal(sets, unit, 0, unit.length);
        }
        for (byte[] unit : parameters.pps()) {
            appendNal(sets, unit, 0, unit.length);
        }
        parameterSets = sets.toArray();
    }

    /** The Annex B form of one sample, as a new array. */
    public byte[] convert(byte[] sample, int offset, int length) {
        GrowableBytes out = new GrowableBytes(length + ACCESS_UNIT_DELIMITER.length + parameterSets.length);
        append(sample, offset, length, out);
        return out.toArray();
    }

    /**
     * Appends the Annex B form of one sample to {@code out}; returns whether it is an IDR access unit. The sample is
     * checked completely before anything is written, so a malformed sample leaves {@code out} unchanged.
     */
    boolean append(byte[] sample, int offset, int length, GrowableBytes out) {
        int end = offset + length;
        boolean idr = false;
        boolean hasSps = false;
        boolean startsWithAud = false;
        int units = 0;
        int outputLength = 0;
        for (int at = offset; at < end; units++) {
            int unitLength = unitLength(sample, at, end, offset);
            at += lengthSize;
            int type = sample[at] & 0x1F;
            startsWithAud |= units == 0 && type == NAL_AUD;
            idr |= type == NAL_IDR_SLICE;
            hasSps |= type == NAL_SPS;
            outputLength += START_CODE.length + unitLength;
            at += unitLength;
        }
        if (units == 0) {
            throw new TsInputException("AVC sample without NAL units");
        }
        boolean addParameterSets = idr && !hasSps;
        out.ensure(outputLength + (startsWithAud ? 0 : ACCESS_UNIT_DELIMITER.length)
                + (addParameterSets ? parameterSets.length : 0));
        int at = offset;
        if (startsWithAud) {
            at = copyUnit(sample, at, out);
        } else {
            out.append(ACCESS_UNIT_DELIMITER, 0, ACCESS_UNIT_DELIMITER.length);
        }
        if (addParameterSets) {
            out.append(parameterSets, 0, parameterSets.length);
        }
        while (at < end) {
            at = copyUnit(sample, at, out);
        }
        return idr;
    }

    /** Reads and checks the length prefix at {@code at}. */
    private int unitLength(byte[] sample, int at, int end, int sampleStart) {
        if (end - at < lengthSize) {
            throw new TsInputException("AVC sample: truncated NAL unit length at byte " + (at - sampleStart));
        }
        long unitLength = readLength(sample, at);
        if (unitLength == 0 || unitLength > end - at - lengthSize) {
            throw new TsInputException("AVC sample: NAL unit length " + unitLength + " at byte " + (at - sampleStart)
                    + " does not fit the " + (end - sampleStart) + "-byte sample");
        }
        return (int) unitLength;
    }

    private long readLength(byte[] b, int at) {
        long value = 0;
        for (int i = 0; i < lengthSize; i++) {
            value = value << 8 | b[at + i] & 0xFF;
        }
        return value;
    }

    /** Copies the already checked unit at {@code at} behind a start code; returns where the next one begins. */
    private int copyUnit(byte[] sample, int at, GrowableBytes out) {
        int unitLength = (int) readLength(sample, at);
        int unitStart = at + lengthSize;
        appendNal(out, sample, unitStart, unitLength);
        return unitStart + unitLength;
    }

    private static void appendNal(GrowableBytes out, byte[] unit, int offset, int length) {
        out.append(START_CODE, 0, START_CODE.length);
        out.append(unit, offset, length);
    }
}
