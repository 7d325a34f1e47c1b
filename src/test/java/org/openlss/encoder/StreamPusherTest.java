package org.openlss.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import org.openlss.mp4.BoxFormatException;
import org.openlss.mp4.Bytes;
import org.openlss.mp4.FourCC;
import org.openlss.mp4.IngestBody;
import org.openlss.mp4.ManifestBoxes;
import org.openlss.mp4.SmoothUuid;
import org.openlss.mp4.StreamManifest;

/** The push of one stream, captured by a stand-in publishing point (which may drop the first streaming connection). */
class StreamPusherTest {
    @TempDir
    Path dir;

    /** Each request as received: request head, then the de-chunked body (cut short where the server dropped it). */
    private final List<String> heads = new CopyOnWriteArrayList<>();
    private final List<byte[]> bodies = new CopyOnWriteArrayList<>();

    @Test
    void aDroppedConnectionIsReopenedWithTheHeaderAndTheLastTwoFragments() throws Exception {
        SourceStream stream = push(6000, "/rate:20", "/headers:X-Test: yes");
        List<String> all = keys(IngestBody.parse(StreamPusher.header(stream, null, false)), stream);

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

    @Test
    void noHeaderLeavesFtypAndMoovOutWhichTheServerRefuses() throws Exception {
        push(Integer.MAX_VALUE, "/rate:20", "/skip:2,100000", "/noHeader");
        byte[] body = bodies.get(1);

        List<String> boxes = boxTypes(body);
        assertEquals(List.of("lsm", "moof", "mdat"), boxes.subList(0, 3), "no ftyp before, no moov after: " + boxes);
        assertFalse(boxes.contains("ftyp") || boxes.contains("moov"), boxes.toString());
        assertEquals(6, boxes.stream().filter("moof"::equals).count(), "the fragments as without it: " + boxes);
        // the server's ingest grammar: a stream must begin with ftyp, else 412 (the stream is refused)
        BoxFormatException refused = assertThrows(BoxFormatException.class, () -> IngestBody.parse(body));
        assertEquals(412, refused.suggestedStatus());
        assertTrue(refused.getMessage().contains("must begin with ftyp"), refused.getMessage());
    }

    @Test
    void streamManifestSendsTheFileAsTheStreamManifestBoxWhichTheServerReads() throws Exception {
        Path smil = dir.resolve("streams.smil");
        byte[] manifest = new StreamManifest(List.of("Streams(t-stream0)", "Streams(t-stream1)")).toSmil();
        Files.write(smil, manifest);
        push(Integer.MAX_VALUE, "/rate:20", "/skip:2,100000", "/streammanifest:" + smil);
        byte[] body = bodies.get(1);

        assertEquals(List.of("ftyp", "smnf", "lsm", "moov", "moof"), boxTypes(body).subList(0, 5));
        IngestBody ingested = IngestBody.parse(body);
        assertArrayEquals(ManifestBoxes.streamManifestBox(manifest), ingested.header().streamManifestBox(),
                "the file's bytes, unchanged");
        assertEquals(List.of("Streams(t-stream0)", "Streams(t-stream1)"),
                ingested.header().streamManifest().streams());
        assertEquals(6, ingested.fragments().size());
        assertTrue(ingested.endOfStream());
        byte[] plain = StreamPusher.header(stream(), null, false);
        assertEquals(plain.length + ManifestBoxes.streamManifestBox(manifest).length,
                ingested.header().headerBytes().length, "nothing else in the header changes");
    }

    /**
     * Pushes the test file's first stream with {@code options} to a stand-in point that drops the first streaming
     * connection after {@code dropAfter} body bytes; each request lands in {@link #heads} and {@link #bodies}.
     */
    private SourceStream push(int dropAfter, String... options) throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> serve(socket, dropAfter));
            server.setDaemon(true);
            server.start();
            String url = "http://enc:s%40cret@127.0.0.1:" + socket.getLocalPort() + "/live/pp.isml";
            List<String> args = new java.util.ArrayList<>(List.of(options));
            args.addAll(List.of(url, file().toString()));
            EncoderOptions parsed = EncoderOptions.parse(args.toArray(String[]::new));
            List<SourceStream> streams = SourceFiles.open(parsed.media());
            LiveTimeline timeline = LiveTimeline.of(streams, parsed, 0);
            StreamPusher pusher = new StreamPusher(ServerAddress.of(url, parsed.headers()), "t-stream0", streams.get(0),
                    PushEncoder.streamManifestBox(parsed), timeline, parsed, new CountDownLatch(1),
                    new StreamProgress("t-stream0", System.nanoTime()));
            pusher.connect();
            pusher.startAt(System.nanoTime());
            pusher.run();
            assertNull(pusher.failure());
            return streams.get(0);
        }
    }

    private Path file() throws IOException {
        Path file = dir.resolve("ondemand.ismv");
        if (!Files.exists(file)) {
            try (InputStream in = getClass().getResourceAsStream("/org/openlss/mp4/ffmpeg-ondemand.ismv")) {
                Files.copy(in, file);
            }
        }
        return file;
    }

    private SourceStream stream() throws IOException, PushFailure {
        return SourceFiles.open(List.of(file())).get(0);
    }

    /** The top-level boxes of {@code body}: their types, {@code lsm}/{@code smnf} for the two manifest uuids. */
    private static List<String> boxTypes(byte[] body) {
        List<String> types = new java.util.ArrayList<>();
        for (int at = 0; at < body.length; ) {
            int size = (int) Bytes.u32(body, at);
            String type = FourCC.toString((int) Bytes.u32(body, at + 4));
            if ("uuid".equals(type)) {
                type = SmoothUuid.LIVE_SERVER_MANIFEST.matches(body, at + 8) ? "lsm"
                        : SmoothUuid.STREAM_MANIFEST.matches(body, at + 8) ? "smnf" : type;
            }
            types.add(type);
            at += size;
        }
        return types;
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
