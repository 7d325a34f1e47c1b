package org.openlss.pubpoint;

/** A management operation refused for a reason the caller can act on; the REST layer turns it into the IIS error body. */
public class ManagementException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final ErrorCode code;

    public ManagementException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
