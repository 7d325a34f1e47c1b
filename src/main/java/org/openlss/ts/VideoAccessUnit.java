package org.openlss.ts;

import java.util.Objects;

/**
 * One H.264 sample as MP4 stores it: NAL units behind big-endian lengths of {@link AvcParameters#nalLengthSize()}
 * bytes. The bytes are read, not copied, while the segment is written.
 *
 * <p>Times are 90 kHz ticks ({@link Timestamps#toMpegTicks}), not yet wrapped to 33 bits. The muxer needs
 * {@code 0 <= dts90 <= pts90}: when a source uses negative composition offsets (trun version 1), the caller adds one
 * constant to the times of every stream of the presentation, so PTS stays equal across streams and variants.
 * Whether the unit is an IDR picture is read from its NAL unit types.
 */
public record VideoAccessUnit(long dts90, long pts90, byte[] data, int offset, int length) {
    public VideoAccessUnit {
        Objects.checkFromIndexSize(offset, length, data.length);
        if (dts90 < 0 || pts90 < dts90) {
            throw new TsInputException("video times must satisfy 0 <= DTS <= PTS, got DTS " + dts90 + ", PTS " + pts90
                    + " (shift all streams by a constant)");
        }
    }
}
