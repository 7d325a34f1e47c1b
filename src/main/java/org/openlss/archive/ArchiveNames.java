package org.openlss.archive;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.zip.CRC32;
import org.openlss.mp4.IngestHeader;
import org.openlss.mp4.TrackType;

/**
 * The names of archive folders and files (archive-and-syndication.md §1.2): event folders by UTC start time or by
 * EventID, numbered segment folders, one media file per input stream, {@code <presentation>.ism}/{@code .ismc}.
 * Names that come from encoders (stream and event ids) are made file-system safe deterministically, so the same id
 * always maps to the same file, also after a restart.
 */
final class ArchiveNames {
    static final String SERVER_MANIFEST = ".ism";
    static final String CLIENT_MANIFEST = ".ismc";
    private static final DateTimeFormatter EVENT_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final int MAX_SAFE_LENGTH = 80;

    private ArchiveNames() {
    }

    /** An event folder named by its start time, e.g. {@code 20240315T120000Z}. */
    static String eventFolder(Instant start) {
        return EVENT_TIME.format(start);
    }

    /** An event folder named by the encoder's EventID. */
    static String eventFolder(String eventId) {
        return safe(eventId);
    }

    /** {@code Segment0001} for the first segment (number 0). */
    static String segmentFolder(int segment) {
        return String.format(Locale.ROOT, "Segment%04d", segment + 1);
    }

    /** {@code <stream id>.isma} for an audio-only stream, else {@code .ismv}. */
    static String streamFile(String streamId, IngestHeader header) {
        boolean audioOnly = !header.tracks().isEmpty()
                && header.tracks().stream().allMatch(t -> t.type() == TrackType.AUDIO);
        return safe(streamId) + (audioOnly ? ".isma" : ".ismv");
    }

    /** Whether {@code name} names a file inside a folder, not a path that leads elsewhere. */
    static boolean isFileName(String name) {
        if (name == null || name.isEmpty() || name.equals(".") || name.equals("..")) {
            return false;
        }
        for (char c : name.toCharArray()) {
            if (c == '/' || c == '\\' || c == ':' || c < 0x20) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code text} itself when it is a plain name (letters, digits, {@code . _ -}, not starting with a dot); otherwise
     * the characters replaced by {@code _} plus a checksum of the original, so two ids never share a file.
     */
    static String safe(String text) {
        boolean plain = !text.isEmpty() && text.length() <= MAX_SAFE_LENGTH && text.charAt(0) != '.';
        StringBuilder s = new StringBuilder();
        for (char c : text.toCharArray()) {
            boolean allowed = c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-');
            plain &= allowed;
            if (s.length() < MAX_SAFE_LENGTH) {
                s.append(allowed ? c : '_');
            }
        }
        if (plain) {
            return text;
        }
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return (s.length() > 0 && s.charAt(0) == '.' ? "_" + s.substring(1) : s) + "-"
                + String.format(Locale.ROOT, "%08x", crc.getValue());
    }
}
