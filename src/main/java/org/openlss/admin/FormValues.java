package org.openlss.admin;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openlss.pubpoint.InvalidSettingException;

/**
 * The dialog's text fields to settings values and back, in the units the IIS dialog uses: estimated duration as
 * hours:minutes:seconds, archive segment and DVR window in minutes, HLS segments in seconds. Only the form of the text
 * is checked here; whether a value is in range is for the settings themselves to say. Failures name the settings field,
 * as the settings do, so the dialog puts every message next to its field the same way.
 */
final class FormValues {
    private static final Pattern HMS = Pattern.compile("(\\d{1,5}):([0-5]?\\d):([0-5]?\\d)");
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,9}(\\.\\d{1,3})?");
    private static final Pattern WHOLE = Pattern.compile("\\d{1,18}");

    private FormValues() {
    }

    /** {@code hh:mm:ss}; empty means zero. */
    static Duration hms(String field, String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            return Duration.ZERO;
        }
        Matcher m = HMS.matcher(t);
        if (!m.matches()) {
            throw new InvalidSettingException(field, "enter hours:minutes:seconds, e.g. 02:30:00");
        }
        return Duration.ofHours(Long.parseLong(m.group(1))).plusMinutes(Long.parseLong(m.group(2)))
                .plusSeconds(Long.parseLong(m.group(3)));
    }

    static String hms(Duration d) {
        long s = d.toSeconds();
        return String.format("%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    /** A number of minutes, fractions allowed (a window set to 90 seconds through the API shows as 1.5). */
    static Duration minutes(String field, String text) {
        return Duration.ofMillis(decimal(field, text, "minutes", "30").multiply(BigDecimal.valueOf(60_000)).longValue());
    }

    static String minutes(Duration d) {
        return plain(BigDecimal.valueOf(d.toMillis()).divide(BigDecimal.valueOf(60_000), 3, RoundingMode.HALF_UP));
    }

    static Duration seconds(String field, String text) {
        return Duration.ofMillis(decimal(field, text, "seconds", "10").multiply(BigDecimal.valueOf(1000)).longValue());
    }

    static String seconds(Duration d) {
        return plain(BigDecimal.valueOf(d.toMillis()).divide(BigDecimal.valueOf(1000), 3, RoundingMode.HALF_UP));
    }

    static long whole(String field, String text) {
        String t = text == null ? "" : text.trim();
        if (!WHOLE.matcher(t).matches()) {
            throw new InvalidSettingException(field, "enter a whole number, e.g. 2");
        }
        return Long.parseLong(t);
    }

    private static BigDecimal decimal(String field, String text, String unit, String example) {
        String t = text == null ? "" : text.trim();
        if (!DECIMAL.matcher(t).matches()) {
            throw new InvalidSettingException(field, "enter a number of " + unit + ", e.g. " + example);
        }
        return new BigDecimal(t);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
