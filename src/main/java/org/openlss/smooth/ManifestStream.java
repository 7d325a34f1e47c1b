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
 *
 * @param inlineData for a {@code ManifestOutput} stream, the base64 sample data of each fragment of the timeline (of
 *                   the first level), written as {@code f} elements; null otherwise
 */
public record ManifestStream(TrackType type, String name, long timescale, List<Level> levels, Timeline timeline,
                             List<String> inlineData) {
    /** A {@code QualityLevel}: the key clients address it by (bitrate, custom attributes) and what it carries. */
    public record Level(TrackKey key, TrackDescription description) {
    }

    public ManifestStream {
        levels = List.copyOf(levels);
        inlineData = inlineData == null ? null : List.copyOf(inlineData);
    }

    /** A stream without inline sample data. */
    public ManifestStream(TrackType type, String name, long timescale, List<Level> levels, Timeline timeline) {
        this(type, name, timescale, levels, timeline, null);
    }

    /** A live stream with the fragments clients may see now (its DVR window). */
    public static ManifestStream listed(StreamIndex stream) {
        List<Level> levels = stream.levels().stream().map(ManifestStream::level).toList();
        Timeline timeline = stream.listed();
        boolean inline = !levels.isEmpty() && levels.get(0).description().sparse()
                && levels.get(0).description().manifestOutput();
        return new ManifestStream(stream.type(), stream.name(), stream.timescale(), levels, timeline,
                inline ? InlineSamples.of(stream.levels().get(0), timeline) : null);
    }

    private static Level level(LiveTrack track) {
        return new Level(track.key(), track.description());
    }
}
