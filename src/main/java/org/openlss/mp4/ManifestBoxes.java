package org.openlss.mp4;

/**
 * The two SMIL-carrying {@code uuid} boxes of Smooth ingest: LiveServerManifestBox and
 * StreamManifestBox, each {@code uuid header | version 0 | flags 0 | SMIL bytes}.
 */
public final class ManifestBoxes {
    private ManifestBoxes() {
    }

    public static byte[] liveServerManifestBox(byte[] smil) {
        return wrap(SmoothUuid.LIVE_SERVER_MANIFEST, smil);
    }

    public static byte[] streamManifestBox(byte[] smil) {
        return wrap(SmoothUuid.STREAM_MANIFEST, smil);
    }

    private static byte[] wrap(SmoothUuid uuid, byte[] smil) {
        byte[] out = new byte[Boxes.UUID_HEADER + Boxes.FULL_BOX + smil.length];
        int at = Boxes.fullBox(out, Boxes.uuidHeader(out, 0, out.length, uuid), 0, 0);
        System.arraycopy(smil, 0, out, at, smil.length);
        return out;
    }

    /** The SMIL bytes of a manifest box (the payload after version and flags). */
    public static byte[] smil(Box box) {
        int start = box.headerSize() + Boxes.FULL_BOX;
        if (box.size() < start) {
            throw BoxFormatException.malformed("manifest box has no version/flags");
        }
        byte[] smil = new byte[box.size() - start];
        System.arraycopy(box.bytes(), start, smil, 0, smil.length);
        return smil;
    }
}
