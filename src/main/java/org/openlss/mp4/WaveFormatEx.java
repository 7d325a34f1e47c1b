package org.openlss.mp4;

/**
 * WAVEFORMATEX as hex in a live server manifest (smooth-client.md §2.5): little-endian
 * {@code wFormatTag, nChannels, nSamplesPerSec, nAvgBytesPerSec, nBlockAlign, wBitsPerSample,
 * cbSize, extra[cbSize]}.
 */
public record WaveFormatEx(int formatTag, int channels, long samplesPerSec, long avgBytesPerSec,
                           int blockAlign, int bitsPerSample, byte[] extra) {
    /** wFormatTag of AAC: its extra bytes are the AudioSpecificConfig. */
    public static final int TAG_AAC = 0x00FF;
    private static final int FIXED_LENGTH = 18;

    public static WaveFormatEx parse(byte[] data) {
        if (data.length < FIXED_LENGTH) {
            throw BoxFormatException.malformed("WaveFormatEx has " + data.length + " bytes, needs " + FIXED_LENGTH);
        }
        int extraLength = le16(data, 16);
        if (extraLength > data.length - FIXED_LENGTH) {
            throw BoxFormatException.malformed("WaveFormatEx cbSize " + extraLength + " exceeds its data");
        }
        byte[] extra = new byte[extraLength];
        System.arraycopy(data, FIXED_LENGTH, extra, 0, extraLength);
        return new WaveFormatEx(le16(data, 0), le16(data, 2), le32(data, 4), le32(data, 8),
                le16(data, 12), le16(data, 14), extra);
    }

    private static int le16(byte[] b, int off) {
        return (b[off] & 0xFF) | ((b[off + 1] & 0xFF) << 8);
    }

    private static long le32(byte[] b, int off) {
        return le16(b, off) | ((long) le16(b, off + 2) << 16);
    }

    /** The extra bytes (a copy). */
    @Override
    public byte[] extra() {
        return extra.clone();
    }
}
