package org.openlss.platform;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A response body: bytes in memory ({@code head}, e.g. a rewritten {@code moof}) followed by a region of a file (the
 * media as stored). Large media is sent from the file in small pieces, so heap use does not grow with the number of
 * viewers or the size of what they fetch.
 *
 * @param head   sent first; may be empty
 * @param file   the file the region is read from, opened for this response; null for a body all in memory or one
 *               read from {@code open}
 * @param open   the file already open (its owner closes it), or null
 * @param offset where the region starts in the file
 * @param length how many bytes of the file follow the head
 */
public record ResponseBody(byte[] head, Path file, FileChannel open, long offset, long length) {
    /** How much of a file goes through the servlet stream at a time. */
    private static final int PIECE = 64 * 1024;
    private static final ThreadLocal<ByteBuffer> PIECES = ThreadLocal.withInitial(() -> ByteBuffer.allocate(PIECE));

    public static ResponseBody of(byte[] bytes) {
        return new ResponseBody(bytes, null, null, 0, 0);
    }

    /**
     * {@code head}, then {@code length} bytes at {@code offset} of the file its owner keeps {@code open} after the
     * response.
     */
    public static ResponseBody of(byte[] head, FileChannel open, long offset, long length) {
        return new ResponseBody(head, null, open, offset, length);
    }

    /** {@code head}, then {@code length} bytes at {@code offset} of {@code file}, opened for this response only. */
    public static ResponseBody of(byte[] head, Path file, long offset, long length) {
        return new ResponseBody(head, file, null, offset, length);
    }

    public long contentLength() {
        return head.length + length;
    }

    /**
     * Sends the body with its {@code Content-Length}. A region that turns out shorter than announced (the file was cut
     * or deleted meanwhile) fails with an IOException: the container then aborts the connection, so the client never
     * takes a short body for a whole one.
     */
    public void send(HttpServletResponse response) throws IOException {
        response.setContentLengthLong(contentLength());
        writeTo(response.getOutputStream());
    }

    /** Writes the whole body to {@code out}. */
    public void writeTo(OutputStream out) throws IOException {
        out.write(head);
        writeRegionTo(out::write);
    }

    /** Where the file region goes, a piece at a time (the array is reused after the call). */
    @FunctionalInterface
    public interface Pieces {
        void write(byte[] piece, int offset, int length) throws IOException;
    }

    /** Writes the file region (not the head) to {@code out} in pieces of at most 64 KB. */
    public void writeRegionTo(Pieces out) throws IOException {
        if (length == 0) {
            return;
        }
        if (open != null) {
            copy(open, out);
        } else {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                copy(channel, out);
            }
        }
    }

    private void copy(FileChannel channel, Pieces out) throws IOException {
        ByteBuffer piece = PIECES.get();
        long at = offset;
        long end = offset + length;
        while (at < end) {
            piece.clear().limit((int) Math.min(PIECE, end - at));
            int n = channel.read(piece, at);
            if (n < 0) {
                throw new IOException("the file ended " + (end - at) + " bytes before the announced length");
            }
            out.write(piece.array(), 0, n);
            at += n;
        }
    }
}
