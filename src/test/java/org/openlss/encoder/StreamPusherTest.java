package org.openlss.encoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openlss.mp4.IngestBody;

/** The push of one stream against a stand-in publishing point that drops the first streaming connection. */
class StreamPusherTest {
    @TempDir
    Path dir;

    /** Each request as received: request head, then the de-chunked body (cut short where the server dropped it). */
    private final List<String> heads = new CopyOnWriteArrayList<>();
    private final List<byte[]> bodies = new CopyOnWriteArrayList<>();

    @Test
    void aDroppedConnectionIsReopenedWithTheHeaderAndTheLastTwoFragments() throws Exception {
        Path file = dir.resolve("ondemand.ismv");
        try (InputStream in = getClass().getResourceAsStream("/org/openlss/mp4/ffmpeg-ondemand.ismv")) {
            Files.copy(in, file);
        }
        try (ServerSocket socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> serve(socket, 6000));
            server.setDaemon(true);
            server.start();
            String url = "http://enc:s%40cret@127.0.0.1:" + socket.getLocalPort() + "/live/pp.isml";
            EncoderOptions options = EncoderOptions.parse("/rate:20", "/headers:X-Test: yes", url, file.toString());
            List<SourceStream> streams = SourceFiles.open(options.media());
            LiveTimeline timeline = LiveTimeline.of(streams, options, 0);
            StreamPusher pusher = new StreamPusher(ServerAddress.of(url, options.headers()), "t-stream0", streams.get(0),
                    null, timeline, options, new CountDownLatch(1), new StreamProgress("t-stream0", System.nanoTime()));
            pusher.connect();
            pusher.startAt(System.nanoTime());
            pusher.run();
            assertNull(pusher.failure());
            List<String> all = keys(IngestBody.parse(StreamPusher.header(streams.get(0), null, false)), streams.get(0));

            assertEquals(4, heads.size(), "probe, stream, probe, stream: " + heads);
            assertTrue(heads.get(0).startsWith("POST /live/pp.isml/Streams(t-stream0) HTTP/1.1"), heads.get(0));
            assertTrue(heads.get(0).contains("Content-Length: 0"), "the empty probe first");
            assertTrue(heads.get(1).contains("Transfer-Encoding: chunked"), heads.get(1));
            assertTrue(heads.get(1).contains("Authorization: Basic ZW5jOnNAY3JldA=="), "enc:s@cret from the URL");
            assertTrue(heads.get(1).contains("X-Test: yes"), heads.get(1));

            IngestBody dropped = IngestBody.parse(bodies.get(1));
            IngestBody resumed = IngestBody.parse(bodies.get(3));
            assertEquals(3, resumed.header().tracks().size(), "the header boxes again");
            assertTrue(resumed.endOfStream());
            List<String> before = dropped.fragments().stream().map(f -> f.trackId() + "@" + f.time()).toList();
            List<String> after = resumed.fragments().stream().map(f -> f.trackId() + "@" + f.time()).toList();
            int resumedAt = all.indexOf(after.get(0));
            assertEquals(all.subList(resumedAt, all.size()), after, "everything from the resent fragments on");
            assertTrue(resumedAt <= before.size() && resumedAt >= before.size() - 2,
                    "no fragment lost, the last two resent: " + before + " / " + after);
        }
    }

    /** The fragments of the whole file in push order, as trackId@time on the output timeline (starting at 0). */
    private static List<String> keys(IngestBody header, SourceStream stream) {
        long first = stream.fragments().stream().mapToLong(SourceStream.Fragment::time).min().orElseThrow();
        assertEquals(3, header.header().tracks().size());
        return stream.fragments().stream().map(f -> f.trackId() + "@" + (f.time() - first)).toList();
    }

    /** Answers probes; drops the first streaming POST after {@code dropAfter} body bytes; takes the next ones whole. */
    private void serve(ServerSocket socket, int dropAfter) {
        boolean dropped = false;
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                DataInputStream in = new DataInputStream(client.getInputStream());
                OutputStream out = client.getOutputStream();
                String head;
                while ((head = head(in)) != null) {
                    heads.add(head);
                    if (!head.contains("Transfer-Encoding: chunked")) {
                        bodies.add(new byte[0]);
                        out.write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        continue;
                    }
                    ByteArrayOutputStream body = new ByteArrayOutputStream();
                    boolean complete = chunks(in, body, dropped ? Integer.MAX_VALUE : dropAfter);
                    bodies.add(body.toByteArray());
                    if (!complete) {
                        dropped = true;
                        break; // closes the socket: the encoder sees its connection drop
                    }
                    out.write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    break;
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    private static String head(DataInputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            head.write(c);
            if (head.size() >= 4 && head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                return head.toString(StandardCharsets.US_ASCII);
            }
        }
        return null;
    }

    /** Reads chunks into {@code body}; false when it stopped at {@code limit} bytes before the final chunk. */
    private static boolean chunks(DataInputStream in, ByteArrayOutputStream body, int limit) throws IOException {
        while (true) {
            String size = line(in);
            int n = Integer.parseInt(size.trim(), 16);
            if (n == 0) {
                line(in);
                return true;
            }
            byte[] chunk = new byte[n];
            in.readFully(chunk);
            line(in);
            body.writeBytes(chunk);
            if (body.size() >= limit) {
                return false;
            }
        }
    }

    private static String line(DataInputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            line.append((char) c);
        }
        return line.toString().trim();
    }
}
