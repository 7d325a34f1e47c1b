package org.openlss.hls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.openlss.platform.ResponseBody;

/**
 * The segments of one variant (TS) or subtitles rendition (WebVTT) on disk with the event's DVR data, one file each,
 * named by media sequence number and written whole (a temporary file renamed), so a reader or a restart never sees
 * half a segment. None is kept in memory: a TS segment is large (up to a megabyte and more per variant and 10 s), the
 * newest ones are in the page cache anyway, where each response reads them; four per variant in the heap cost a
 * channel about 10 MB. Written by the segmenter's task, read by any thread.
 */
final class SegmentFiles {
    private final Path dir;
    private final String suffix;
    private long oldest = Long.MAX_VALUE;
    private long newest = -1;

    /** @param suffix of the file names, after the sequence number: what the files hold ({@code .ts}, {@code .vtt}) */
    SegmentFiles(Path dir, String suffix) {
        this.dir = dir;
        this.suffix = suffix;
        try {
            Files.createDirectories(dir);
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + suffix)) {
                for (Path file : files) {
                    String name = file.getFileName().toString();
                    long sequence = Long.parseLong(name.substring(0, name.length() - suffix.length()));
                    oldest = Math.min(oldest, sequence);
                    newest = Math.max(newest, sequence);
                }
            }
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("cannot read the HLS segments in " + dir, e);
        }
    }

    /** The oldest segment found on disk when opened, or -1. */
    long oldest() {
        return newest < 0 ? -1 : oldest;
    }

    /** The newest segment found on disk when opened or written since, or -1. */
    long newest() {
        return newest;
    }

    void write(long sequence, byte[] segment) {
        Path file = file(sequence);
        Path partial = dir.resolve(file.getFileName() + ".part");
        try {
            Files.write(partial, segment);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store HLS segment " + file, e);
        }
        oldest = Math.min(oldest, sequence);
        newest = Math.max(newest, sequence);
    }

    /** The segment's bytes, or null when it is not (or no longer) stored. */
    byte[] read(long sequence) {
        try {
            return Files.readAllBytes(file(sequence));
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read HLS segment " + file(sequence), e);
        }
    }

    /** The segment as a response body straight from its file; null when it is not (or no longer) stored. */
    ResponseBody body(long sequence) {
        Path file = file(sequence);
        try {
            return ResponseBody.of(new byte[0], file, 0, Files.size(file));
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read HLS segment " + file, e);
        }
    }

    /** Deletes the segments before {@code sequence} (they left the sliding window long enough ago). */
    void deleteBefore(long sequence) {
        for (; oldest < Math.min(sequence, newest + 1); oldest++) {
            try {
                Files.deleteIfExists(file(oldest));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete HLS segment " + file(oldest), e);
            }
        }
    }

    private Path file(long sequence) {
        return dir.resolve(String.format("%012d%s", sequence, suffix));
    }
}
