package org.openlss.mp4.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WebVTT: sidecar caption files read into cues (their markup and settings dropped, as TTML captions carry neither),
 * and the segments of an HLS subtitles rendition, whose {@code X-TIMESTAMP-MAP} ties their times to the MPEG-2 TS
 * presentation times of the media segments.
 */
public final class WebVtt {
    private static final Pattern TIMING = Pattern.compile(
            "((?:\\d+:)?\\d{2}:\\d{2}\\.\\d{3})[ \t]+-->[ \t]+((?:\\d+:)?\\d{2}:\\d{2}\\.\\d{3})(?:[ \t].*)?");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final long TICKS_PER_MILLISECOND = Cue.TICKS_PER_SECOND / 1000;

    private WebVtt() {
    }

    /**
     * The cues of a WebVTT file, at the file's own times.
     *
     * @throws IllegalArgumentException naming the line, when the file is not WebVTT or a cue timing is invalid
     */
    public static List<Cue> read(String file) {
        String[] lines = file.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        String header = lines.length == 0 ? "" : lines[0].startsWith("\uFEFF") ? lines[0].substring(1) : lines[0];
        if (!header.equals("WEBVTT") && !header.startsWith("WEBVTT ") && !header.startsWith("WEBVTT\t")) {
            throw new IllegalArgumentException("not a WebVTT file: the first line is not \"WEBVTT\"");
        }
        List<Cue> cues = new ArrayList<>();
        int i = 1;
        while (i < lines.length) {
            if (lines[i].isBlank()) {
                i++;
                continue;
            }
            // a block: NOTE, STYLE and REGION blocks and the header's own lines carry no cue
            int blockStart = i;
            int timingLine = -1;
            while (i < lines.length && !lines[i].isBlank()) {
                if (timingLine < 0 && lines[i].contains("-->")) {
                    timingLine = i;
                }
                i++;
            }
            if (timingLine < 0 || lines[blockStart].startsWith("NOTE")) {
                continue;
            }
            if (timingLine > blockStart + 1) {
                throw new IllegalArgumentException("line " + (timingLine + 1) + ": a cue timing must follow at most"
                        + " one identifier line");
            }
            Matcher timing = TIMING.matcher(lines[timingLine].strip());
            if (!timing.matches()) {
                throw new IllegalArgumentException("line " + (timingLine + 1) + ": \"" + lines[timingLine]
                        + "\" is not a cue timing (hh:mm:ss.ttt --> hh:mm:ss.ttt)");
            }
            long start = ticks(timing.group(1), timingLine);
            long end = ticks(timing.group(2), timingLine);
            if (end < start) {
                throw new IllegalArgumentException("line " + (timingLine + 1) + ": the cue ends before it starts");
            }
            List<String> text = new ArrayList<>();
            for (int line = timingLine + 1; line < i; line++) {
                text.add(plain(lines[line]));
            }
            String joined = String.join("\n", text).strip();
            if (!joined.isEmpty()) {
                cues.add(new Cue(start, end, joined));
            }
        }
        return cues;
    }

    /**
     * One WebVTT segment of an HLS subtitles rendition holding {@code cues}, whose times are ticks on the presentation
     * timeline; {@code presentationTime} (ticks) is shown at {@code mpegTsTime} (90 kHz) in the media segments.
     */
    public static String segment(List<Cue> cues, long presentationTime, long mpegTsTime) {
        StringBuilder out = new StringBuilder("WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:").append(mpegTsTime)
                .append(",LOCAL:").append(timestamp(presentationTime)).append("\n");
        for (Cue cue : cues) {
            out.append('\n').append(timestamp(cue.start())).append(" --> ").append(timestamp(cue.end())).append('\n')
                    .append(escape(cue.text())).append('\n');
        }
        return out.toString();
    }

    /** {@code hh:mm:ss.ttt} (hours as many digits as needed), rounded to the millisecond. */
    static String timestamp(long ticks) {
        long millis = Math.round((double) ticks / TICKS_PER_MILLISECOND);
        return String.format("%02d:%02d:%02d.%03d", millis / 3_600_000, millis / 60_000 % 60, millis / 1000 % 60,
                millis % 1000);
    }

    private static long ticks(String timestamp, int line) {
        String[] parts = timestamp.split("[:.]");
        int n = parts.length;
        long hours = n == 4 ? Long.parseLong(parts[0]) : 0;
        long minutes = Long.parseLong(parts[n - 3]);
        long seconds = Long.parseLong(parts[n - 2]);
        if (minutes > 59 || seconds > 59 || hours > 1_000_000) {
            throw new IllegalArgumentException("line " + (line + 1) + ": \"" + timestamp + "\" is not a valid time");
        }
        long millis = ((hours * 60 + minutes) * 60 + seconds) * 1000 + Long.parseLong(parts[n - 1]);
        return millis * TICKS_PER_MILLISECOND;
    }

    /** Cue text without its markup ({@code <i>}, {@code <v Name>}, timestamps), with the character references read. */
    private static String plain(String line) {
        return TAG.matcher(line).replaceAll("").replace("&lt;", "<").replace("&gt;", ">").replace("&nbsp;", "\u00A0")
                .replace("&lrm;", "\u200E").replace("&rlm;", "\u200F").replace("&amp;", "&").strip();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
