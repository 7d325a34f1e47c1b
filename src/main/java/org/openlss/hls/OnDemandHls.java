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
 * stream with the first AAC level muxed in, B-frame sources shift every presentation time by the reorder delay, and
 * each TTML caption track is a subtitles rendition whose WebVTT segments are the first variant's.
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

    private record Subtitles(Captions captions, byte[] playlist) {
    }

    private final Map<TrackKey, Variant> variants;
    private final Map<TrackKey, Subtitles> subtitles;
    private final FragmentSource audio;
    private final TimestampMap times;
    private final long timescale;
    private final byte[] master;

    private OnDemandHls(Map<TrackKey, Variant> variants, Map<TrackKey, Subtitles> subtitles, FragmentSource audio,
                        TimestampMap times, long timescale, byte[] master) {
        this.variants = variants;
        this.subtitles = subtitles;
        this.audio = audio;
        this.times = times;
        this.timescale = timescale;
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
        List<Segment> segments = variants.values().iterator().next().segments();
        int target = (int) ((segments.stream().mapToLong(Segment::duration).max().orElse(1) + timescale - 1)
                / timescale);
        Map<TrackKey, Subtitles> subtitles = new LinkedHashMap<>();
        List<MasterPlaylist.Subtitles> renditions = new ArrayList<>();
        for (Level level : levels) {
            // one rendition per caption stream, its first level (as live): NAME is the stream's and must be unique
            String name = level.key().name();
            if (Captions.shown(level.media().description())
                    && subtitles.keySet().stream().noneMatch(k -> k.name().equals(name))) {
                Captions captions = new Captions(level.key(), level.media());
                subtitles.put(level.key(), new Subtitles(captions, new MediaPlaylist(level.key().name(), timescale,
                        OPTIONS, complete ? MediaPlaylist.Type.VOD : MediaPlaylist.Type.EVENT)
                        .write(segments, target, 0, complete)));
                renditions.add(captions.rendition(renditions.isEmpty()));
            }
        }
        return new OnDemandHls(variants, subtitles, audio == null ? null : audio.media(),
                TimestampMap.forReorderDelay(delay, timescale), timescale,
                MasterPlaylist.write(video, entries, false, renditions));
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
        Segment segment = variant == null ? null : startingAt(variant.segments(), time);
        return segment == null ? null : new SegmentMuxer(variant.level().media(), audio, times, null,
                ContinuityCounters.independent()).mux(segment);
    }

    /** The media playlist of the subtitles of the caption level {@code key}, or null when there are none. */
    public byte[] subtitlesPlaylist(TrackKey key) {
        Subtitles rendition = subtitles.get(key);
        return rendition == null ? null : rendition.playlist();
    }

    /**
     * The WebVTT segment of the caption level {@code key} that starts at {@code time} (video time, as the media
     * segment's), or null when there is none.
     */
    public byte[] subtitlesSegment(TrackKey key, long time) {
        Subtitles rendition = subtitles.get(key);
        Segment segment = rendition == null ? null : startingAt(variants.values().iterator().next().segments(), time);
        return segment == null ? null : rendition.captions().segment(segment.start(), segment.end(), timescale, times);
    }

    private static Segment startingAt(List<Segment> segments, long time) {
        int at = Collections.binarySearch(segments, new Segment(0, time, 0, false, -1),
                Comparator.comparingLong(Segment::start));
        return at < 0 ? null : segments.get(at);
    }
}
