package org.openlss.encoder;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.openlss.mp4.BoxFormatException;
import org.openlss.mp4.BoxTypes;
import org.openlss.mp4.Bytes;
import org.openlss.mp4.TrackDescription;

/**
 * One media file of the source pushed as one live stream: what its tracks are (for the live server manifest), its
 * {@code moov} as stored, and where each fragment lies, in the order they are due (by end time).
 *
 * @param fragments in push order: by end time, file order among equals
 */
public record SourceStream(Path file, List<TrackDescription> tracks, byte[] moov, List<Fragment> fragments) {
    /** One fragment of one track in the file; time and duration in the track's timescale. */
    public record Fragment(int trackId, long timescale, long time, long duration, long offset, long length) {
        /** Start in 100 ns units. */
        public long startTicks() {
            return LiveTimeline.toTicks(time, timescale);
        }

        /** End in 100 ns units. */
        public long endTicks() {
            return LiveTimeline.toTicks(time + duration, timescale);
        }
    }

    public SourceStream {
        tracks = List.copyOf(tracks);
        fragments = List.copyOf(fragments);
    }

    /** Whether every track is sparse (attached to a parent track): such a stream may end without end of stream. */
    public boolean sparseOnly() {
        return tracks.stream().allMatch(TrackDescription::sparse);
    }

    /** Opens the file for reading fragments; one reader per pushing thread. */
    public Reader reader() throws IOException {
        return new Reader(FileChannel.open(file, StandardOpenOption.READ));
    }

    /** Reads fragments as stored: the moof and the mdat apart. */
    public static final class Reader implements AutoCloseable {
        private final FileChannel channel;

        private Reader(FileChannel channel) {
            this.channel = channel;
        }

        /** {moof, mdat} of {@code fragment}. */
        public byte[][] read(Fragment fragment) throws IOException {
            ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(fragment.length()));
            long at = fragment.offset();
            while (buffer.hasRemaining()) {
                int n = channel.read(buffer, at);
                if (n < 0) {
                    throw new IOException("the file ends inside the fragment at offset " + fragment.offset());
                }
                at += n;
            }
            byte[] bytes = buffer.array();
            int moofSize = (int) Bytes.u32(bytes, 0);
            if (Bytes.i32(bytes, 4) != BoxTypes.MOOF || moofSize < 8 || moofSize > bytes.length) {
                throw BoxFormatException.malformed("no moof at offset " + fragment.offset());
            }
            byte[] moof = new byte[moofSize];
            byte[] mdat = new byte[bytes.length - moofSize];
            System.arraycopy(bytes, 0, moof, 0, moofSize);
            System.arraycopy(bytes, moofSize, mdat, 0, mdat.length);
            return new byte[][] {moof, mdat};
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
