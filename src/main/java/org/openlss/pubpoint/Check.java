package org.openlss.pubpoint;

import java.time.Duration;

/** Range checks shared by the settings value objects; each failure names the field. */
public final class Check {
    /** What {@link #xmlCarries} refuses, for messages. */
    public static final String NOT_IN_XML = "characters XML cannot carry (U+FFFE, U+FFFF, half a surrogate pair)";

    private Check() {
    }

    static Duration duration(String field, Duration value, Duration min, Duration max) {
        if (value == null) {
            throw new InvalidSettingException(field, "is required");
        }
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new InvalidSettingException(field, value + " is out of range " + min + ".." + max);
        }
        return value;
    }

    /** Zero (meaning "off" or "whole event") or a value in range. */
    static Duration zeroOr(String field, Duration value, Duration min, Duration max) {
        return Duration.ZERO.equals(value) ? value : duration(field, value, min, max);
    }

    static long range(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new InvalidSettingException(field, value + " is out of range " + min + ".." + max);
        }
        return value;
    }

    static String text(String field, String value, int maxLength) {
        if (value == null) {
            return null;
        }
        if (value.length() > maxLength) {
            throw new InvalidSettingException(field, "is longer than " + maxLength + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                throw new InvalidSettingException(field, "contains a control character at position " + (i + 1));
            }
        }
        if (!xmlCarries(value)) {
            throw new InvalidSettingException(field, "contains one of the " + NOT_IN_XML);
        }
        return value;
    }

    /**
     * Whether XML 1.0 can carry every character of {@code value}: settings and names are also served as Atom, so
     * what a JSON request may spell as an escape must not break that document. Control characters are each caller's
     * own rule.
     */
    public static boolean xmlCarries(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0xFFFE || c == 0xFFFF || Character.isLowSurrogate(c)) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return false;
                }
                i++;
            }
        }
        return true;
    }

    /** A stored credential's name: also used in URLs of the credential resource. */
    static String credentialName(String field, String value) {
        if (value == null) {
            return null;
        }
        if (!value.matches("[A-Za-z0-9][A-Za-z0-9._~-]{0,127}")) {
            throw new InvalidSettingException(field, "'" + value
                    + "' is not a credential name (1-128 letters, digits, '.', '_', '~', '-')");
        }
        return value;
    }
}
