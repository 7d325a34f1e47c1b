package org.openlss.web.grizzly;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import org.glassfish.grizzly.FileChunk;

/**
 * A region of an open file, written to the connection by {@link FileChannel#transferTo} (sendfile) when the
 * connection's write queue gets to it. Unlike Grizzly's own {@code FileTransfer} it takes a channel that is already
 * open, so a DVR fragment costs no open or stat of its chunk file per request.
 */
final class FileRegion implements FileChunk {
    private final FileChannel channel;
    private final boolean closeWhenDone;
    private long position;
    private long remaining;

    /** {@code length} bytes at {@code position} of {@code channel}; closed when done only if {@code closeWhenDone}. */
    FileRegion(FileChannel channel, long position, long length, boolean closeWhenDone) {
        this.channel = channel;
        this.position = position;
        this.remaining = length;
        this.closeWhenDone = closeWhenDone;
    }

    @Override
    public long writeTo(WritableByteChannel target) throws IOException {
        long written = channel.transferTo(position, remaining, target);
        if (written == 0 && position >= channel.size()) {
            // the file was cut below the region: never let the client take what came for a whole body
            throw new IOException("the file ended " + remaining + " bytes before the announced length");
        }
        position += written;
        remaining -= written;
        return written;
    }

    @Override
    public boolean hasRemaining() {
        return remaining > 0;
    }

    @Override
    public int remaining() {
        return (int) Math.min(Integer.MAX_VALUE, remaining);
    }

    @Override
    public boolean release() {
        if (closeWhenDone) {
            try {
                channel.close();
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean isExternal() {
        return true;
    }
}
