package org.openlss.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openlss.mp4.EndOfStream;

/**
 * An encoder that never reads the response, like ffmpeg: it keeps sending a chunked body until the server closes the
 * connection (signed in with the encoder account). Reports the status line the server sent and how long the sender could keep sending.
 */
public final class RawIngest {
    public record Outcome(String statusLine, double secondsUntilClosed) {
        public int status() {
            return statusLine == null ? -1 : Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    private RawIngest() {
    }

    /** One chunked POST that stays open: a second encoder connection whose body the test writes as it goes. */
    public static final class Connection implements AutoCloseable {
        private final Socket socket;
        private final OutputStream out;

        private Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
        }

        /** Sends {@code data} as one chunk. */
        public void send(byte[] data) throws IOException {
            out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(data);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        /** Ends the stream as an encoder does: an empty {@code mfra}, then the body's last chunk. */
        public void endOfStream() throws IOException {
            send(EndOfStream.bytes());
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        /** Drops the connection (without ending the body, unless {@link #endOfStream()} did). */
        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** Opens a chunked POST to {@code url}, signed in as the encoder account; the body is sent with {@code send}. */
    public static Connection open(URI url) throws IOException {
        Socket socket = new Socket(url.getHost(), url.getPort());
        try {
            socket.getOutputStream().write(requestHead(url));
            return new Connection(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    private static byte[] requestHead(URI url) {
        return ("POST " + url.getRawPath() + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort()
                + "\r\nTransfer-Encoding: chunked\r\nUser-Agent: RawIngest\r\nAuthorization: "
                + Deployments.encoderAuthorization() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** POSTs {@code prefix} then random bytes, chunked, for at most {@code seconds}. */
    public static Outcome post(URI url, byte[] prefix, int seconds) throws IOException {
        try (Socket socket = new Socket(url.getHost(), url.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(requestHead(url));
            CompletableFuture<String> status = CompletableFuture.supplyAsync(() -> {
                try {
                    BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                            StandardCharsets.ISO_8859_1));
                    String line = in.readLine();
                    while (line != null && line.startsWith("HTTP/1.1 100")) {
                        in.readLine();
                        line = in.readLine();
                    }
                    return line;
                } catch (IOException e) {
                    return null;
                }
            });
            long start = System.nanoTime();
            Random random = new Random(3);
            byte[] chunk = new byte[16 * 1024];
            boolean first = true;
            try {
                while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(seconds)) {
                    byte[] data = first ? prefix : chunk;
                    if (!first) {
                        random.nextBytes(chunk);
                    }
                    first = false;
                    out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(data);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    ServerProcess.sleep(20);
                }
            } catch (IOException closed) {
                // the server closed the connection: what an encoder notices
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            String line;
            try {
                line = status.get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                line = null;
            }
            return new Outcome(line, elapsed);
        }
    }
}
