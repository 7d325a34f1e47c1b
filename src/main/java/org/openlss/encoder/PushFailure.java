package org.openlss.encoder;

/** Why the push cannot go on, in one line for the user: the encoder prints it and exits non-zero. */
public final class PushFailure extends Exception {
    private static final long serialVersionUID = 1L;

    public PushFailure(String message) {
        super(message);
    }

    public PushFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
