package org.openlss.stats;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openlss.live.IncomingStream;
import org.openlss.live.LiveTrack;
import org.openlss.live.Presentation;
import org.openlss.live.StreamIndex;
import org.openlss.live.TrackFigures;
import org.openlss.pubpoint.Destinations;
import org.openlss.pubpoint.LivePresentations;
import org.openlss.pubpoint.PublishingPoint;
import org.openlss.pubpoint.PublishingPointStatistics;
import org.openlss.pubpoint.StatisticsContributor;
import org.openlss.pubpoint.StatisticsSource;

/**
 * The statistics of a publishing point, gathered from its live presentation: input streams with their source and
 * tracks (spec management-rest §4), output streams with the newest fragment offered, and the destinations.
 */
@ApplicationScoped
public class LiveStatistics implements StatisticsSource {
    @Inject
    LivePresentations presentations;
    @Inject
    Destinations destinations;
    @Inject
    jakarta.enterprise.inject.Instance<StatisticsContributor> contributors;

    @Override
    public PublishingPointStatistics statistics(PublishingPoint point) {
        Presentation presentation = presentations.find(point.path()).orElse(null);
        if (presentation == null) {
            return PublishingPointStatistics.EMPTY;
        }
        List<PublishingPointStatistics.InputStream> inputs = new ArrayList<>();
        for (IncomingStream stream : presentation.streams()) {
            List<PublishingPointStatistics.Track> tracks = new ArrayList<>();
            for (Map.Entry<Integer, LiveTrack> entry : stream.tracks().entrySet()) {
                tracks.add(track(entry.getKey(), entry.getValue()));
            }
            List<String> sinks = new ArrayList<>();
            if (point.settings().clientConnections().enabled()) {
                sinks.add("IIS Smooth Streaming");
                sinks.add("MPEG-DASH");
            }
            if (point.settings().hls().enabled()) {
                sinks.add("Apple HTTP Live Streaming");
                sinks.add("HLS (fMP4)");
            }
            String archiveFile = null;
            for (StatisticsContributor c : contributors) {
                archiveFile = archiveFile != null ? archiveFile : c.archiveFileName(point, stream);
            }
            inputs.add(new PublishingPointStatistics.InputStream(stream.id(), stream.state().name(), archiveFile,
                    stream.sourceType() == null ? "Push" : stream.sourceType(), stream.sourceHost(), sinks, tracks));
        }
        List<PublishingPointStatistics.OutputStream> outputs = new ArrayList<>();
        for (StreamIndex index : presentation.streamIndexes()) {
            outputs.add(new PublishingPointStatistics.OutputStream(index.name(), Math.max(0, index.lastTime())));
        }
        String archivePath = null;
        String archiveUrl = null;
        for (StatisticsContributor c : contributors) {
            archivePath = archivePath != null ? archivePath : c.archivePath(point);
            archiveUrl = archiveUrl != null ? archiveUrl : c.archiveUrl(point);
        }
        return new PublishingPointStatistics(inputs, outputs, destinations.of(point.path()), archivePath, archiveUrl);
    }

    private static PublishingPointStatistics.Track track(int trackId, LiveTrack track) {
        TrackFigures f = track.figures();
        return new PublishingPointStatistics.Track(String.valueOf(trackId), track.description().type().manifestType(),
                track.key().name(), track.key().bitrate(), f.incomingBitRate(),
                f.millisSinceLastFragment() < 0 ? Duration.ZERO : Duration.ofMillis(f.millisSinceLastFragment()),
                f.lastFragmentTime(), f.lastFragmentDuration(), f.requestRate(), f.fragmentsIngested(),
                f.fragmentsServed(), f.bytesIngested(), f.bytesServed(), Duration.ofMillis(f.maxLateMillis()));
    }
}
