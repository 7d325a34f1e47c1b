package org.openlss.web.grizzly;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file region the fast lane hands to the connection: exactly its bytes, and its channel closed only if asked. */
class FileRegionTest {
    @TempDir
    Path dir;

    @Test
    void writesExactlyTheRegionAcrossPartialWrites() throws IOException {
        byte[] content = content(300_000);
        Path file = Files.write(dir.resolve("chunk.frag"), content);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            FileRegion region = new FileRegion(channel, 1_000, 250_000, false);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            WritableByteChannel slow = new WritableByteChannel() {
                private final WritableByteChannel target = Channels.newChannel(out);

                @Override
                public int write(java.nio.ByteBuffer src) throws IOException {
                    // at most 10 000 bytes per call, as a full socket buffer takes
                    int limit = src.limit();
                    src.limit(Math.min(limit, src.position() + 10_000));
                    int n = target.write(src);
                    src.limit(limit);
                    return n;
                }

                @Override
                public boolean isOpen() {
                    return true;
                }

                @Override
                public void close() {
                }
            };
            while (region.hasRemaining()) {
                assertTrue(region.writeTo(slow) > 0);
            }
            assertArrayEquals(Arrays.copyOfRange(content, 1_000, 251_000), out.toByteArray());
            assertEquals(0, region.remaining());
            assertTrue(region.release());
            assertTrue(channel.isOpen(), "the store's channel stays open for the next reader");
        }
    }

    @Test
    void aRegionOpenedForOneResponseIsClosedWhenReleased() throws IOException {
        Path file = Files.write(dir.resolve("segment.ts"), content(1_000));
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        FileRegion region = new FileRegion(channel, 0, 1_000, true);
        assertTrue(region.release());
        assertFalse(channel.isOpen());
    }

    @Test
    void aFileCutBelowTheRegionFailsInsteadOfEndingEarly() throws IOException {
        Path file = Files.write(dir.resolve("cut.frag"), content(1_000));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            FileRegion region = new FileRegion(channel, 500, 1_000, false);
            WritableByteChannel sink = Channels.newChannel(new ByteArrayOutputStream());
            assertEquals(500, region.writeTo(sink));
            assertThrows(IOException.class, () -> region.writeTo(sink));
        }
    }

    private static byte[] content(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 31 + i / 256);
        }
        return bytes;
    }
}
