package org.openlss.stats;

import java.time.Duration;
import java.util.List;
import org.openlss.pubpoint.PublishingPointStatistics;
import org.openlss.pubpoint.PublishingPointStatistics.Destination;
import org.openlss.pubpoint.PublishingPointStatistics.InputStream;
import org.openlss.pubpoint.PublishingPointStatistics.Track;

/** Statistics of a point fed by ffmpeg (three video levels and audio in one POST) and a second, stopped encoder. */
final class StatisticsFixture {
    private StatisticsFixture() {
    }

    static Track track(String id, String type, String name, long encoded) {
        return new Track(id, type, name, encoded, encoded + 1234, Duration.ofMillis(1500), 40_000_000L, 20_000_000L,
                2.5, 10, 25, 1_000_000L, 2_500_000L, Duration.ofMillis(40));
    }

    static PublishingPointStatistics twoEncoders() {
        InputStream main = new InputStream("stream1", "Started", null, "Push", "127.0.0.1",
                List.of("IIS Smooth Streaming"), List.of(track("1", "video", "video_und", 800_000),
                track("2", "video", "video_und", 250_400), track("3", "video", "video_und", 500_000),
                track("4", "audio", "audio_und", 128_000)));
        InputStream backup = new InputStream("backup", "Stopped", null, "Pull", "10.0.0.7", List.of(),
                List.of(track("1", "audio", "audio_und", 96_000)));
        return new PublishingPointStatistics(List.of(main, backup), List.of(), List.of(
                new Destination("127.0.0.1", "IIS Smooth Streaming", List.of("audio_und", "video_und"), null, 2),
                new Destination("edge.example", "HTTP Push", List.of("stream1"), "connected", 1),
                new Destination("127.0.0.1", "Apple HTTP Live Streaming", List.of("video_und"), null, 1)), null, null);
    }
}
