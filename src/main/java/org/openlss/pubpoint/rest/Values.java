package org.openlss.pubpoint.rest;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.openlss.pubpoint.InvalidSettingException;

/** Parsing of the value types the management schema uses; every failure names the field. */
final class Values {
    private Values() {
    }

    /** A string value, taken as written. */
    static String text(String field, String text) {
        return text;
    }

    /** xs:duration restricted to days, hours, minutes and seconds (years and months have no fixed length). */
    static Duration duration(String field, String text) {
        try {
            Duration d = Duration.parse(text.trim());
            if (d.isNegative()) {
                throw new InvalidSettingException(field, "'" + text + "' is negative");
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new InvalidSettingException(field, "'" + text
                    + "' is not a duration like PT30M or PT1H15M30.5S (years and months are not accepted)");
        }
    }

    /** xs:boolean; case is ignored as IIS did. */
    static boolean bool(String field, String text) {
        String t = text.trim();
        if (t.equalsIgnoreCase("true") || t.equals("1")) {
            return true;
        }
        if (t.equalsIgnoreCase("false") || t.equals("0")) {
            return false;
        }
        throw new InvalidSettingException(field, "'" + text + "' is not a boolean (true or false)");
    }

    static long integer(String field, String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(field, "'" + text + "' is not a whole number");
        }
    }

    static int smallInteger(String field, String text) {
        long value = integer(field, text);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new InvalidSettingException(field, value + " is out of range");
        }
        return (int) value;
    }
}
