package org.openlss.mp4;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * H.264 decoder configuration: the {@code avcC} record (ISO/IEC 14496-15) and its Smooth form,
 * CodecPrivateData = {@code 00000001}+SPS+{@code 00000001}+PPS (smooth-client.md §2.5).
 */
public final class AvcDecoderConfig {
    /** More parameter sets than this in one configuration is not a real encoder. */
    public static final int MAX_PARAMETER_SETS = 32;
    private static final int NAL_SPS = 7;
    private static final int NAL_PPS = 8;
    private static final byte[] START_CODE = {0, 0, 0, 1};

    private final int profile;
    private final int compatibility;
    private final int level;
    private final int nalLengthSize;
    private final List<byte[]> sps;
    private final List<byte[]> pps;

    private AvcDecoderConfig(int profile, int compatibility, int level, int nalLengthSize,
                             List<byte[]> sps, List<byte[]> pps) {
        this.profile = profile;
        this.compatibility = compatibility;
        this.level = level;
        this.nalLengthSize = nalLengthSize;
        this.sps = List.copyOf(sps);
        this.pps = List.copyOf(pps);
    }

    /** Parses an {@code avcC} payload (the bytes after the box header). */
    public static AvcDecoderConfig parse(byte[] data, int offset, int length) {
        return parse(new FieldReader(data, offset, offset + length, "avcC"));
    }

    static AvcDecoderConfig parse(FieldReader in) {
        if (in.u8() != 1) {
            throw BoxFormatException.malformed("avcC configurationVersion is not 1");
        }
        int profile = in.u8();
        int compatibility = in.u8();
        int level = in.u8();
        int nalLengthSize = (in.u8() & 3) + 1;
        if (nalLengthSize == 3) {
            throw BoxFormatException.malformed("avcC declares 3-byte NAL lengths");
        }
        List<byte[]> sps = readParameterSets(in, in.u8() & 0x1F);
        List<byte[]> pps = readParameterSets(in, in.u8());
        requireBoth(sps, pps, "avcC");
        return new AvcDecoderConfig(profile, compatibility, level, nalLengthSize, sps, pps);
    }

    private static List<byte[]> readParameterSets(FieldReader in, int count) {
        if (count > MAX_PARAMETER_SETS) {
            throw BoxFormatException.malformed("avcC lists " + count + " parameter sets");
        }
        List<byte[]> sets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int length = in.u16();
            if (length == 0) {
                throw BoxFormatException.malformed("avcC has an empty parameter set");
            }
            sets.add(in.bytes(length));
        }
        return sets;
    }

    /**
     * Builds the configuration from Annex-B CodecPrivateData (3- or 4-byte start codes); NAL units
     * other than SPS and PPS are ignored. Profile and level come from the first SPS.
     */
    public static AvcDecoderConfig fromCodecPrivateData(byte[] annexB, int nalLengthSize) {
        if (nalLengthSize != 1 && nalLengthSize != 2 && nalLengthSize != 4) {
            throw BoxFormatException.malformed("NALUnitLengthField " + nalLengthSize + " is not 1, 2 or 4");
        }
        List<byte[]> sps = new ArrayList<>();
        List<byte[]> pps = new ArrayList<>();
        int start = nextNalStart(annexB, 0);
        if (start < 0) {
            throw BoxFormatException.malformed("H.264 CodecPrivateData has no start code");
        }
        while (start >= 0 && start < annexB.length) {
            int next = nextNalStart(annexB, start);
            int end = next < 0 ? annexB.length : next - 3;
            while (end > start && annexB[end - 1] == 0) {
                end--; // trailing zero of a 4-byte start code, or zero padding
            }
            if (end > start) {
                int nalType = annexB[start] & 0x1F;
                List<byte[]> target = nalType == NAL_SPS ? sps : nalType == NAL_PPS ? pps : null;
                if (target != null) {
                    if (target.size() == MAX_PARAMETER_SETS || end - start > 0xFFFF) {
                        throw BoxFormatException.malformed("H.264 CodecPrivateData has too many or too large parameter sets");
                    }
                    byte[] nal = new byte[end - start];
                    System.arraycopy(annexB, start, nal, 0, nal.length);
                    target.add(nal);
                }
            }
            start = next;
        }
        requireBoth(sps, pps, "H.264 CodecPrivateData");
        byte[] first = sps.get(0);
        if (first.length < 4) {
            throw BoxFormatException.malformed("H.264 SPS is too short");
        }
        return new AvcDecoderConfig(first[1] & 0xFF, first[2] & 0xFF, first[3] & 0xFF, nalLengthSize, sps, pps);
    }

    /** Index of the first byte after the next {@code 00 00 01} at or after {@code from}; -1 if none. */
    private static int nextNalStart(byte[] b, int from) {
        for (int i = from; i + 2 < b.length; i++) {
            if (b[i] == 0 && b[i + 1] == 0 && b[i + 2] == 1) {
                return i + 3;
            }
        }
        return -1;
    }

    private static void requireBoth(List<byte[]> sps, List<byte[]> pps, String what) {
        if (sps.isEmpty() || pps.isEmpty()) {
            throw BoxFormatException.malformed(what + " needs at least one SPS and one PPS");
        }
    }

    public int profile() {
        return profile;
    }

    public int compatibility() {
        return compatibility;
    }

    public int level() {
        return level;
    }

    /** Size of the length prefix of each NAL unit in samples: 1, 2 or 4. */
    public int nalLengthSize() {
        return nalLengthSize;
    }

    /** The sequence parameter sets, NAL header byte included (do not modify the arrays). */
    public List<byte[]> sps() {
        return sps;
    }

    /** The picture parameter sets, NAL header byte included (do not modify the arrays). */
    public List<byte[]> pps() {
        return pps;
    }

    /** Each SPS then each PPS behind a 4-byte start code (dash.js splits on exactly that). */
    public byte[] codecPrivateData() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (List<byte[]> sets : List.of(sps, pps)) {
            for (byte[] nal : sets) {
                out.writeBytes(START_CODE);
                out.writeBytes(nal);
            }
        }
        return out.toByteArray();
    }

    public String codecPrivateDataHex() {
        return Bytes.hex(codecPrivateData());
    }

    /** The RFC 6381 codec string, e.g. {@code avc1.640020}. */
    public String codecString() {
        return String.format("avc1.%02X%02X%02X", profile, compatibility, level);
    }

    /** The {@code avcC} payload (no box header), e.g. for a push encoder's moov. */
    public byte[] toAvcC() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(1);
        out.write(profile);
        out.write(compatibility);
        out.write(level);
        out.write(0xFC | (nalLengthSize - 1));
        out.write(0xE0 | sps.size());
        writeSets(out, sps);
        out.write(pps.size());
        writeSets(out, pps);
        return out.toByteArray();
    }

    private static void writeSets(ByteArrayOutputStream out, List<byte[]> sets) {
        for (byte[] nal : sets) {
            out.write(nal.length >>> 8);
            out.write(nal.length);
            out.writeBytes(nal);
        }
    }
}
