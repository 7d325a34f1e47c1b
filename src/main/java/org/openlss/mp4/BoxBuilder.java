package org.openlss.mp4;

import java.io.ByteArrayOutputStream;

/**
 * Builds small boxes from their parts, for headers written once per track (a CMAF init segment): simpler than sizing
 * first, which the per-fragment writers do because they run for every fragment.
 */
final class BoxBuilder {
    private BoxBuilder() {
    }

    static byte[] box(String type, byte[]... parts) {
        byte[] payload = concat(parts);
        byte[] out = new byte[Boxes.HEADER + payload.length];
        System.arraycopy(payload, 0, out, Boxes.header(out, 0, out.length, FourCC.of(type)), payload.length);
        return out;
    }

    static byte[] fullBox(String type, int version, int flags, byte[]... parts) {
        return box(type, concat(u32(((long) version << 24) | flags), concat(parts)));
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static byte[] u8(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    static byte[] u16(int... values) {
        byte[] out = new byte[values.length * 2];
        for (int i = 0; i < values.length; i++) {
            Bytes.putU16(out, i * 2, values[i]);
        }
        return out;
    }

    static byte[] u32(long... values) {
        byte[] out = new byte[values.length * 4];
        for (int i = 0; i < values.length; i++) {
            Bytes.putU32(out, i * 4, values[i]);
        }
        return out;
    }

    static byte[] u64(long value) {
        byte[] out = new byte[8];
        Bytes.putU64(out, 0, value);
        return out;
    }

    static byte[] zeros(int count) {
        return new byte[count];
    }

    /** Four-character codes one after another (brands). */
    static byte[] fourCCs(String... codes) {
        long[] values = new long[codes.length];
        for (int i = 0; i < codes.length; i++) {
            values[i] = FourCC.of(codes[i]) & 0xFFFF_FFFFL;
        }
        return u32(values);
    }
}
