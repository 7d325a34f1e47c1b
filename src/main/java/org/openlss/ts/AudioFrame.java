package org.openlss.ts;

import java.util.Objects;

/**
 * One raw AAC frame as MP4 stores it (no ADTS header). The bytes are read, not copied, while the segment is written.
 *
 * @param pts90 presentation time in 90 kHz ticks, not yet wrapped, at least 0, on the same clock (and with the same
 *     constant shift) as the video of the presentation
 */
public record AudioFrame(long pts90, byte[] data, int offset, int length) {
    public AudioFrame {
        Objects.checkFromIndexSize(offset, length, data.length);
        if (pts90 < 0) {
            throw new TsInputException("audio PTS must not be negative: " + pts90
                    + " (shift all streams by a constant)");
        }
        if (length < 1 || length > Adts.MAX_RAW_FRAME_SIZE) {
            throw new TsInputException("AAC frame of " + length + " bytes does not fit ADTS");
        }
    }
}
