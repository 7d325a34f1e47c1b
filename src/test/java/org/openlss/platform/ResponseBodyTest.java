package org.openlss.platform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A head in memory and a region of a file, sent with its length and in bounded pieces. */
class ResponseBodyTest {
    private static final byte[] HEAD = {'m', 'o', 'o', 'f'};

    @TempDir
    Path dir;

    private Path file;
    private byte[] content;

    @BeforeEach
    void setUp() throws IOException {
        content = new byte[200_000];
        new Random(7).nextBytes(content);
        file = Files.write(dir.resolve("media"), content);
    }

    @Test
    void bytesInMemoryAreTheWholeBody() throws IOException {
        ResponseBody body = ResponseBody.of(HEAD);
        assertEquals(4, body.contentLength());
        assertArrayEquals(HEAD, written(body));
    }

    @Test
    void theHeadIsFollowedByTheFileRegion() throws IOException {
        ResponseBody body = ResponseBody.of(HEAD, file, 1000, 150_000);
        assertEquals(150_004, body.contentLength());
        assertArrayEquals(concat(HEAD, Arrays.copyOfRange(content, 1000, 151_000)), written(body));
    }

    @Test
    void aChannelItsOwnerKeepsOpenIsReadAndLeftOpen() throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ResponseBody body = ResponseBody.of(HEAD, channel, 10, 20);
            assertArrayEquals(concat(HEAD, Arrays.copyOfRange(content, 10, 30)), written(body));
            assertArrayEquals(concat(HEAD, Arrays.copyOfRange(content, 10, 30)), written(body), "and again");
            assertTrue(channel.isOpen());
        }
    }

    @Test
    void largeMediaGoesOutInPiecesOfAtMost64KiB() throws IOException {
        List<Integer> pieces = new ArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResponseBody.of(HEAD, file, 0, content.length).writeRegionTo((piece, offset, length) -> {
            pieces.add(length);
            out.write(piece, offset, length);
        });
        assertArrayEquals(content, out.toByteArray(), "the region, without the head");
        assertTrue(pieces.stream().allMatch(n -> n <= 64 * 1024), pieces.toString());
        assertEquals(4, pieces.size(), pieces.toString());
    }

    @Test
    void aFileShorterThanAnnouncedFailsInsteadOfSendingAShortBody() {
        ResponseBody body = ResponseBody.of(HEAD, file, 190_000, 20_000);
        IOException e = assertThrows(IOException.class, () -> written(body));
        assertEquals("the file ended 10000 bytes before the announced length", e.getMessage());
    }

    @Test
    void sendAnnouncesTheLengthThenWritesTheBody() throws IOException {
        RecordedResponse recorded = new RecordedResponse();
        ResponseBody.of(HEAD, file, 0, 100).send(recorded.response);
        assertEquals(104, recorded.contentLength);
        assertArrayEquals(concat(HEAD, Arrays.copyOf(content, 100)), recorded.body.toByteArray());
    }

    private static byte[] written(ResponseBody body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        body.writeTo(out);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
