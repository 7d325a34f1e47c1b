package org.openlss.mp4;

/** Four-character codes: box types and sample entry types as the big-endian int they are on the wire. */
public final class FourCC {
    private FourCC() {
    }

    /** The int of a four-character ASCII code, e.g. {@code of("moof")}. */
    public static int of(String code) {
        if (code.length() != 4) {
            throw new IllegalArgumentException("a fourcc has 4 characters: " + code);
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            char c = code.charAt(i);
            if (c > 0xFF) {
                throw new IllegalArgumentException("not a latin-1 fourcc: " + code);
            }
            value = (value << 8) | c;
        }
        return value;
    }

    /** The four characters of a code; non-printable bytes are shown as {@code \xNN} so logs stay readable. */
    public static String toString(int fourcc) {
        StringBuilder text = new StringBuilder(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            int c = (fourcc >>> shift) & 0xFF;
            if (c >= 0x20 && c < 0x7F) {
                text.append((char) c);
            } else {
                text.append(String.format("\\x%02X", c));
            }
        }
        return text.toString();
    }

    /** Whether all four bytes are printable ASCII, as every box type in use is; garbage rarely is. */
    public static boolean printable(int fourcc) {
        for (int shift = 24; shift >= 0; shift -= 8) {
            int c = (fourcc >>> shift) & 0xff;
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }
}
