package org.openlss.mp4;

/**
 * The only exception the parsers of this package throw on bad input. It carries the HTTP status an
 * ingest endpoint should answer with (smooth-ingest.md §2.2), so callers need not classify errors.
 */
public class BoxFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Malformed box structure or bad SMIL. */
    public static final int MALFORMED = 400;
    /** Header boxes missing or incorrect, or a fragment for a track the headers never declared. */
    public static final int PRECONDITION_FAILED = 412;
    /** A codec we cannot describe in a client manifest. */
    public static final int UNSUPPORTED_MEDIA_TYPE = 415;

    private final int suggestedStatus;

    public BoxFormatException(int suggestedStatus, String message) {
        super(message);
        this.suggestedStatus = suggestedStatus;
    }

    public BoxFormatException(int suggestedStatus, String message, Throwable cause) {
        super(message, cause);
        this.suggestedStatus = suggestedStatus;
    }

    public static BoxFormatException malformed(String message) {
        return new BoxFormatException(MALFORMED, message);
    }

    public static BoxFormatException badHeaders(String message) {
        return new BoxFormatException(PRECONDITION_FAILED, message);
    }

    public static BoxFormatException unsupported(String message) {
        return new BoxFormatException(UNSUPPORTED_MEDIA_TYPE, message);
    }

    /** The HTTP status to answer the encoder with: 400, 412 or 415. */
    public int suggestedStatus() {
        return suggestedStatus;
    }
}
