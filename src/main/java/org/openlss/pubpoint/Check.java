package org.openlss.pubpoint;

import java.time.Duration;

/** Range checks shared by the settings value objects; each failure names the field. */
final class Check {
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
        return value;
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
