package org.openlss.mp4;

import java.io.ByteArrayOutputStream;

/** Builds boxes for synthetic test inputs. */
final class TestBoxes {
    private TestBoxes() {
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static byte[] box(String type, byte[]... parts) {
        byte[] payload = concat(parts);
        return concat(u32(8 + payload.length), FourCC.toString(FourCC.of(type)).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), payload);
    }

    static byte[] fullBox(String type, int version, int flags, byte[]... parts) {
        return box(type, concat(u32(((long) version << 24) | flags), concat(parts)));
    }

    static byte[] uuid(SmoothUuid uuid, byte[]... parts) {
        return box("uuid", concat(uuid.bytes(), concat(parts)));
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

    static byte[] u64(long... values) {
        byte[] out = new byte[values.length * 8];
        for (int i = 0; i < values.length; i++) {
            Bytes.putU64(out, i * 8, values[i]);
        }
        return out;
    }

    static byte[] tfxd(long time, long duration) {
        return uuid(SmoothUuid.TFXD, u32(1L << 24), u64(time, duration));
    }

    /** A single-traf fragment (moof+mdat) with explicit per-sample durations, sizes and flags; sample i's bytes are all (i+1). */
    static byte[][] fragment(int trackId, long time, long[] durations, int[] sizes, int[] flags) {
        int n = sizes.length;
        long[] entries = new long[n * 3];
        int total = 0;
        for (int i = 0; i < n; i++) {
            entries[i * 3] = durations[i];
            entries[i * 3 + 1] = sizes[i];
            entries[i * 3 + 2] = flags[i] & 0xFFFFFFFFL;
            total += sizes[i];
        }
        byte[] tfhd = fullBox("tfhd", 0, 0, u32(trackId));
        int trunSize = 8 + 4 + 8 + n * 12;
        byte[] tfxd = tfxd(time, sum(durations));
        byte[] mfhd = fullBox("mfhd", 0, 0, u32(1));
        int moofSize = 8 + mfhd.length + 8 + tfhd.length + trunSize + tfxd.length;
        byte[] trun = fullBox("trun", 0, 0x701, u32(n, moofSize + 8), u32(entries));
        byte[] moof = box("moof", mfhd, box("traf", tfhd, trun, tfxd));
        byte[] data = new byte[total];
        int at = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < sizes[i]; j++) {
                data[at++] = (byte) (i + 1);
            }
        }
        return new byte[][] {moof, box("mdat", data)};
    }

    private static long sum(long[] values) {
        long total = 0;
        for (long v : values) {
            total += v;
        }
        return total;
    }
}
