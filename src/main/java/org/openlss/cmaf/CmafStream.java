package org.openlss.cmaf;

import java.util.List;
import org.openlss.live.LiveTrack;
import org.openlss.live.StreamIndex;
import org.openlss.live.Timeline;
import org.openlss.live.TrackKey;
import org.openlss.mp4.CmafCodecs;
import org.openlss.mp4.TrackDescription;
import org.openlss.mp4.TrackType;

/**
 * A stream as the CMAF outputs list it (an MPD AdaptationSet, an HLS rendition group): the quality levels that CMAF
 * carries (H.264 or AAC, addressed by bitrate alone) and the Smooth timeline they share, so every output lists the
 * same fragments.
 */
public record CmafStream(TrackType type, String name, long timescale, List<Level> levels, Timeline timeline) {
    /** A quality level: the bitrate of its {@code QualityLevels(..)} and what it carries. */
    public record Level(long bitrate, TrackDescription description) {
        public String codecs() {
            return CmafCodecs.of(description);
        }
    }

    public CmafStream {
        levels = List.copyOf(levels);
    }

    /** The stream's language, from its first level; null when unknown. */
    public String language() {
        return levels.get(0).description().language();
    }

    /** A live stream with the fragments clients may see now, or null when CMAF carries none of its levels. */
    public static CmafStream listed(StreamIndex stream) {
        List<Level> levels = stream.levels().stream().filter(CmafStream::carried)
                .map(t -> new Level(t.key().bitrate(), t.description())).toList();
        return levels.isEmpty() ? null
                : new CmafStream(stream.type(), stream.name(), stream.timescale(), levels, stream.listed());
    }

    /**
     * Whether a level is listed: H.264 or AAC, not sparse, and addressable by its bitrate alone (levels told apart by
     * custom attributes are not, as a {@code $Bandwidth$} template cannot name them).
     */
    static boolean carried(LiveTrack track) {
        return carried(track.key(), track.description());
    }

    /** Whether the level {@code key} describing {@code description} is listed (see {@link #carried(LiveTrack)}). */
    public static boolean carried(TrackKey key, TrackDescription description) {
        return CmafCodecs.carried(description) && !description.sparse() && key.customAttributes().isEmpty();
    }
}
