package org.openlss.archive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openlss.live.Timeline;
import org.openlss.mp4.FragmentRewriter;
import org.openlss.mp4.FragmentedFileIndex;
import org.openlss.mp4.IngestFragment;
import org.openlss.mp4.IngestHeader;
import org.openlss.mp4.MovieFragmentRandomAccess;
import org.openlss.mp4.MovieHeader;

/**
 * One input stream's archive file ({@code .ismv}/{@code .isma}, archive-and-syndication.md §1.3) while it is written:
 * {@code ftyp} and {@code moov} as received, then every fragment appended as it arrives (encoder {@code tfrf} and
 * {@code free} removed), and at close the {@code mfra} index. The file is only ever appended to, so whatever a crash
 * leaves is a valid prefix plus at most one torn fragment; reopening the file cuts that tail (and an {@code mfra}
 * written at an earlier close) off and carries on after the last complete fragment of each track.
 *
 * <p>Not thread-safe: the event's archive writes from one task at a time.
 */
final class ArchiveFile implements AutoCloseable {
    private final Path path;
    private final FileChannel channel;
    private final MovieHeader movieHeader;
    private final Map<Integer, TrackFragments> tracks = new LinkedHashMap<>();
    private long end;
    private boolean unsynced;

    private ArchiveFile(Path path, FileChannel channel, MovieHeader movieHeader) {
        this.path = path;
        this.channel = channel;
        this.movieHeader = movieHeader;
    }

    /** Opens {@code path} to append, creating it with {@code header}'s boxes, or carrying on where an earlier run left it. */
    static ArchiveFile open(Path path, IngestHeader header) throws IOException {
        ArchiveFile existing = Files.exists(path) ? reopen(path) : null;
        if (existing != null) {
            return existing;
        }
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        ArchiveFile file = new ArchiveFile(path, channel, header.movieHeader());
        try {
            file.write(header.ftyp(), header.moov());
            channel.force(true);
            DurableFiles.forceFolder(path.getParent());
        } catch (IOException e) {
            file.closeQuietly();
            throw e;
        }
        return file;
    }

    /**
     * Reopens an existing file to append: cuts a torn tail and a trailing {@code mfra}, and indexes what remains.
     * Null when not even the {@code moov} is complete (nothing of it is worth keeping).
     */
    static ArchiveFile reopen(Path path) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            FragmentedFileIndex index = FragmentedFileIndex.scan(channel);
            if (index.movieHeader() == null) {
                channel.close();
                return null;
            }
            long keep = index.validLength();
            FragmentedFileIndex.BoxLocation mfra = index.mfraLocation();
            if (mfra != null && mfra.offset() + mfra.size() == keep) {
                keep = mfra.offset();
            }
            if (keep < channel.size()) {
                channel.truncate(keep);
                channel.force(true);
            }
            ArchiveFile file = new ArchiveFile(path, channel, index.movieHeader());
            file.end = keep;
            for (FragmentedFileIndex.FileFragment f : index.fragments()) {
                if (f.moofOffset() < keep) {
                    file.track(f.trackId()).add(f.time(), f.duration(), f.moofOffset(), f.length());
                }
            }
            return file;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    Path path() {
        return path;
    }

    /** The file's own moov: what its tracks are. */
    MovieHeader movieHeader() {
        return movieHeader;
    }

    /**
     * Appends {@code fragment} unless its track already has it or a later one (an encoder resending after a
     * reconnect, a restart). A failed write is cut off again, so the file stays a sequence of whole fragments.
     *
     * @return whether the fragment was written
     */
    boolean append(IngestFragment fragment) throws IOException {
        TrackFragments track = track(fragment.trackId());
        if (fragment.time() <= track.lastTime()) {
            return false;
        }
        byte[] moof = FragmentRewriter.moof(fragment.moof(), null);
        long start = end;
        write(moof, fragment.mdat());
        track.add(fragment.time(), fragment.duration(), start, end - start);
        return true;
    }

    /** Forces what was appended since the last call to disk. */
    void sync() throws IOException {
        if (unsynced) {
            channel.force(false);
            unsynced = false;
        }
    }

    /** The times and durations of a track's fragments. */
    Timeline timeline(int trackId) {
        TrackFragments track = tracks.get(trackId);
        return track == null ? new Timeline(new long[0], new long[0]) : track.timeline();
    }

    /** Number of fragments in the file, all tracks. */
    int fragmentCount() {
        return tracks.values().stream().mapToInt(TrackFragments::size).sum();
    }

    /** Ends the file with its {@code mfra} (one {@code tfra} per track that has fragments) and closes it. */
    @Override
    public void close() throws IOException {
        try {
            List<MovieFragmentRandomAccess.TrackIndex> index = new ArrayList<>();
            tracks.forEach((id, fragments) -> {
                if (fragments.size() > 0) {
                    index.add(new MovieFragmentRandomAccess.TrackIndex(id, fragments.randomAccess()));
                }
            });
            write(MovieFragmentRandomAccess.write(index));
            if (channel.size() > end) {
                channel.truncate(end); // the mfro must end the file: readers look for it there
            }
            channel.force(true);
        } finally {
            channel.close();
        }
    }

    /** Closes without the {@code mfra}: the file stays open-ended, to be reopened (server shutdown). */
    void suspend() throws IOException {
        try {
            sync();
        } finally {
            channel.close();
        }
    }

    void closeQuietly() {
        try {
            channel.close();
        } catch (IOException e) {
            // already failing; the caller reports the first error
        }
    }

    private TrackFragments track(int trackId) {
        return tracks.computeIfAbsent(trackId, id -> new TrackFragments());
    }

    private void write(byte[]... parts) throws IOException {
        ByteBuffer[] buffers = new ByteBuffer[parts.length];
        long length = 0;
        for (int i = 0; i < parts.length; i++) {
            buffers[i] = ByteBuffer.wrap(parts[i]);
            length += parts[i].length;
        }
        try {
            channel.position(end);
            long written = 0;
            while (written < length) {
                written += channel.write(buffers);
            }
        } catch (IOException e) {
            try {
                channel.truncate(end); // leave no torn fragment behind a failed write (a full disk)
            } catch (IOException alsoFailed) {
                e.addSuppressed(alsoFailed); // the next reopen cuts the tail instead
            }
            throw e;
        }
        end += length;
        unsynced = true;
    }
}
