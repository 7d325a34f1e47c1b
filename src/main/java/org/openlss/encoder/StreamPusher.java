package org.openlss.encoder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.openlss.mp4.BoxFormatException;
import org.openlss.mp4.BoxTypes;
import org.openlss.mp4.Boxes;
import org.openlss.mp4.Bytes;
import org.openlss.mp4.EndOfStream;
import org.openlss.mp4.FourCC;
import org.openlss.mp4.FragmentRewriter;
import org.openlss.mp4.LiveServerManifest;
import org.openlss.mp4.ManifestBoxes;

/**
 * Pushes one {@link SourceStream} as a live encoder does: one chunked POST of the header boxes, then every fragment
 * when the clock reaches its end, retimed onto the live timeline, then the end of stream. A dropped connection is
 * opened again with the header boxes and the last two fragments (the server drops what it has already).
 */
final class StreamPusher implements Runnable {
    static final String CREATOR = "openlss-pushencoder";
    /** Reconnects in a row (without ten fragments going through between them) before giving up. */
    private static final int MAX_RECONNECTS = 10;
    private static final long RECONNECT_DELAY_MILLIS = 1000;

    private final ServerAddress server;
    private final String id;
    private final SourceStream stream;
    private final byte[] header;
    private final LiveTimeline timeline;
    private final EncoderOptions options;
    private final CountDownLatch stop;
    private final StreamProgress progress;
    private final Deque<byte[][]> lastTwo = new ArrayDeque<>(2);
    private IngestConnection connection;
    private int reconnects;
    private int sinceReconnect;
    private long startNanos;
    private volatile PushFailure failure;

    StreamPusher(ServerAddress server, String id, SourceStream stream, byte[] streamManifestBox, LiveTimeline timeline,
                 EncoderOptions options, CountDownLatch stop, StreamProgress progress) {
        this.server = server;
        this.id = id;
        this.stream = stream;
        this.header = header(stream, streamManifestBox, options.noHeader());
        this.timeline = timeline;
        this.options = options;
        this.stop = stop;
        this.progress = progress;
    }

