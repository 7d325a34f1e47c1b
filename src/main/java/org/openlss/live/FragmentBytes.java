package org.openlss.live;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * Where a stored fragment's bytes ({@code moof}+{@code mdat} as ingested) are: in memory for the newest ones, or in a
 * chunk file of the track's store. Outputs read the small parts they rewrite and send the rest straight from the file.
 *
 * @param memory the bytes, when they are in memory; else null
 * @param file   the chunk file holding them (open while the fragment is in the DVR window); null when in memory
 * @param offset where they start in {@code file}
 * @param size   how many bytes
 */
public record FragmentBytes(byte[] memory, FileChannel file, long offset, int size) {
    public boolean inMemory() {
        return memory != null;
    }

    /** {@code length} bytes from {@code from}: a copy, so callers may keep it. */
    public byte[] read(int from, int length) throws IOException {
        if (from < 0 || length < 0 || from + length > size) {
            throw new IOException("bytes " + from + "+" + length + " lie outside a fragment of " + size + " bytes");
        }
        if (memory != null) {
            return Arrays.copyOfRange(memory, from, from + length);
        }
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (file.read(buffer, offset + from + buffer.position()) < 0) {
                throw new IOException("the fragment store ended inside a fragment");
            }
        }
        return buffer.array();
    }

    /** All of it, in memory: the array itself for a fragment held in memory (do not modify it). */
    public byte[] all() throws IOException {
        return memory != null ? memory : read(0, size);
    }
}
