package org.openlss.hls;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Logger;
import org.openlss.live.FragmentRef;
import org.openlss.live.TrackKey;
import org.openlss.mp4.TrackDescription;
import org.openlss.mp4.TrackType;
import org.openlss.mp4.text.Cue;
import org.openlss.mp4.text.Ttml;
import org.openlss.mp4.text.WebVtt;
import org.openlss.ts.Timestamps;

/**
 * A sparse TTML caption track as an HLS subtitles rendition: WebVTT segments with the same boundaries as the media
 * segments, each holding the cues of the caption samples that overlap it, and an {@code X-TIMESTAMP-MAP} that maps
 * the segment's start exactly as the TS muxer maps it to a PTS, so cues show with the pictures they belong to. Live
 * events and archives share it. A sample that is not valid TTML is skipped (logged once per track): captions must
 * never stop the media.
 */
final class Captions {
    private static final Logger LOG = Logger.getLogger(Captions.class.getName());
    /** Smooth's text subtypes that are meant to be shown: captions and subtitles (not SCMD, CHAP, …). */
    private static final Set<String> SHOWN = Set.of("CAPT", "SUBT");

    private final TrackKey key;
    private final FragmentSource source;
    private volatile boolean warned;

    Captions(TrackKey key, FragmentSource source) {
        this.key = key;
        this.source = source;
    }

    /** Whether the track carries captions as TTML documents, which a subtitles rendition can show. */
    static boolean shown(TrackDescription track) {
        return track.type() == TrackType.TEXT && "TTML".equalsIgnoreCase(track.fourCC())
                && (track.subtype() == null || SHOWN.contains(track.subtype().toUpperCase(Locale.ROOT)));
    }

    TrackKey key() {
        return key;
    }

    FragmentSource source() {
        return source;
    }

    /** How the master playlist announces it; the relative URI of its media playlist is the level's, as for video. */
    MasterPlaylist.Subtitles rendition(boolean isDefault) {
        String language = source.description().language();
        return new MasterPlaylist.Subtitles(key.name(), language, isDefault,
                MasterPlaylist.levelManifest(key.bitrate(), key.customAttributes(), key.name(), false));
    }

    /**
     * The WebVTT segment of the media segment {@code [start, end)} ({@code timescale}: the video's), whose PTS are
     * mapped by {@code times}.
     */
    byte[] segment(long start, long end, long timescale, TimestampMap times) {
        long from = ticks(start, timescale);
        long to = ticks(end, timescale);
        long ownScale = source.description().timescale();
        List<Cue> cues = new ArrayList<>();
        // the end rounded up: a fragment that starts within the last unit of the other timescale still overlaps
        for (FragmentRef ref : source.between(rescale(start, timescale, ownScale),
                rescale(end, timescale, ownScale) + 1)) {
            for (Cue cue : read(ref)) {
                if (cue.overlaps(from, to)) {
                    cues.add(cue);
                }
            }
        }
        // PTS wrap at 33 bits in the TS; the map must name the PTS the media segment really carries
        long pts = Timestamps.wrap33(times.pts90(start, timescale));
        return WebVtt.segment(cues, from, pts).getBytes(StandardCharsets.UTF_8);
    }

    /** The cues of the fragment's samples, at their times on the presentation timeline; a bad sample gives none. */
    private List<Cue> read(FragmentRef ref) {
        long timescale = source.description().timescale();
        StoredFragment fragment;
        try {
            fragment = StoredFragment.read(source, ref);
        } catch (RuntimeException e) {
            // BoxFormatException, or bounds beyond the bytes, from a malformed moof
            skipped(ref, e);
            return List.of();
        }
        List<Cue> cues = new ArrayList<>();
        for (int i = 0; fragment != null && i < fragment.samples().count(); i++) {
            try {
                int at = fragment.offset(i);
                byte[] document = Arrays.copyOfRange(fragment.bytes(), at, at + fragment.samples().size(i));
                long sampleStart = fragment.decodeTime(i);
                long startTicks = ticks(sampleStart, timescale);
                long endTicks = ticks(sampleStart + fragment.samples().duration(i), timescale);
                cues.addAll(Ttml.read(document, startTicks, endTicks - startTicks));
            } catch (RuntimeException e) {
                // IllegalArgumentException from Ttml, or a sample beyond the fragment's bytes
                skipped(ref, e);
            }
        }
        return cues;
    }

    private void skipped(FragmentRef ref, RuntimeException e) {
        if (!warned) {
            warned = true;
            LOG.warning("Caption sample in the fragment at " + ref.time() + " of " + key + " skipped ("
                    + e.getMessage() + "); later bad caption samples of this track are skipped without a message");
        }
    }

    /** {@code time} in {@code timescale} as 100 ns ticks, the unit of cues. */
    static long ticks(long time, long timescale) {
        return rescale(time, timescale, Cue.TICKS_PER_SECOND);
    }

    /** floor(time × to / from), exact for any long time (Smooth times may be near 2^63). */
    private static long rescale(long time, long from, long to) {
        if (from == to) {
            return time;
        }
        return BigInteger.valueOf(time).multiply(BigInteger.valueOf(to)).divide(BigInteger.valueOf(from))
                .longValue();
    }

    @Override
    public String toString() {
        return key.toString();
    }
}
