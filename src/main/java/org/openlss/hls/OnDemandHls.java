package org.openlss.hls;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openlss.live.FragmentRef;
import org.openlss.live.TrackKey;
import org.openlss.mp4.TrackType;
import org.openlss.ts.ContinuityCounters;

/**
 * Apple HTTP Live Streaming of a recorded presentation (an archive) at the live URLs: a master playlist, VOD media
 * playlists and TS segments muxed from the stored fragments by the live events' muxer, one segment per video
 * fragment, each made on its own when asked for (no state carried from one to the next: continuity counters start
 * over in every segment and say so). As live, every variant is a video quality level of the first H.264
 * stream with the first AAC level muxed in, and B-frame sources shift every presentation time by the reorder delay.
 */
public final class OnDemandHls {
    /** VOD playlists: cacheable, current protocol version, codecs announced, clear segments. */
    private static final HlsOptions OPTIONS = new HlsOptions(Duration.ofSeconds(10), Long.MAX_VALUE, true, false, true,
            null);

    /** A quality level of the presentation and where its fragments are. */
    public record Level(TrackKey key, FragmentSource media) {
    }

    private record Variant(Level level, List<Segment> segments, byte[] playlist) {
    }

    private final Map<TrackKey, Variant> variants;
    private final FragmentSource audio;
    private final TimestampMap times;
    private final byte[] master;

    private OnDemandHls(Map<TrackKey, Variant> variants, FragmentSource audio, TimestampMap times, byte[] master) {
        this.variants = variants;
        this.audio = audio;
        this.times = times;
        this.master = master;
    }

    /**
     * The presentation of {@code levels} as HLS; null when it has no H.264 video a TS can carry.
     *
     * @param complete nothing will be added: VOD playlists that end; else (an archive still written) EVENT playlists
     */
    public static OnDemandHls of(List<Level> levels, boolean complete) {
        Level audio = levels.stream().filter(l -> l.key().type() == TrackType.AUDIO)
                .filter(l -> TrackCodecs.aac(l.media().description()) != null).findFirst().orElse(null);
        String video = levels.stream().filter(l -> l.key().type() == TrackType.VIDEO)
                .filter(l -> TrackCodecs.avc(l.media().description()) != null).map(l -> l.key().name()).findFirst()
                .orElse(null);
        if (video == null) {
            return null;
        }
        List<Level> videoLevels = levels.stream().filter(l -> l.key().type() == TrackType.VIDEO
                && l.key().name().equals(video) && TrackCodecs.avc(l.media().description()) != null).toList();
        long timescale = videoLevels.get(0).media().description().timescale();
        MediaPlaylist playlists = new MediaPlaylist(video, timescale, OPTIONS,
                complete ? MediaPlaylist.Type.VOD : MediaPlaylist.Type.EVENT);
        Map<TrackKey, Variant> variants = new LinkedHashMap<>();
        List<MasterPlaylist.Entry> entries = new ArrayList<>();
        long delay = 0;
        for (Level level : videoLevels) {
            List<FragmentRef> fragments = level.media().between(Long.MIN_VALUE, Long.MAX_VALUE);
            if (fragments.isEmpty()) {
                continue;
            }
            List<Segment> segments = new ArrayList<>(fragments.size());
            long longest = 1;
            for (FragmentRef ref : fragments) {
                segments.add(new Segment(segments.size(), ref.time(), ref.duration(), false, -1));
                longest = Math.max(longest, ref.duration());
            }
            // the first fragment shows how far the source reorders pictures, as the first live segment does
            StoredFragment first = StoredFragment.read(level.media(), fragments.get(0));
            delay = first == null ? delay : Math.max(delay, TimestampMap.reorderDelay(first.samples()));
            int target = (int) ((longest + timescale - 1) / timescale);
            variants.put(level.key(), new Variant(level, segments, playlists.write(segments, target, 0, complete)));
            long audioBitrate = audio == null ? 0 : audio.key().bitrate();
            entries.add(new MasterPlaylist.Entry(level.key().bitrate(), level.key().customAttributes(),
                    Math.round((level.key().bitrate() + audioBitrate) * MasterPlaylist.TS_OVERHEAD),
                    level.media().description().maxWidth(), level.media().description().maxHeight(),
                    TrackCodecs.codecs(level.media().description(),
                            audio == null ? null : audio.media().description())));
        }
        if (variants.isEmpty()) {
            return null;
        }
        return new OnDemandHls(variants, audio == null ? null : audio.media(),
                TimestampMap.forReorderDelay(delay, timescale), MasterPlaylist.write(video, entries, false));
    }

    public byte[] masterPlaylist() {
        return master;
    }

    /** The media playlist of the variant {@code key}, or null when there is no such variant. */
    public byte[] mediaPlaylist(TrackKey key) {
        Variant variant = variants.get(key);
        return variant == null ? null : variant.playlist();
    }

    /** The TS segment of the variant {@code key} that starts at {@code time}, or null when there is none. */
    public byte[] segment(TrackKey key, long time) {
        Variant variant = variants.get(key);
        if (variant == null) {
            return null;
        }
        int at = Collections.binarySearch(variant.segments(), new Segment(0, time, 0, false, -1),
                Comparator.comparingLong(Segment::start));
        if (at < 0) {
            return null;
        }
        return new SegmentMuxer(variant.level().media(), audio, times, null, ContinuityCounters.independent())
                .mux(variant.segments().get(at));
    }
}
