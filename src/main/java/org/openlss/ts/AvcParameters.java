package org.openlss.ts;

import java.util.List;

/**
 * What the muxer needs from the AVC decoder configuration (avcC, ISO/IEC 14496-15 §5.3.3, or Smooth's
 * CodecPrivateData and NALUnitLengthField): the size of the NAL unit length prefix in samples, and the raw SPS and
 * PPS NAL units (no start code, no length prefix) that every IDR access unit gets in front of it.
 */
public record AvcParameters(int nalLengthSize, List<byte[]> sps, List<byte[]> pps) {
    public AvcParameters {
        if (nalLengthSize != 1 && nalLengthSize != 2 && nalLengthSize != 4) {
            throw new TsInputException("NAL unit length size must be 1, 2 or 4, not " + nalLengthSize);
        }
        sps = List.copyOf(sps);
        pps = List.copyOf(pps);
        if (sps.isEmpty() || pps.isEmpty()) {
            throw new TsInputException("at least one SPS and one PPS are needed");
        }
        for (List<byte[]> units : List.of(sps, pps)) {
            for (byte[] unit : units) {
                if (unit.length == 0) {
                    throw new TsInputException("empty parameter set NAL unit");
                }
            }
        }
    }
}
