package org.openlss.hls;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The segments of an event on disk, one fixed-size record each, appended as they close and read back after a restart,
 * so media sequence numbers and program dates never start over during an event. A record cut short by a crash is
 * dropped. Appends come from the segmenter's one task.
 */
final class SegmentLog implements Closeable {
    private static final int RECORD = 32;
    private static final byte DISCONTINUITY = 1;

    private final FileChannel channel;
    private final List<Segment> recovered;

    private SegmentLog(Path file) throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        ByteBuffer all = ByteBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8, channel.size()));
        while (all.hasRemaining() && channel.read(all, all.position()) > 0) {
            // reads the whole file
        }
        all.flip();
        List<Segment> segments = new ArrayList<>();
        while (all.remaining() >= RECORD) {
            long start = all.getLong();
            long duration = all.getLong();
            long date = all.getLong();
            byte flags = all.get();
            all.position(all.position() + RECORD - 25);
            segments.add(new Segment(segments.size(), start, duration, (flags & DISCONTINUITY) != 0, date));
        }
        recovered = List.copyOf(segments);
        channel.truncate((long) segments.size() * RECORD);
        channel.position(channel.size());
    }

    /** Opens (or creates) the log in {@code file}. */
    static SegmentLog open(Path file) {
        try {
            return new SegmentLog(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the HLS segment log " + file, e);
        }
    }

    /** The segments found when the log was opened, in sequence order from 0. */
    List<Segment> recovered() {
        return recovered;
    }

    void append(Segment segment) {
        ByteBuffer record = ByteBuffer.allocate(RECORD).putLong(segment.start()).putLong(segment.duration())
                .putLong(segment.programDateMillis()).put(segment.discontinuity() ? DISCONTINUITY : 0);
        record.clear();
        try {
            while (record.hasRemaining()) {
                channel.write(record);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record HLS segment " + segment.sequence(), e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
