package org.openlss.hls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openlss.live.FragmentRef;
import org.openlss.live.IncomingStream;
import org.openlss.live.LiveTrack;
import org.openlss.live.Presentation;
import org.openlss.live.PresentationListener;
import org.openlss.live.StreamIndex;
import org.openlss.live.TrackKey;
import org.openlss.mp4.IngestFragment;
import org.openlss.mp4.TrackType;
import org.openlss.platform.ResponseBody;
import org.openlss.platform.SerialDrain;
import org.openlss.ts.SegmentCipher;
import org.openlss.ts.Timestamps;

/**
 * The Apple HLS form of one live presentation: segments cut from its video timeline, muxed per variant into MPEG-2 TS
 * once, as the fragments arrive, and stored with the event's DVR data; the same segments of each caption track as
 * WebVTT (a subtitles rendition); and the playlists that list them.
 *
 * <p>The presentation's events only wake the segmenter; its work runs as one task at a time on the given executor,
 * reading what the live tracks have stored. So catching up after a restart is the same code as following a live
 * stream, and the ingest threads never wait for muxing. Request threads read what the task published: playlists as
 * ready bytes, segments from memory or disk.
 */
public final class HlsPresentation implements PresentationListener, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(HlsPresentation.class.getName());
    /**
     * How many segments the video may be ahead of a subtitles segment before it is written without waiting for its
     * captions any longer: a sparse track may stay silent for a long time.
     */
    private static final int CAPTION_WAIT = 2;

    private final Presentation presentation;
    private final HlsOptions options;
    private final SerialDrain segmenter;
    private final LongSupplier clock;
    private final Path dir;
    private final SegmentCipher cipher;
    private final Map<TrackKey, Variant> variants = new ConcurrentHashMap<>();
    /** By stream name: the first one is the default rendition. */
    private final Map<String, SubtitlesRendition> subtitles = new ConcurrentSkipListMap<>();
    private final Set<TrackKey> considered = new HashSet<>();
    private volatile StreamIndex video;
    private volatile SegmentPlan plan;
    private volatile byte[] master;
    private volatile boolean finished;
    private volatile boolean closed;
    private MediaPlaylist playlists;
    private EventConstants constants;
    private TimestampMap times;
    private LiveTrack audio;

    /**
     * @param executor runs the segmenter (the container's managed executor)
     * @param clock    wall-clock milliseconds, for program dates
     */
    public HlsPresentation(Presentation presentation, HlsOptions options, Executor executor, LongSupplier clock) {
        this.presentation = presentation;
        this.options = options;
        this.segmenter = new SerialDrain(executor, this::run);
        this.clock = clock;
        this.dir = presentation.directory().resolve("hls");
        this.cipher = options.key() == null ? null : new SegmentCipher(options.key());
    }

    /** Follows the presentation from now on, after catching up with what it already has. */
    public void start() {
        presentation.addListener(this);
        wake();
    }

    @Override
    public void streamOpened(IncomingStream stream) {
        wake();
    }

    @Override
    public void fragmentAccepted(IncomingStream stream, LiveTrack track, FragmentRef ref, IngestFragment fragment) {
        wake();
    }

    @Override
    public void streamEnded(IncomingStream stream) {
        wake();
    }

    @Override
    public void presentationEnded() {
        wake();
    }

    /** Stops following the presentation; a segment being written is finished first. */
    @Override
    public synchronized void close() {
        closed = true;
        presentation.removeListener(this);
        if (plan != null) {
            plan.close();
        }
    }

    /** Whether this is the HLS output of {@code other}. */
    boolean follows(Presentation other) {
        return presentation == other;
    }

    // --- what clients get ------------------------------------------------------------------------------------------

    /** The master playlist, or null until a variant has a segment. */
    public byte[] masterPlaylist() {
        return master;
    }

    /** The variant of the video quality level named in a URL, or null. */
    Variant variant(String streamName, long bitrate, Map<String, String> customAttributes) {
        StreamIndex stream = video;
        return stream == null || !stream.name().equals(streamName) ? null
                : variants.get(new TrackKey(TrackType.VIDEO, streamName, bitrate, customAttributes));
    }

    /** The variant's media playlist, or null until it has a segment. */
    byte[] mediaPlaylist(Variant variant) {
        return variant.playlist();
    }

    /**
     * The rendition's segment (TS of a variant, WebVTT of subtitles) that starts at {@code start} (video time), or
     * null when there is none (yet, or any more).
     */
    ResponseBody segment(WrittenSegments rendition, long start) {
        SegmentPlan segments = plan;
        Segment segment = segments == null ? null : segments.byStart(start);
        if (segment == null || segment.sequence() < rendition.first() || segment.sequence() >= rendition.next()) {
            return null;
        }
        return rendition.files.body(segment.sequence());
    }

    /** The subtitles rendition of the caption stream level named in a URL, or null. */
    SubtitlesRendition subtitles(String streamName, long bitrate, Map<String, String> customAttributes) {
        SubtitlesRendition rendition = subtitles.get(streamName);
        return rendition != null && rendition.track.key().equals(new TrackKey(TrackType.TEXT, streamName, bitrate,
                customAttributes)) ? rendition : null;
    }

    /** The AES-128 key segments are encrypted with, or null. */
    public byte[] key() {
        return options.key();
    }

    /** Whether the playlists are complete ({@code EXT-X-ENDLIST}): the event is over and every segment written. */
    public boolean finished() {
        return finished;
    }

    /** EXT-X-TARGETDURATION, or the configured length before the first segment. */
    public int targetDurationSeconds() {
        SegmentPlan segments = plan;
        return segments == null ? (int) options.segmentLength().toSeconds() : segments.targetDurationSeconds();
    }

    // --- the segmenter ---------------------------------------------------------------------------------------------

    /** Makes sure the segmenter runs after this call; never more than one run at a time. */
    private void wake() {
        try {
            segmenter.signal();
        } catch (RejectedExecutionException e) {
            LOG.warning("HLS segmenting of " + dir + " could not be scheduled: " + e.getMessage());
        }
    }

    private void run() {
        try {
            segment();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "HLS segmenting of " + dir + " failed", e);
        }
    }

    /** Plans the segments the new fragments complete, writes every segment each variant now can, publishes. */
    private synchronized void segment() {
        int known = variants.size();
        if (closed || !discover()) {
            return;
        }
        boolean changed = plan();
        changed |= variants.size() != known;
        boolean ended = presentation.ended();
        if (ended) {
            changed |= plan.flush(clock.getAsLong()) != null;
        }
        if (plan.nextSequence() > plan.firstSequence()) {
            fixConstants();
            for (Variant variant : variants.values()) {
                changed |= write(variant, ended);
            }
            for (SubtitlesRendition rendition : subtitles.values()) {
                changed |= write(rendition, ended);
            }
        }
        boolean done = ended && variants.values().stream().allMatch(v -> v.next() >= plan.nextSequence())
                && subtitles.values().stream().allMatch(s -> s.next() >= plan.nextSequence());
        changed |= done != finished;
        finished = done;
        if (changed) {
            evict();
            publish();
        }
    }

    /** Finds the video stream and its quality levels that become variants; false while there is no video. */
    private boolean discover() {
        if (video == null) {
            StreamIndex stream = presentation.streamIndexes().stream().filter(s -> s.type() == TrackType.VIDEO)
                    .findFirst().orElse(null);
            if (stream == null) {
                return false;
            }
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + dir, e);
            }
            plan = SegmentPlan.open(dir.resolve("segments"), stream.timescale(), options.segmentLength());
            playlists = new MediaPlaylist(stream.name(), stream.timescale(), options,
                    presentation.settings().wholeEvent() ? MediaPlaylist.Type.EVENT : MediaPlaylist.Type.LIVE);
            video = stream;
        }
        for (LiveTrack level : video.levels()) {
            if (considered.add(level.key())) {
                if (level.key().bitrate() > options.maxBitRate()) {
                    LOG.info("No HLS variant for " + level + ": above the maximum bit rate " + options.maxBitRate());
                } else if (TrackCodecs.avc(level.description()) == null) {
                    LOG.info("No HLS variant for " + level + ": TS carries H.264 video only");
                } else {
                    SegmentFiles files = new SegmentFiles(dir.resolve(level.key().folderName()), ".ts");
                    variants.put(level.key(), new Variant(level, files, plan.nextSequence()));
                }
            }
        }
        discoverCaptions();
        return true;
    }

    /**
     * Finds the caption streams that become subtitles renditions (their first quality level); not for iOS 3.0
     * clients (backward-compatible playlists), which know no renditions.
     */
    private void discoverCaptions() {
        if (options.backwardCompatible()) {
            return;
        }
        for (StreamIndex stream : presentation.streamIndexes()) {
            LiveTrack track = stream.type() == TrackType.TEXT && !stream.levels().isEmpty() ? stream.levels().get(0)
                    : null;
            if (track != null && considered.add(track.key())) {
                if (Captions.shown(track.description())) {
                    // WebVTT segments are never encrypted: the key applies to the TS only
                    HlsOptions clear = new HlsOptions(options.segmentLength(), options.maxBitRate(),
                            options.allowCaching(), false, options.includeCodecs(), null);
                    MediaPlaylist playlist = new MediaPlaylist(stream.name(), video.timescale(), clear,
                            presentation.settings().wholeEvent() ? MediaPlaylist.Type.EVENT : MediaPlaylist.Type.LIVE);
                    subtitles.put(stream.name(), new SubtitlesRendition(track,
                            new SegmentFiles(dir.resolve(track.key().folderName()), ".vtt"), playlist,
                            plan.nextSequence()));
                } else {
                    LOG.info("No HLS subtitles for " + track + ": not TTML captions or subtitles");
                }
            }
        }
    }

    /** Offers the variants' new video fragments to the plan, in time order. */
    private boolean plan() {
        long frontier = plan.frontier();
        List<FragmentRef> arrived = new ArrayList<>();
        for (Variant variant : variants.values()) {
            arrived.addAll(variant.level.acceptedBetween(frontier, Long.MAX_VALUE));
        }
        arrived.sort(Comparator.comparingLong(FragmentRef::time));
        boolean changed = false;
        for (FragmentRef ref : arrived) {
            changed |= !plan.offer(ref.time(), ref.duration(), clock.getAsLong()).isEmpty();
        }
        return changed;
    }

    /**
     * At the first segment: which audio every variant carries (the first quality level of the first audio stream, when
     * it is AAC), and the timestamp shift B-frames need (the largest reorder delay in the first segment).
     */
    private void fixConstants() {
        if (constants == null) {
            constants = EventConstants.load(dir);
            if (constants == null) {
                constants = decideConstants();
                constants.store(dir);
            }
            audio = presentation.tracks().stream().filter(t -> t.key().folderName().equals(constants.audioLevel()))
                    .findFirst().orElse(null);
            times = new TimestampMap(constants.shift90());
        }
        for (Variant variant : variants.values()) {
            if (variant.muxer == null) {
                variant.muxer = new SegmentMuxer(FragmentSource.of(variant.level),
                        audio == null ? null : FragmentSource.of(audio), times, cipher,
                        variant.counters(cipher));
            }
        }
    }

    private EventConstants decideConstants() {
        LiveTrack chosen = presentation.streamIndexes().stream().filter(s -> s.type() == TrackType.AUDIO)
                .flatMap(s -> s.levels().stream().limit(1)).filter(t -> TrackCodecs.aac(t.description()) != null)
                .findFirst().orElse(null);
        Segment first = plan.bySequence(plan.firstSequence());
        long delay = 0;
        for (Variant variant : variants.values()) {
            for (FragmentRef ref : variant.level.acceptedBetween(first.start(), first.end())) {
                StoredFragment fragment = StoredFragment.read(FragmentSource.of(variant.level), ref);
                delay = fragment == null ? delay : Math.max(delay, TimestampMap.reorderDelay(fragment.samples()));
            }
        }
        LOG.info("HLS of " + dir + ": audio " + (chosen == null ? "none" : chosen) + ", B-frame reorder delay "
                + delay + " / " + video.timescale() + " s");
        return new EventConstants(TimestampMap.forReorderDelay(delay, video.timescale()).shift90(),
                chosen == null ? "" : chosen.key().folderName());
    }

    /**
     * Writes the variant's segments whose media is all in: its video level and the audio reach the segment's end (or
     * will not grow any more). At the end of the event, whatever there is.
     */
    private boolean write(Variant variant, boolean ended) {
        variant.skipTo(plan.firstSequence());
        boolean wrote = false;
        while (variant.next() < plan.nextSequence()) {
            Segment segment = plan.bySequence(variant.next());
            if (!ended && !(covers(variant.level, segment.end()) && (audio == null || covers(audio, segment.end())))) {
                break;
            }
            variant.written(segment, variant.muxer.mux(segment), video.timescale());
            wrote = true;
        }
        return wrote;
    }

    /**
     * Writes the WebVTT segments of the rendition that the video variants have: each once its captions are in (the
     * caption track reaches the segment's end, or will not grow any more), or once the video is
     * {@link #CAPTION_WAIT} segments further.
     */
    private boolean write(SubtitlesRendition rendition, boolean ended) {
        rendition.skipTo(plan.firstSequence());
        long media = variants.values().stream().mapToLong(Variant::next).max().orElse(plan.firstSequence());
        boolean wrote = false;
        while (rendition.next() < media) {
            Segment segment = plan.bySequence(rendition.next());
            if (!ended && !covers(rendition.track, segment.end()) && media - rendition.next() <= CAPTION_WAIT) {
                break;
            }
            rendition.written(segment, rendition.captions.segment(segment.start(), segment.end(), video.timescale(),
                    times));
            wrote = true;
        }
        return wrote;
    }

    /** Whether {@code level} has stored media up to {@code end} (video timescale), or never will have more. */
    private boolean covers(LiveTrack level, long end) {
        long stored = level.acceptedEnd();
        return level.ended() || stored != Long.MIN_VALUE && Timestamps.toMpegTicks(stored,
                level.description().timescale()) >= Timestamps.toMpegTicks(end, video.timescale());
    }

    /**
     * With a sliding window, deletes the segments that left the playlists longer ago than a playlist lasts plus the
     * longest segment, so a client that just loaded an older playlist still gets them (RFC 8216 §6.2.2).
     */
    private void evict() {
        long window = presentation.settings().dvrWindow().toMillis() * video.timescale() / 1000;
        if (window == 0 || plan.nextSequence() == plan.firstSequence()) {
            return;
        }
        long firstListed = plan.firstListed(window);
        Segment oldestListed = plan.bySequence(firstListed);
        long listed = plan.bySequence(plan.nextSequence() - 1).end() - oldestListed.start();
        long keepFrom = oldestListed.start() - listed - plan.targetDurationSeconds() * video.timescale();
        long drop = plan.firstSequence();
        while (drop < firstListed && plan.bySequence(drop).end() <= keepFrom) {
            drop++;
        }
        if (drop > plan.firstSequence()) {
            for (Variant variant : variants.values()) {
                variant.files.deleteBefore(drop);
            }
            for (SubtitlesRendition rendition : subtitles.values()) {
                rendition.files.deleteBefore(drop);
            }
            plan.dropBefore(drop);
        }
    }

    /** Rebuilds the playlists: each variant lists its segments in the window, the master lists the variants. */
    private void publish() {
        long window = presentation.settings().dvrWindow().toMillis() * video.timescale() / 1000;
        long firstListed = plan.firstListed(window);
        int target = plan.targetDurationSeconds();
        List<MasterPlaylist.Entry> entries = new ArrayList<>();
        for (Variant variant : variants.values()) {
            long from = Math.max(firstListed, variant.first());
            List<Segment> listed = variant.first() < 0 ? List.of() : plan.range(from, variant.next());
            variant.playlist(listed.isEmpty() ? null
                    : playlists.write(listed, target, plan.discontinuitiesBefore(from), finished));
            if (!listed.isEmpty()) {
                entries.add(entry(variant));
            }
        }
        List<MasterPlaylist.Subtitles> renditions = new ArrayList<>();
        for (SubtitlesRendition rendition : subtitles.values()) {
            long from = Math.max(firstListed, rendition.first());
            List<Segment> listed = rendition.first() < 0 ? List.of() : plan.range(from, rendition.next());
            rendition.playlist(listed.isEmpty() ? null
                    : rendition.playlists.write(listed, target, plan.discontinuitiesBefore(from), finished));
            // announced once its playlist exists: a player must not meet a missing rendition
            if (!listed.isEmpty()) {
                renditions.add(rendition.captions.rendition(renditions.isEmpty()));
            }
        }
        master = entries.isEmpty() ? null
                : MasterPlaylist.write(video.name(), entries, options.backwardCompatible(), renditions);
    }

    private MasterPlaylist.Entry entry(Variant variant) {
        TrackKey key = variant.level.key();
        long audioBitrate = audio == null ? 0 : audio.key().bitrate();
        long bandwidth = Math.max(variant.peakBitrate(),
                Math.round((key.bitrate() + audioBitrate) * MasterPlaylist.TS_OVERHEAD));
        String codecs = options.includeCodecs()
                ? TrackCodecs.codecs(variant.level.description(), audio == null ? null : audio.description()) : null;
        return new MasterPlaylist.Entry(key.bitrate(), key.customAttributes(), bandwidth,
                variant.level.description().maxWidth(), variant.level.description().maxHeight(), codecs);
    }
}
