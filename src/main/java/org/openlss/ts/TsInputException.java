package org.openlss.ts;

/** The media handed to the muxer cannot be carried in a transport stream as given (malformed or unsupported). */
public class TsInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TsInputException(String message) {
        super(message);
    }
}
