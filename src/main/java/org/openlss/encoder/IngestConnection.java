package org.openlss.encoder;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;

/**
 * One long chunked POST of a stream, as a live encoder keeps it open for the whole event: each {@link #send} goes out
 * at once as chunks (the server sees every fragment as soon as it is due), a connection the server closed shows as an
 * {@link IOException} from {@link #send}, and the server's answer only comes after the final chunk ({@link #finish}).
 */
final class IngestConnection {
    /** Chunks of at most this size: a fragment of a few hundred kilobytes goes out as a few chunks. */
    private static final int CHUNK = 64 * 1024;
    /** The server answers once it has taken the last fragment in: allow it some time. */
    private static final int ANSWER_MILLIS = 60_000;

    private static final byte[] NOTHING = new byte[0];

    private final HttpURLConnection connection;
    private final OutputStream body;

    private IngestConnection(HttpURLConnection connection, OutputStream body) {
        this.connection = connection;
        this.body = body;
    }

    /** Opens the POST to {@code Streams(id)}: the request line and headers are sent, the body is open. */
    static IngestConnection open(ServerAddress server, String streamId) throws IOException {
        HttpURLConnection connection = server.connect(server.stream(streamId), "POST");
        connection.setDoOutput(true);
        connection.setChunkedStreamingMode(CHUNK);
        connection.setReadTimeout(ANSWER_MILLIS);
        connection.setRequestProperty("Content-Type", "application/octet-stream"); // not a form: nothing may parse it
        return new IngestConnection(connection, connection.getOutputStream());
    }

    /** Writes {@code parts} and flushes them onto the wire; throws if the connection failed meanwhile. */
    void send(byte[]... parts) throws IOException {
        for (byte[] part : parts) {
            body.write(part);
        }
        body.flush();
        // the JDK's request body stream notes a failed flush and throws only on the next write: make that write now,
        // so a fragment counts as sent only when it reached the socket (and the resent two fragments cover the loss)
        body.write(NOTHING, 0, 0);
    }

    /** Sends the final chunk and returns the server's answer to the whole stream. */
    ServerAddress.Reply finish() throws IOException {
        body.close();
        int status = connection.getResponseCode();
        InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        String text = "";
        if (in != null) {
            try (in) {
                text = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
            }
        }
        return new ServerAddress.Reply(status, text);
    }

    /** Drops the connection without the final chunk: to the server, an encoder that failed. */
    void abort() {
        connection.disconnect();
    }
}
