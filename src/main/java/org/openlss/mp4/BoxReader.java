package org.openlss.mp4;

import java.nio.ByteBuffer;

/**
 * Incremental framer of top-level boxes. {@link #feed} accepts the stream in any chunking (down to
 * single bytes) and calls the listener with each complete box of a type it buffers (see
 * {@link BoxLimits}); other boxes are skipped as they stream by. At most one box is buffered at a
 * time, and a box is only allocated once its declared size passed the limit check.
 * Not thread-safe; after an exception the reader must be {@link #reset()} or dropped.
 */
public final class BoxReader {
    /** Receives each complete buffered box. */
    @FunctionalInterface
    public interface Listener {
        void onBox(Box box);

        /** A box header was read, before any of its body is buffered or skipped; may refuse the box by throwing. */
        default void onBoxStart(int type, long size) {
        }
    }

    /** size + type + largesize + usertype. */
    private static final int MAX_HEADER = 32;

    private final BoxLimits limits;
    private final Listener listener;
    private final byte[] header = new byte[MAX_HEADER];
    private int headerFill;
    private int headerNeeded = 8;
    private byte[] box;
    private int boxFill;
    private long skipRemaining;
    private long streamOffset;

    public BoxReader(BoxLimits limits, Listener listener) {
        this.limits = limits;
        this.listener = listener;
    }

    /** Consumes all remaining bytes of {@code data}, delivering every box completed by them. */
    public void feed(ByteBuffer data) {
        while (data.hasRemaining()) {
            if (skipRemaining > 0) {
                int n = (int) Math.min(skipRemaining, data.remaining());
                data.position(data.position() + n);
                skipRemaining -= n;
                streamOffset += n;
            } else if (box != null) {
                int n = Math.min(box.length - boxFill, data.remaining());
                data.get(box, boxFill, n);
                boxFill += n;
                streamOffset += n;
                if (boxFill == box.length) {
                    deliver();
                }
            } else {
                int n = Math.min(headerNeeded - headerFill, data.remaining());
                data.get(header, headerFill, n);
                headerFill += n;
                streamOffset += n;
                if (headerFill == headerNeeded) {
                    onHeaderBytes();
                }
            }
        }
    }

    /** Bytes held for the box being assembled (header bytes included). */
    public int bufferedBytes() {
        return box != null ? boxFill : headerFill;
    }

    /** Bytes consumed since creation or the last reset: the stream offset, for error messages. */
    public long streamOffset() {
        return streamOffset;
    }

    /** Whether the stream ended cleanly between two boxes so far. */
    public boolean atBoxBoundary() {
        return box == null && headerFill == 0 && skipRemaining == 0;
    }

    /** Forgets any partial box, e.g. for a new connection. */
    public void reset() {
        headerFill = 0;
        headerNeeded = 8;
        box = null;
        boxFill = 0;
        skipRemaining = 0;
        streamOffset = 0;
    }

    private void onHeaderBytes() {
        long size = Bytes.u32(header, 0);
        int type = Bytes.i32(header, 4);
        int needed = 8;
        if (size == 1) {
            needed += 8;
        } else if (size == 0) {
            throw BoxFormatException.malformed("box " + FourCC.toString(type) + " at offset "
                    + (streamOffset - headerFill) + " has size 0 (to end of stream), not allowed here");
        }
        if (type == BoxTypes.UUID) {
            needed += SmoothUuid.LENGTH;
        }
        if (headerNeeded < needed) {
            headerNeeded = needed; // read the largesize and/or usertype first
            return;
        }
        if (size == 1) {
            size = Bytes.u64(header, 8);
        }
        startBody(type, size, needed);
    }

    private void startBody(int type, long size, int headerSize) {
        long at = streamOffset - headerSize;
        if (!FourCC.printable(type)) {
            throw BoxFormatException.malformed("the bytes at offset " + at + " are not a box: type "
                    + FourCC.toString(type) + " is not four printable characters");
        }
        if (size < headerSize) {
            throw BoxFormatException.malformed("box " + FourCC.toString(type) + " at offset " + at
                    + " declares size " + Long.toUnsignedString(size) + ", less than its header");
        }
        listener.onBoxStart(type, size);
        int limit = limits.limitFor(type);
        if (limit < 0) {
            if (size > limits.skipLimit()) {
                throw BoxFormatException.malformed("box " + FourCC.toString(type) + " at offset " + at
                        + " declares size " + size + ", above the limit " + limits.skipLimit());
            }
            skipRemaining = size - headerSize;
            clearHeader();
            return;
        }
        if (size > limit) {
            throw BoxFormatException.malformed("box " + FourCC.toString(type) + " at offset " + at
                    + " declares size " + size + ", above the limit " + limit);
        }
        box = new byte[(int) size];
        System.arraycopy(header, 0, box, 0, headerSize);
        boxFill = headerSize;
        if (boxFill == box.length) {
            deliver();
        }
    }

    private void deliver() {
        byte[] bytes = box;
        int headerSize = headerNeeded;
        box = null;
        boxFill = 0;
        int type = Bytes.i32(header, 4);
        byte[] uuid = null;
        if (type == BoxTypes.UUID) {
            uuid = new byte[SmoothUuid.LENGTH];
            System.arraycopy(header, headerSize - SmoothUuid.LENGTH, uuid, 0, SmoothUuid.LENGTH);
        }
        clearHeader();
        listener.onBox(new Box(type, uuid, bytes, headerSize));
    }

    private void clearHeader() {
        headerFill = 0;
        headerNeeded = 8;
    }
}
