package org.openlss.mp4;

/** The end-of-stream signal of Smooth ingest: an empty {@code mfra} box, exactly 8 bytes (smooth-ingest.md §5.1). */
public final class EndOfStream {
    public static final int SIZE = Boxes.HEADER;

    private EndOfStream() {
    }

    /** {@code 00 00 00 08 6D 66 72 61}. */
    public static byte[] bytes() {
        byte[] out = new byte[SIZE];
        Boxes.header(out, 0, SIZE, BoxTypes.MFRA);
        return out;
    }

    /** Whether {@code box} is an {@code mfra}: an encoder ends its stream with one (empty in practice). */
    public static boolean is(Box box) {
        return box.type() == BoxTypes.MFRA;
    }
}
