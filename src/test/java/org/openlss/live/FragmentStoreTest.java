package org.openlss.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FragmentStoreTest {
    @TempDir
    Path dir;

    @Test
    void readsBackWhatWasAppendedFromMemoryAndFromDisk() throws IOException {
        Random random = new Random(1);
        byte[][] fragments = new byte[20][];
        long[] positions = new long[20];
        try (FragmentStore store = FragmentStore.open(dir, 3)) {
            for (int i = 0; i < fragments.length; i++) {
                byte[] moof = new byte[100 + i];
                byte[] mdat = new byte[5000 + random.nextInt(1000)];
                random.nextBytes(moof);
                random.nextBytes(mdat);
                fragments[i] = concat(moof, mdat);
                positions[i] = store.append(i * 20L, 20, i % 5 == 0, moof, mdat);
            }
            for (int i = 0; i < fragments.length; i++) {
                assertArrayEquals(fragments[i], store.read(positions[i], fragments[i].length), "fragment " + i);
            }
        }
    }

    @Test
    void recoversAfterARestartAndCutsATornWrite() throws IOException {
        try (FragmentStore store = FragmentStore.open(dir, 2)) {
            for (int i = 0; i < 5; i++) {
                store.append(1000 + i * 10L, 10, i == 0, new byte[] {(byte) i, 1, 2, 3});
            }
        }
        Path data;
        try (var files = Files.list(dir)) {
            data = files.filter(f -> f.toString().endsWith(".frag")).findFirst().orElseThrow();
        }
        try (FileChannel channel = FileChannel.open(data, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            channel.write(java.nio.ByteBuffer.wrap(new byte[] {9, 9}));  // a fragment whose record never got written
        }
        try (FragmentStore store = FragmentStore.open(dir, 2)) {
            List<FragmentStore.Record> records = store.recovered();
            assertEquals(5, records.size());
            assertEquals(1040, records.get(4).time());
            assertTrue(records.get(0).keyFrame());
            assertEquals(20, Files.size(data), "the torn bytes were cut");
            assertArrayEquals(new byte[] {3, 1, 2, 3}, store.read(records.get(3).position(), 4));
            long next = store.append(1050, 10, false, new byte[] {5, 5});
            assertEquals(20, next);
        }
        try (FragmentStore store = FragmentStore.open(dir, 2)) {
            assertEquals(6, store.recovered().size());
        }
    }

    @Test
    void deletesWholeChunksBehindTheWindow() throws IOException {
        byte[] big = new byte[(int) (FragmentStore.CHUNK_BYTES / 2) + 1];
        try (FragmentStore store = FragmentStore.open(dir, 1)) {
            long a = store.append(0, 1, true, big);
            long b = store.append(1, 1, true, big);
            long c = store.append(2, 1, true, big);
            assertEquals(3, fragFiles());
            store.releaseBefore(c);
            assertEquals(1, fragFiles());
            assertNull(store.read(a, 10));
            assertNull(store.read(b, 10));
            assertEquals(big.length, store.read(c, big.length).length);
            store.deleteAll();
        }
        assertTrue(Files.notExists(dir));
    }

    private long fragFiles() throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".frag")).count();
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
