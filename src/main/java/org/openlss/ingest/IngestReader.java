package org.openlss.ingest;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openlss.platform.ConnectionAbort;
import org.openlss.platform.PlainText;

/**
 * Reads one long-lived ingest POST without parking a thread: the container calls back when bytes are there. The
 * answer is sent only when the body ends, or at once (with {@code Connection: close}) when the stream is refused, since
 * encoders such as ffmpeg never read responses and only notice a closed connection.
 */
final class IngestReader implements ReadListener {
    private static final Logger LOG = Logger.getLogger(IngestReader.class.getName());
    private static final int READ_BUFFER = 64 * 1024;

    private final AsyncContext async;
    private final ServletInputStream in;
    private final IngestSession session;
    private final IngestConnections connections;
    private final byte[] buffer = new byte[READ_BUFFER];
    private final AtomicBoolean finished = new AtomicBoolean();

    IngestReader(AsyncContext async, ServletInputStream in, IngestSession session, IngestConnections connections) {
        this.async = async;
        this.in = in;
        this.session = session;
        this.connections = connections;
    }

    @Override
    public void onDataAvailable() throws IOException {
        try {
            int n;
            while (!finished.get() && in.isReady() && (n = in.read(buffer)) != -1) {
                session.feed(ByteBuffer.wrap(buffer, 0, n));
            }
        } catch (IngestSession.IngestRefusal e) {
            LOG.warning(this + " refused: " + e.getMessage());
            refuse(e.status(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, this + " failed", e);
            refuse(500, "the server failed to take the stream: " + e);
        }
    }

    @Override
    public void onAllDataRead() {
        if (finished.compareAndSet(false, true)) {
            boolean ended = session.finish();
            connections.closed(this);
            answer(HttpServletResponse.SC_OK, ended ? "stream ended" : "stream closed without end of stream", false);
        }
    }

    @Override
    public void onError(Throwable t) {
        if (finished.compareAndSet(false, true)) {
            LOG.info(this + " connection lost: " + t);
            session.disconnect();
            connections.closed(this);
            try {
                async.complete();
            } catch (IllegalStateException e) {
                // the container already finished the request
            }
        }
    }

    /** Ends the stream's connection with {@code status} and closes it, so the sender notices. */
    void refuse(int status, String reason) {
        if (finished.compareAndSet(false, true)) {
            session.disconnect();
            connections.closed(this);
            answer(status, reason, true);
        }
    }

    /** Server shutdown: let go without answering. */
    void abandon() {
        if (finished.compareAndSet(false, true)) {
            session.disconnect();
        }
    }

    long lastDataMillis() {
        return session.lastDataMillis();
    }

    long waitingForFirstFragmentSince() {
        return session.waitingForFirstFragmentSince();
    }

    private void answer(int status, String message, boolean close) {
        try {
            HttpServletResponse response = (HttpServletResponse) async.getResponse();
            if (!response.isCommitted()) {
                if (close) {
                    response.setHeader("Connection", "close");
                }
                PlainText.answer(response, status, message);
                if (close) {
                    response.flushBuffer();
                    ConnectionAbort.close(async.getRequest());
                }
            }
        } catch (IOException | IllegalStateException e) {
            LOG.fine(this + " could not answer: " + e);
        } finally {
            try {
                async.complete();
            } catch (IllegalStateException e) {
                // already complete
            }
        }
    }

    @Override
    public String toString() {
        return "Ingest " + session.address();
    }
}
