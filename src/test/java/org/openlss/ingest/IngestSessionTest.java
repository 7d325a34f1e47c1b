package org.openlss.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openlss.live.Presentation;
import org.openlss.live.PresentationSettings;
import org.openlss.mp4.IngestBody;
import org.openlss.mp4.ManifestBoxes;
import org.openlss.mp4.StreamManifest;

/** One ingest connection fed with what ffmpeg sends, in arbitrary chunks, and with what it should refuse. */
class IngestSessionTest {
    @TempDir
    Path dir;

    @Test
    void aWholePushInRandomChunksConnectsOnceAndEndsTheStream() throws IOException {
        Presentation p = presentation();
        AtomicInteger connected = new AtomicInteger();
        IngestSession session = new IngestSession(address("Streams(stream1)"), "10.1.1.1", "Push", () -> p,
                connected::incrementAndGet);
        byte[] body = resource("ffmpeg-stream1.body");
        Random random = new Random(7);
        for (int at = 0; at < body.length; ) {
            int n = Math.min(body.length - at, 1 + random.nextInt(3000));
            session.feed(ByteBuffer.wrap(body, at, n));
            at += n;
        }
        assertTrue(session.finish(), "ended with end of stream");
        assertEquals(1, connected.get());
        assertEquals(4, p.streamIndex("video_und").listed().size());
        assertEquals("10.1.1.1", p.stream("stream1").sourceHost());
    }

    @Test
    void aFragmentWithANegativeTimeIsDroppedAndTheStreamGoesOn() throws IOException {
        Presentation p = presentation();
        IngestSession session = new IngestSession(address("Streams(primed)"), "h", "Push", () -> p, () -> { });
        session.feed(ByteBuffer.wrap(resource("ffmpeg-primed.body")));
        assertTrue(session.finish());
        long listed = p.streamIndexes().get(0).listed().size();
        assertTrue(listed > 0, "the fragments after the primed one are kept");
        assertTrue(p.streamIndexes().get(0).listed().times()[0] >= 0);
    }

    @Test
    void garbageIsRefusedWith400AndAStreamWithoutHeadersWith412() {
        Presentation p = presentation();
        IngestSession garbage = new IngestSession(address("Streams(x)"), "h", "Push", () -> p, () -> { });
        byte[] noise = new byte[4096];
        new Random(1).nextBytes(noise);
        IngestSession.IngestRefusal refusal = assertThrows(IngestSession.IngestRefusal.class,
                () -> garbage.feed(ByteBuffer.wrap(noise)));
        assertEquals(400, refusal.status());
        assertFalse(refusal.getMessage().isBlank());

        byte[] moofFirst = {0, 0, 0, 8, 'm', 'o', 'o', 'f'};
        IngestSession headerless = new IngestSession(address("Streams(y)"), "h", "Push", () -> p, () -> { });
        assertEquals(412, assertThrows(IngestSession.IngestRefusal.class,
                () -> headerless.feed(ByteBuffer.wrap(moofFirst))).status());
        assertTrue(p.streams().isEmpty(), "nothing of the refused streams reached the event");
    }

    @Test
    void aStreamWithoutFtypAndMoovIsRefusedAndOneWithAStreamManifestBoxIsTaken() throws IOException {
        Presentation p = presentation();
        IngestBody capture = IngestBody.parse(resource("ffmpeg-stream1.body"));
        byte[] body = resource("ffmpeg-stream1.body");
        int headerEnd = indexOf(body, "moof") - 4;
        byte[] lsm = capture.header().liveServerManifestBox();
        // what the push encoder sends under /noHeader: the live server manifest box, then the fragments
        ByteArrayOutputStream noHeader = new ByteArrayOutputStream();
        noHeader.writeBytes(lsm);
        noHeader.write(body, headerEnd, body.length - headerEnd);
        IngestSession headerless = new IngestSession(address("Streams(a)"), "h", "Push", () -> p, () -> { });
        IngestSession.IngestRefusal refusal = assertThrows(IngestSession.IngestRefusal.class,
                () -> headerless.feed(ByteBuffer.wrap(noHeader.toByteArray())));
        assertEquals(412, refusal.status());
        assertTrue(refusal.getMessage().contains("must begin with ftyp"), refusal.getMessage());

        // under /streammanifest: a StreamManifestBox between ftyp and the live server manifest box
        byte[] ftyp = capture.header().ftyp();
        ByteArrayOutputStream withManifest = new ByteArrayOutputStream();
        withManifest.writeBytes(ftyp);
        withManifest.writeBytes(ManifestBoxes.streamManifestBox(
                new StreamManifest(List.of("Streams(b)", "Streams(c)")).toSmil()));
        withManifest.write(body, ftyp.length, body.length - ftyp.length);
        IngestSession listed = new IngestSession(address("Streams(b)"), "h", "Push", () -> p, () -> { });
        listed.feed(ByteBuffer.wrap(withManifest.toByteArray()));
        assertTrue(listed.finish());
        assertEquals(1, p.streams().size(), "the stream is taken as without the box");
        assertEquals(4, p.streamIndex("video_und").listed().size());
    }

