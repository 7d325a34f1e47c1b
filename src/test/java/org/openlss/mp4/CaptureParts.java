package org.openlss.mp4;

import java.util.Arrays;

/** Cuts the header boxes out of a capture. */
final class CaptureParts {
    private CaptureParts() {
    }

    /** The complete box of {@code type} at the top level of {@code body}. */
    static byte[] box(byte[] body, int type) {
        ChildBoxes top = new ChildBoxes(body, 0, body.length);
        if (!top.find(type)) {
            throw new IllegalArgumentException("no " + FourCC.toString(type));
        }
        return Arrays.copyOfRange(body, top.offset(), top.end());
    }

    static byte[] moov(byte[] body) {
        return box(body, BoxTypes.MOOV);
    }
}
