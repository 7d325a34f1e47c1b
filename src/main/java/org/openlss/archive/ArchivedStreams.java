package org.openlss.archive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import org.openlss.cmaf.CmafStream;
import org.openlss.live.Timeline;
import org.openlss.live.TrackKey;
import org.openlss.mp4.OnDemandServerManifest;
import org.openlss.mp4.TrackDescription;
import org.openlss.smooth.ManifestStream;

/**
 * The client manifest's view of an archived presentation: the tracks of its {@code .ism} grouped into streams by type
 * and name, as live ingest groups them (smooth-client.md §2.6), each stream's timeline the union of its levels'.
 */
final class ArchivedStreams {
    private ArchivedStreams() {
    }

    /** The identity clients address a level by; an archived track's bitrate is the one it was served live with. */
    static TrackKey key(TrackDescription description) {
        return new TrackKey(description.type(), description.trackName(), description.bitrate(),
                description.customAttributes());
    }

    /** The streams of {@code tracks} (in {@code .ism} order); {@code timelineOf} gives a track's by file and track id. */
    static List<ManifestStream> of(List<OnDemandServerManifest.Track> tracks,
                                   BiFunction<String, Integer, Timeline> timelineOf) {
        Map<String, List<OnDemandServerManifest.Track>> byName = new LinkedHashMap<>();
        for (OnDemandServerManifest.Track track : tracks) {
            TrackDescription d = track.description();
            byName.computeIfAbsent(d.type() + "/" + d.trackName(), n -> new ArrayList<>()).add(track);
        }
        List<ManifestStream> streams = new ArrayList<>(byName.size());
        for (List<OnDemandServerManifest.Track> levels : byName.values()) {
            TreeMap<Long, Long> union = new TreeMap<>();
            List<ManifestStream.Level> manifestLevels = new ArrayList<>(levels.size());
            for (OnDemandServerManifest.Track level : levels) {
                Timeline timeline = timelineOf.apply(level.src(), level.description().trackId());
                for (int i = 0; i < timeline.size(); i++) {
                    union.putIfAbsent(timeline.times()[i], timeline.durations()[i]);
                }
                manifestLevels.add(new ManifestStream.Level(key(level.description()), level.description()));
            }
            TrackDescription first = levels.get(0).description();
            streams.add(new ManifestStream(first.type(), first.trackName(), first.timescale(), manifestLevels,
                    new Timeline(union.keySet().stream().mapToLong(Long::longValue).toArray(),
                            union.values().stream().mapToLong(Long::longValue).toArray())));
        }
        return streams;
    }

    /** The streams as the CMAF outputs list them: the levels CMAF carries, streams without one left out. */
    static List<CmafStream> cmaf(List<ManifestStream> streams) {
        List<CmafStream> listed = new ArrayList<>(streams.size());
        for (ManifestStream stream : streams) {
            List<CmafStream.Level> levels = stream.levels().stream()
                    .filter(l -> CmafStream.carried(l.key(), l.description()))
                    .map(l -> new CmafStream.Level(l.key().bitrate(), l.description())).toList();
            if (!levels.isEmpty()) {
                listed.add(new CmafStream(stream.type(), stream.name(), stream.timescale(), levels, stream.timeline()));
            }
        }
        return listed;
    }
}
