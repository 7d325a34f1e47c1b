package org.openlss.mp4;

/**
 * A fragment whose absolute time is 2^63 or more: a negative start written as two's complement (ffmpeg's AAC priming
 * starts audio at -1024 samples). The fragment has been consumed when this is thrown, so a receiver may drop it and
 * keep feeding the same buffer.
 */
public final class NegativeFragmentTimeException extends BoxFormatException {
    private static final long serialVersionUID = 1L;

    NegativeFragmentTimeException(String message) {
        super(MALFORMED, message);
    }
}
