package org.openlss.archive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openlss.mp4.BoxFormatException;
import org.openlss.mp4.BoxLimits;
import org.openlss.mp4.BoxTypes;
import org.openlss.mp4.Bytes;
import org.openlss.mp4.FragmentSamples;
import org.openlss.mp4.FragmentedFileIndex;
import org.openlss.mp4.MovieFragmentRandomAccess;
import org.openlss.mp4.MovieFragment;
import org.openlss.mp4.MovieHeader;
import org.openlss.mp4.TrackExtends;
import org.openlss.mp4.TrackFragment;
import org.openlss.mp4.TrackHeader;

/**
 * An archived media file as the on-demand handler reads it: its {@code moov} and, per track, where each fragment
 * lies. A complete file is indexed from its {@code mfra} (found through the {@code mfro} at its end), reading no
 * fragment; a file still being written, or cut short by a crash, is indexed by scanning its {@code moof} boxes, which
 * also gives the durations a client manifest needs.
 */
final class ArchivedFile {
    private static final BoxLimits LIMITS = BoxLimits.DEFAULTS;

    private final MovieHeader movieHeader;
    private final Map<Integer, TrackFragments> tracks;
    private final boolean indexed;

    private ArchivedFile(MovieHeader movieHeader, Map<Integer, TrackFragments> tracks, boolean indexed) {
        this.movieHeader = movieHeader;
        this.tracks = tracks;
        this.indexed = indexed;
    }

    /**
     * Reads the index of {@code path}: from its {@code mfra} when {@code fromIndex} (and it has a usable one), else by
     * scanning. Null when the file has no complete {@code moov} yet.
     */
    static ArchivedFile read(Path path, boolean fromIndex) throws IOException {
        try (FileChannel file = FileChannel.open(path, StandardOpenOption.READ)) {
            long mfraSize = fromIndex ? mfraSize(file) : -1;
            if (mfraSize > 0) {
                try {
                    return fromMfra(file, file.size() - mfraSize, mfraSize);
                } catch (BoxFormatException | IllegalArgumentException unusableIndex) {
                    // not an index we can trust: the moofs themselves tell
                }
            }
            FragmentedFileIndex index = FragmentedFileIndex.scan(file, LIMITS);
            if (index.movieHeader() == null) {
                return null;
            }
            Map<Integer, TrackFragments> tracks = new HashMap<>();
            for (FragmentedFileIndex.FileFragment f : index.fragments()) {
                tracks.computeIfAbsent(f.trackId(), id -> new TrackFragments())
                        .add(f.time(), f.duration(), f.moofOffset(), f.length());
            }
            return new ArchivedFile(index.movieHeader(), tracks, false);
        }
    }

    /**
     * Whether the file was indexed from its mfra: then a fragment's duration is where the next one starts (the .ismc
     * has them exactly).
     */
    boolean indexed() {
        return indexed;
    }

    MovieHeader movieHeader() {
        return movieHeader;
    }

    /** The fragments of a track, null when the file has none of it. */
    TrackFragments track(int trackId) {
        return tracks.get(trackId);
    }

    /** Whether {@code path} ends with its index (an {@code mfro} naming an {@code mfra}): it was completed. */
    static boolean hasIndex(Path path) throws IOException {
        try (FileChannel file = FileChannel.open(path, StandardOpenOption.READ)) {
            return mfraSize(file) > 0;
        }
    }

    /** Size of the {@code mfra} the file's last 16 bytes (an {@code mfro}) announce, or -1 when it has none. */
    static long mfraSize(FileChannel file) throws IOException {
        long size = file.size();
        if (size < MovieFragmentRandomAccess.MFRO_SIZE) {
            return -1;
        }
        byte[] last = read(file, size - MovieFragmentRandomAccess.MFRO_SIZE, MovieFragmentRandomAccess.MFRO_SIZE);
        long mfraSize = MovieFragmentRandomAccess.sizeFromMfro(last);
        return mfraSize < MovieFragmentRandomAccess.MFRO_SIZE || mfraSize > Math.min(size, LIMITS.mfra()) ? -1 : mfraSize;
    }