    @Test
    void headersWithoutAFragmentLeaveNoStreamAndTheFirstFragmentConnectsIt() throws IOException {
        Presentation p = presentation();
        AtomicInteger connected = new AtomicInteger();
        IngestSession session = new IngestSession(address("Streams(stream1)"), "h", "Push", () -> p,
                connected::incrementAndGet);
        byte[] body = resource("ffmpeg-stream1.body");
        int firstMoof = indexOf(body, "moof") - 4;
        long before = System.currentTimeMillis();
        session.feed(ByteBuffer.wrap(body, 0, firstMoof));
        assertTrue(p.streams().isEmpty(), "headers alone are no stream");
        assertEquals(0, connected.get(), "nor do they start the point");
        assertTrue(session.waitingForFirstFragmentSince() >= before, "the idle check sees it waiting");

        session.feed(ByteBuffer.wrap(body, firstMoof, body.length - firstMoof));
        assertEquals(1, connected.get());
        assertEquals(-1, session.waitingForFirstFragmentSince());
        assertEquals(1, p.streams().size());
    }

    @Test
    void aConnectionClosedAfterItsHeadersLeavesNothingAndItsEndOfStreamEndsNothing() throws IOException {
        Presentation p = presentation();
        byte[] body = resource("ffmpeg-stream1.body");
        IngestSession headersOnly = new IngestSession(address("Streams(a)"), "h", "Push", () -> p, () -> { });
        headersOnly.feed(ByteBuffer.wrap(body, 0, indexOf(body, "moof") - 4));
        headersOnly.disconnect();
        assertTrue(p.streams().isEmpty());
        assertFalse(p.ended());
    }

    @Test
    void addressesInEveryForm() {
        assertEquals(new StreamAddress("", "video_3000k"), address("Streams(video_3000k)"));
        assertEquals(new StreamAddress("2024-06-01-match", "720p"), address("Events(2024-06-01-match)/Streams(720p)"));
        assertEquals(new StreamAddress("", "a b"), address("streams(a%20b)"));
        assertTrue(StreamAddress.parse("Streams()").isEmpty());
        assertTrue(StreamAddress.parse("Streams(a/b)").isEmpty());
        assertTrue(StreamAddress.parse("Streams(a%0Ab)").isEmpty());
        assertTrue(StreamAddress.parse("Fragments(x)").isEmpty());
    }

    @Test
    void theEventLogHearsTheConnectionTheDropTheReconnectAndTheEndOfStream() throws IOException {
        Presentation p = presentation();
        java.util.List<String> log = new java.util.ArrayList<>();
        IngestSession.Events events = (kind, stream, text) -> log.add(kind + " " + stream + " " + text);
        byte[] body = resource("ffmpeg-stream1.body");
        int secondMoof = indexOf(body, "moof") + 8;
        secondMoof += indexOf(java.util.Arrays.copyOfRange(body, secondMoof, body.length), "moof") - 4;
        IngestSession first = new IngestSession(address("Streams(stream1)"), "10.1.1.1", "Push", () -> p, () -> { },
                events);
        first.feed(ByteBuffer.wrap(body, 0, secondMoof));
        first.disconnect();
        IngestSession again = new IngestSession(address("Streams(stream1)"), "10.1.1.2", "Push", () -> p, () -> { },
                events);
        again.feed(ByteBuffer.wrap(body));
        assertTrue(again.finish());
        assertEquals(java.util.List.of("CONNECTED stream1 from 10.1.1.1",
                "DISCONNECTED stream1 from 10.1.1.1 without end of stream",
                "RECONNECTED stream1 from 10.1.1.2",
                "END_OF_STREAM stream1 from 10.1.1.2",
                "DISCONNECTED stream1 from 10.1.1.2 after end of stream"), log);
    }

    private static int indexOf(byte[] data, String type) {
        byte[] pattern = type.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("no " + type + " box");
    }

    private static StreamAddress address(String resource) {
        return StreamAddress.parse(resource).orElseThrow();
    }

    private Presentation presentation() {
        Presentation p = Presentation.open(dir, new PresentationSettings(2, Duration.ZERO, 4));
        p.resume();
        return p;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = IngestSessionTest.class.getResourceAsStream("/org/openlss/mp4/" + name)) {
            return in.readAllBytes();
        }
    }
}
