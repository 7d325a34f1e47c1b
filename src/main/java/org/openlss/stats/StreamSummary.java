package org.openlss.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.openlss.pubpoint.PublishingPointStatistics;

/**
 * The IIS "Publishing Point Summary" (and the Details page's "Stream Summary"): how many streams arrive, how many are
 * started and stopped, and the tracks by type with their encoded bitrates.
 */
public record StreamSummary(int streams, int started, int stopped, List<TracksOfType> tracks) {

    /** The tracks of one type (video, audio, text...) with their encoded bitrates in Kbps, highest first. */
    public record TracksOfType(String type, List<Long> encodedKbps) {
        public int count() {
            return encodedKbps.size();
        }

        /** e.g. {@code 800, 500, 250 Kbps}: each bitrate once, however many streams carry it (50 feeds read well). */
        public String bitrates() {
            return encodedKbps.stream().distinct().map(String::valueOf).collect(Collectors.joining(", ")) + " Kbps";
        }
    }

    public static StreamSummary of(PublishingPointStatistics statistics) {
        int started = 0;
        int stopped = 0;
        Map<String, List<Long>> byType = new TreeMap<>();
        for (PublishingPointStatistics.InputStream stream : statistics.inputStreams()) {
            if ("Started".equals(stream.state())) {
                started++;
            } else if ("Stopped".equals(stream.state())) {
                stopped++;
            }
            for (PublishingPointStatistics.Track track : stream.tracks()) {
                byType.computeIfAbsent(track.type(), t -> new ArrayList<>()).add(kbps(track.encodedBitRate()));
            }
        }
        List<TracksOfType> tracks = byType.entrySet().stream()
                .map(e -> new TracksOfType(e.getKey(), e.getValue().stream()
                        .sorted(Comparator.reverseOrder()).toList()))
                .toList();
        return new StreamSummary(statistics.inputStreams().size(), started, stopped, tracks);
    }

    /** Kilobits per second as IIS shows them (1 Kbps = 1000 bps), rounded. */
    public static long kbps(long bitsPerSecond) {
        return Math.round(bitsPerSecond / 1000.0);
    }
}
