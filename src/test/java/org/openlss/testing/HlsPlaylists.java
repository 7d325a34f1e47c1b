package org.openlss.testing;

import java.util.ArrayList;
import java.util.List;

/** Reads HLS playlists the way a player does, for system tests and the viewer simulator: variants of a master,
 * segments of a media playlist. */
public final class HlsPlaylists {
    /** One {@code EXT-X-STREAM-INF} with its attributes as written, and its URI. */
    public record Variant(String attributes, String uri) {
        public String attribute(String name) {
            for (String part : attributes.split(",(?=[A-Z-]+=)")) {
                if (part.startsWith(name + "=")) {
                    return part.substring(name.length() + 1).replace("\"", "");
                }
            }
            return null;
        }
    }

    /** One media segment: its sequence number, duration, date, whether a discontinuity precedes it, its URI. */
    public record Segment(long sequence, double duration, String programDateTime, boolean discontinuity,
                          String uri) {
        /** The Smooth time in {@code Fragments(<stream>=<time>,format=m3u8-aapl)}. */
        public long time() {
            return Long.parseLong(uri.substring(uri.indexOf('=') + 1, uri.indexOf(',')));
        }
    }

    /** A media playlist as read. */
    public record Media(String text, long mediaSequence, int targetDuration, List<Segment> segments, boolean ended) {
        public String tag(String name) {
            return text.lines().filter(l -> l.startsWith(name + ":")).map(l -> l.substring(name.length() + 1))
                    .findFirst().orElse(null);
        }
    }

    private HlsPlaylists() {
    }

    public static List<Variant> master(String text) {
        List<Variant> variants = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).startsWith("#EXT-X-STREAM-INF:")) {
                variants.add(new Variant(lines.get(i).substring("#EXT-X-STREAM-INF:".length()), lines.get(i + 1)));
            }
        }
        return variants;
    }

    public static Media media(String text) {
        if (!text.startsWith("#EXTM3U\n")) {
            throw new IllegalArgumentException("not a playlist: " + text);
        }
        long sequence = 0;
        int target = -1;
        List<Segment> segments = new ArrayList<>();
        double duration = -1;
        String date = null;
        boolean discontinuity = false;
        for (String line : text.lines().toList()) {
            if (line.startsWith("#EXT-X-MEDIA-SEQUENCE:")) {
                sequence = Long.parseLong(line.substring(line.indexOf(':') + 1));
            } else if (line.startsWith("#EXT-X-TARGETDURATION:")) {
                target = Integer.parseInt(line.substring(line.indexOf(':') + 1));
            } else if (line.startsWith("#EXTINF:")) {
                duration = Double.parseDouble(line.substring(line.indexOf(':') + 1, line.indexOf(',')));
            } else if (line.startsWith("#EXT-X-PROGRAM-DATE-TIME:")) {
                date = line.substring(line.indexOf(':') + 1);
            } else if (line.equals("#EXT-X-DISCONTINUITY")) {
                discontinuity = true;
            } else if (!line.startsWith("#") && !line.isBlank()) {
                segments.add(new Segment(sequence + segments.size(), duration, date, discontinuity, line));
                discontinuity = false;
                date = null;
            }
        }
        return new Media(text, sequence, target, List.copyOf(segments), text.contains("#EXT-X-ENDLIST"));
    }
}
