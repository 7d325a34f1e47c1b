package org.openlss.live;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The bytes of one track's fragments on disk, so that heap use does not grow with the event. Fragments are appended to
 * chunk files ({@code NNNNNNNN.frag}) with a fixed-size record per fragment in a sidecar ({@code NNNNNNNN.idx}),
 * written after the data, so that after a restart the index is rebuilt without parsing media and never points at bytes
 * that were not written. Chunks roll over at {@link #CHUNK_BYTES} so a sliding DVR window can delete whole files.
 * Positions are logical: they grow across chunks and are never reused. The newest fragments stay in memory as well,
 * since live clients ask for them right after they appear.
 *
 * <p>Appends come from one thread at a time (the track serialises them); reads may come from any thread.
 */
final class FragmentStore implements Closeable {
    static final long CHUNK_BYTES = 64L << 20;
    private static final int RECORD = 40;

    private final Path dir;
    private final int hotCount;
    /** Chunks by their first logical position. */
    private final ConcurrentSkipListMap<Long, Chunk> chunks = new ConcurrentSkipListMap<>();
    /** The newest fragments by position (at most {@code hotCount}). */
    private final ConcurrentSkipListMap<Long, byte[]> hot = new ConcurrentSkipListMap<>();
    private final List<Record> recovered;
    private Chunk current;
    private FileChannel currentIndex;
    private long end;

    /** A fragment as the sidecar index records it. */
    record Record(long time, long duration, long position, int size, boolean keyFrame) {
    }

    private record Chunk(long start, Path data, Path index, FileChannel channel) {
    }

    private FragmentStore(Path dir, int hotCount) throws IOException {
        this.dir = dir;
        this.hotCount = Math.max(1, hotCount);
        Files.createDirectories(dir);
        this.recovered = recover();
    }

    /** Opens the store in {@code dir}, recovering what an earlier run wrote there. */
    static FragmentStore open(Path dir, int hotCount) {
        try {
            return new FragmentStore(dir, hotCount);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the fragment store " + dir, e);
        }
    }

    /** Fragments found on disk when the store was opened, oldest first. */
    List<Record> recovered() {
        return recovered;
    }

    /** Appends the concatenation of {@code parts} as one fragment; returns its logical position. */
    long append(long time, long duration, boolean keyFrame, byte[]... parts) throws IOException {
        try {
            return write(time, duration, keyFrame, parts);
        } catch (IOException e) {
            // a channel's own message ("No space left on device") does not say where, a file system's not what
            throw new IOException("cannot write to the DVR storage " + dir + ": " + e, e);
        }
    }

    private long write(long time, long duration, boolean keyFrame, byte[]... parts) throws IOException {
        int size = 0;
        for (byte[] part : parts) {
            size += part.length;
        }
        if (current == null || end - current.start + size > CHUNK_BYTES) {
            roll();
        }
        long position = end;
        FileChannel channel = current.channel;
        long offset = position - current.start;
        byte[] whole = parts.length == 1 ? parts[0] : concat(parts, size);
        ByteBuffer data = ByteBuffer.wrap(whole);
        while (data.hasRemaining()) {
            offset += channel.write(data, offset);
        }
        ByteBuffer record = ByteBuffer.allocate(RECORD).order(ByteOrder.BIG_ENDIAN)
                .putLong(time).putLong(duration).putLong(position).putInt(size).put((byte) (keyFrame ? 1 : 0));
        record.clear();
        while (record.hasRemaining()) {
            currentIndex.write(record);
        }
        end = position + size;
        hot.put(position, whole);
        while (hot.size() > hotCount) {
            hot.pollFirstEntry();
        }
        return position;
    }

    /** The bytes of the fragment at {@code position}, or null when they were deleted. */
    byte[] read(long position, int size) {
        byte[] cached = hot.get(position);
        if (cached != null) {
            return cached;
        }
        Map.Entry<Long, Chunk> entry = chunks.floorEntry(position);
        if (entry == null) {
            return null;
        }
        Chunk chunk = entry.getValue();
        ByteBuffer buffer = ByteBuffer.allocate(size);
        try {
            long offset = position - chunk.start;
            while (buffer.hasRemaining()) {
                int n = chunk.channel.read(buffer, offset + buffer.position());
                if (n < 0) {
                    return null;
                }
            }
            return buffer.array();
        } catch (ClosedChannelException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a fragment from " + chunk.data, e);
        }
    }

    /** Where the fragment at {@code position} is, in memory or in its chunk file; null when it was deleted. */
    FragmentBytes locate(long position, int size) {
        byte[] cached = hot.get(position);
        if (cached != null) {
            return new FragmentBytes(cached, null, 0, size);
        }
        Map.Entry<Long, Chunk> entry = chunks.floorEntry(position);
        if (entry == null || !entry.getValue().channel.isOpen()) {
            return null;
        }
        Chunk chunk = entry.getValue();
        return new FragmentBytes(null, chunk.channel, position - entry.getKey(), size);
    }

    /** Deletes every chunk that holds only data before {@code position} (evicted from the DVR window). */
    void releaseBefore(long position) {
        while (true) {
            Map.Entry<Long, Chunk> oldest = chunks.firstEntry();
            Map.Entry<Long, Chunk> next = oldest == null ? null : chunks.higherEntry(oldest.getKey());
            if (next == null || next.getKey() > position) {
                return;
            }
            chunks.remove(oldest.getKey());
            delete(oldest.getValue());
        }
    }

    /** Disk space used, for statistics. */
    long bytesOnDisk() {
        return end - (chunks.isEmpty() ? end : chunks.firstKey());
    }

    /** Removes every file of the store. */
    void deleteAll() {
        close();
        chunks.values().forEach(FragmentStore::delete);
        chunks.clear();
        try {
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a file someone else put there; leave the folder
        }
    }

    @Override
    public void close() {
        try {
            if (currentIndex != null) {
                currentIndex.close();
            }
            for (Chunk chunk : chunks.values()) {
                chunk.channel.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void roll() throws IOException {
        if (currentIndex != null) {
            currentIndex.close();
        }
        String name = String.format("%016x", end);
        Path data = dir.resolve(name + ".frag");
        Path index = dir.resolve(name + ".idx");
        FileChannel channel = FileChannel.open(data, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        channel.truncate(0);
        current = new Chunk(end, data, index, channel);
        currentIndex = FileChannel.open(index, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        chunks.put(end, current);
    }

    /** Rebuilds the chunk list and fragment records; cuts a chunk's data after its last complete record. */
    private List<Record> recover() throws IOException {
        TreeMap<Long, Path> found = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.frag")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                found.put(Long.parseUnsignedLong(name.substring(0, name.length() - ".frag".length()), 16), file);
            }
        } catch (NumberFormatException e) {
            throw new IOException("unexpected file in the fragment store " + dir, e);
        }
        List<Record> records = new ArrayList<>();
        for (Map.Entry<Long, Path> entry : found.entrySet()) {
            long start = entry.getKey();
            Path data = entry.getValue();
            Path index = dir.resolve(data.getFileName().toString().replace(".frag", ".idx"));
            FileChannel channel = FileChannel.open(data, StandardOpenOption.READ, StandardOpenOption.WRITE);
            long dataLength = channel.size();
            long valid = start;
            byte[] bytes = Files.exists(index) ? Files.readAllBytes(index) : new byte[0];
            ByteBuffer in = ByteBuffer.wrap(bytes);
            while (in.remaining() >= RECORD) {
                long time = in.getLong();
                long duration = in.getLong();
                long position = in.getLong();
                int size = in.getInt();
                boolean key = in.get() == 1;
                in.position(in.position() + RECORD - 29);
                if (position != valid || position - start + size > dataLength || size <= 0) {
                    break;
                }
                records.add(new Record(time, duration, position, size, key));
                valid = position + size;
            }
            channel.truncate(valid - start);
            chunks.put(start, new Chunk(start, data, index, channel));
            end = valid;
            if (valid - start < dataLength || in.remaining() > 0) {
                rewriteIndex(index, records, start);
            }
        }
        if (!chunks.isEmpty()) {
            current = chunks.lastEntry().getValue();
            currentIndex = FileChannel.open(current.index, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        }
        return List.copyOf(records);
    }

    private static void rewriteIndex(Path index, List<Record> records, long chunkStart) throws IOException {
        ByteBuffer out = ByteBuffer.allocate(RECORD * records.size());
        for (Record r : records) {
            if (r.position() >= chunkStart) {
                out.putLong(r.time()).putLong(r.duration()).putLong(r.position()).putInt(r.size())
                        .put((byte) (r.keyFrame() ? 1 : 0)).put(new byte[RECORD - 29]);
            }
        }
        Files.write(index, java.util.Arrays.copyOf(out.array(), out.position()));
    }

    private static void delete(Chunk chunk) {
        try {
            chunk.channel.close();
            Files.deleteIfExists(chunk.data);
            Files.deleteIfExists(chunk.index);
        } catch (NoSuchFileException e) {
            // already gone
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + chunk.data, e);
        }
    }

    private static byte[] concat(byte[][] parts, int size) {
        byte[] all = new byte[size];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