    private static ArchivedFile fromMfra(FileChannel file, long mfraOffset, long mfraSize) throws IOException {
        byte[] mfraBox = read(file, mfraOffset, (int) mfraSize);
        if (Bytes.i32(mfraBox, 4) != BoxTypes.MFRA || Bytes.u32(mfraBox, 0) != mfraSize) {
            throw BoxFormatException.malformed("the mfro does not point at an mfra");
        }
        MovieHeader moov = readMoov(file, mfraOffset);
        MovieFragmentRandomAccess mfra = MovieFragmentRandomAccess.parse(mfraBox);
        long[] starts = mfra.tracks().stream().flatMap(t -> t.entries().stream())
                .mapToLong(MovieFragmentRandomAccess.Entry::moofOffset).sorted().distinct().toArray();
        Map<Integer, TrackFragments> tracks = new HashMap<>();
        for (MovieFragmentRandomAccess.TrackIndex track : mfra.tracks()) {
            TrackFragments fragments = new TrackFragments();
            List<MovieFragmentRandomAccess.Entry> entries = track.entries();
            for (int i = 0; i < entries.size(); i++) {
                MovieFragmentRandomAccess.Entry entry = entries.get(i);
                int at = Arrays.binarySearch(starts, entry.moofOffset());
                long next = at + 1 < starts.length ? starts[at + 1] : mfraOffset;
                if (entry.moofOffset() <= 0 || next > mfraOffset) {
                    throw BoxFormatException.malformed("tfra names a moof outside the file's fragments");
                }
                long duration = i + 1 < entries.size() ? entries.get(i + 1).time() - entry.time()
                        : lastDuration(file, entry.moofOffset(), next - entry.moofOffset(), moov, track.trackId());
                fragments.add(entry.time(), duration, entry.moofOffset(), next - entry.moofOffset());
            }
            tracks.put(track.trackId(), fragments);
        }
        return new ArchivedFile(moov, tracks, true);
    }

    /**
     * The duration of a track's last fragment, which the {@code tfra} cannot give: its {@code tfxd}'s, else the sum
     * of its samples'. The others last until the next one starts (the index keeps no gaps).
     */
    private static long lastDuration(FileChannel file, long offset, long length, MovieHeader moov, int trackId)
            throws IOException {
        int moofSize = (int) Bytes.u32(read(file, offset, 4), 0);
        if (moofSize < 8 || moofSize + 8L > length || moofSize > LIMITS.moof()) {
            throw BoxFormatException.malformed("no moof at the offset the tfra gives");
        }
        byte[] moof = read(file, offset, moofSize);
        TrackFragment traf = MovieFragment.parse(moof).trackFragments().get(0);
        if (traf.tfxd() != null) {
            return traf.tfxd().duration();
        }
        TrackHeader header = moov.track(trackId);
        return FragmentSamples.parse(moof, traf, header == null ? TrackExtends.none(trackId) : header.defaults(), 8,
                length - moofSize).totalDuration();
    }

    /** The moov among the boxes before the first fragment. */
    private static MovieHeader readMoov(FileChannel file, long end) throws IOException {
        long position = 0;
        while (position + 8 <= end) {
            byte[] header = read(file, position, 8);
            long size = Bytes.u32(header, 0);
            int type = Bytes.i32(header, 4);
            if (type == BoxTypes.MOOF || size < 8 || position + size > end) {
                break;
            }
            if (type == BoxTypes.MOOV) {
                if (size > LIMITS.moov()) {
                    throw BoxFormatException.malformed("moov of " + size + " bytes is above the limit");
                }
                return MovieHeader.parse(read(file, position, (int) size));
            }
            position += size;
        }
        throw BoxFormatException.malformed("no moov before the fragments");
    }

    static byte[] read(FileChannel file, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (file.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("the file ends before " + (position + length));
            }
        }
        return buffer.array();
    }
}
