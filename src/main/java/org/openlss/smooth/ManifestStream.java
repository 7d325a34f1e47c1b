package org.openlss.smooth;

import java.util.List;
import org.openlss.live.LiveTrack;
import org.openlss.live.StreamIndex;
import org.openlss.live.Timeline;
import org.openlss.live.TrackKey;
import org.openlss.mp4.TrackDescription;
import org.openlss.mp4.TrackType;

/**
 * A stream as the client manifest lists it ({@code StreamIndex}): its quality levels in {@code Index} order and the
 * fragment timeline they share. A live presentation and an archived one both give their streams in this form, so one
 * writer serves both.
 */
public record ManifestStream(TrackType type, String name, long timescale, List<Level> levels, Timeline timeline) {
    /** A {@code QualityLevel}: the key clients address it by (bitrate, custom attributes) and what it carries. */
    public record Level(TrackKey key, TrackDescription description) {
    }

    public ManifestStream {
        levels = List.copyOf(levels);
    }

    /** A live stream with the fragments clients may see now (its DVR window). */
    public static ManifestStream listed(StreamIndex stream) {
        List<Level> levels = stream.levels().stream().map(ManifestStream::level).toList();
        return new ManifestStream(stream.type(), stream.name(), stream.timescale(), levels, stream.listed());
    }

    private static Level level(LiveTrack track) {
        return new Level(track.key(), track.description());
    }
}