    /** ftyp, [stream manifest box], live server manifest box, moov; without ftyp and moov under /noHeader. */
    static byte[] header(SourceStream stream, byte[] streamManifestBox, boolean noHeader) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!noHeader) {
            out.writeBytes(ftyp());
        }
        if (streamManifestBox != null) {
            out.writeBytes(streamManifestBox);
        }
        out.writeBytes(ManifestBoxes.liveServerManifestBox(LiveServerManifest.write(stream.tracks(), CREATOR)));
        if (!noHeader) {
            out.writeBytes(stream.moov());
        }
        return out.toByteArray();
    }

    /** The live ingest brands (smooth-ingest.md §4.1): major isml, compatible isml, piff, iso2. */
    private static byte[] ftyp() {
        byte[] payload = new byte[20];
        int[] brands = {FourCC.of("isml"), 1, FourCC.of("isml"), FourCC.of("piff"), FourCC.of("iso2")};
        for (int i = 0; i < brands.length; i++) {
            Bytes.putU32(payload, i * 4, brands[i] & 0xFFFF_FFFFL);
        }
        return Boxes.box(BoxTypes.FTYP, payload);
    }

    String id() {
        return id;
    }

    PushFailure failure() {
        return failure;
    }

    /** The first connection, before any pacing: a wrong URL, credentials or point fails here, at once. */
    void connect() throws PushFailure {
        try {
            open();
        } catch (ConnectException e) {
            throw new PushFailure("cannot connect to " + server.point().getHost() + ":" + port() + ": " + e.getMessage());
        } catch (IOException e) {
            throw new PushFailure("cannot push to " + server.stream(id) + ": " + e);
        }
    }

    private int port() {
        int port = server.point().getPort();
        return port >= 0 ? port : "https".equals(server.point().getScheme()) ? 443 : 80;
    }

    /** Probes, opens the POST and sends the header boxes; an HTTP refusal is final. */
    private void open() throws IOException, PushFailure {
        ServerAddress.Reply probe = server.probe(id);
        if (probe.status() / 100 != 2) {
            throw new PushFailure(server.stream(id) + " answered " + probe.status() + ": " + probe.firstLine());
        }
        connection = IngestConnection.open(server, id);
        connection.send(header);
    }

    /** Starts pacing from {@code nanos} ({@link System#nanoTime()}), shared by every stream of the push. */
    void startAt(long nanos) {
        startNanos = nanos;
    }

    @Override
    public void run() {
        try (SourceStream.Reader reader = stream.reader()) {
            Map<Integer, Long> counts = new HashMap<>();
            boolean stopped = false;
            for (long loop = 0; !stopped && (loop == 0 || options.loop()); loop++) {
                for (SourceStream.Fragment fragment : stream.fragments()) {
                    long index = counts.merge(fragment.trackId(), 1L, Long::sum) - 1;
                    if (options.skips(index)) {
                        continue;
                    }
                    long wait = startNanos + timeline.dueNanos(fragment.endTicks(), loop) - System.nanoTime();
                    if (wait > 0 && stop.await(wait, TimeUnit.NANOSECONDS) || stop.getCount() == 0) {
                        stopped = true;
                        break;
                    }
                    push(reader, fragment, loop);
                }
            }
            end();
        } catch (PushFailure e) {
            failure = e;
            connection.abort();
        } catch (IOException e) {
            failure = new PushFailure("cannot read " + stream.file() + ": " + e.getMessage(), e);
            connection.abort();
        } catch (BoxFormatException e) {
            failure = new PushFailure(stream.file() + ": " + e.getMessage(), e);
            connection.abort();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            connection.abort();
        }
    }

    private void push(SourceStream.Reader reader, SourceStream.Fragment fragment, long loop)
            throws IOException, PushFailure, InterruptedException {
        byte[][] stored = reader.read(fragment);
        long time = timeline.outputTime(fragment.time(), fragment.timescale(), loop);
        byte[][] live = {FragmentRewriter.retimed(stored[0], time, fragment.duration()), stored[1]};
        send(live);
        if (lastTwo.size() == 2) {
            lastTwo.removeFirst();
        }
        lastTwo.addLast(live);
        if (++sinceReconnect >= 10) {
            reconnects = 0;
        }
        progress.pushed(live[0].length + live[1].length, (double) time / fragment.timescale(),
                timeline.leadSeconds(fragment.endTicks(), loop, System.nanoTime() - startNanos));
    }

    private void send(byte[]... parts) throws PushFailure, InterruptedException {
        while (true) {
            try {
                connection.send(parts);
                return;
            } catch (IOException e) {
                reconnect(e);
            }
        }
    }

    /** Opens the stream again after a drop and resends the last two fragments, or gives up. */
    private void reconnect(IOException cause) throws PushFailure, InterruptedException {
        connection.abort();
        IOException last = cause;
        while (true) {
            if (options.noReconnect() || ++reconnects > MAX_RECONNECTS) {
                throw new PushFailure(server.stream(id) + ": the connection dropped (" + last.getMessage() + ")"
                        + (options.noReconnect() ? "" : " and " + MAX_RECONNECTS + " reconnects in a row did not hold"));
            }
            System.err.println("pushencoder: " + id + ": the connection dropped (" + last.getMessage()
                    + "), reconnecting (attempt " + reconnects + ")");
            if (stop.await(RECONNECT_DELAY_MILLIS, TimeUnit.MILLISECONDS)) {
                throw new PushFailure(id + ": stopped while reconnecting");
            }
            try {
                open();
                for (byte[][] fragment : lastTwo) {
                    connection.send(fragment);
                }
                sinceReconnect = 0;
                return;
            } catch (IOException e) {
                connection.abort();
                last = e;
            }
        }
    }

    /** The end of the stream: the empty mfra and the final chunk, or (/noEOS) a dropped connection. */
    private void end() throws PushFailure, InterruptedException {
        if (!options.sendsEndOfStream(stream.sparseOnly())) {
            connection.abort();
            System.err.println("pushencoder: " + id + ": connection dropped without end of stream");
            return;
        }
        send(EndOfStream.bytes());
        try {
            ServerAddress.Reply reply = connection.finish();
            if (reply.status() / 100 != 2) {
                throw new PushFailure(server.stream(id) + " answered " + reply.status() + " at the end of the stream: "
                        + reply.firstLine());
            }
            System.err.println("pushencoder: " + id + ": end of stream sent, the server answered " + reply.status());
        } catch (IOException e) {
            throw new PushFailure(server.stream(id) + ": no answer at the end of the stream: " + e.getMessage(), e);
        }
    }
}
