package org.openlss.live;

/** An input stream the presentation cannot take, with the HTTP status the ingest answers and the reason. */
public class StreamRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    public StreamRefusedException(int status, String reason) {
        super(reason);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
