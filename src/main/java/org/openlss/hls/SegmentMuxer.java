package org.openlss.hls;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.openlss.live.FragmentRef;
import org.openlss.mp4.AvcDecoderConfig;
import org.openlss.ts.AudioFrame;
import org.openlss.mp4.AudioSpecificConfig;
import org.openlss.ts.AdtsConfig;
import org.openlss.ts.AvcParameters;
import org.openlss.ts.ContinuityCounters;
import org.openlss.ts.SegmentCipher;
import org.openlss.ts.Timestamps;
import org.openlss.ts.TsInputException;
import org.openlss.ts.TsSegmentWriter;
import org.openlss.ts.VideoAccessUnit;

/**
 * Turns one variant's share of a segment into MPEG-2 TS (spec §4, §6): the video level's fragments that start in the
 * segment's time range, and the audio frames whose decode time falls in it (so each frame is in exactly one segment),
 * muxed by a TS writer whose continuity counters run on from segment to segment, then encrypted when the point says
 * so (IV: the media sequence number). Not thread-safe: one per variant, used by the segmenter's task in order.
 */
final class SegmentMuxer {
    private static final Logger LOG = Logger.getLogger(SegmentMuxer.class.getName());

    private final FragmentSource video;
    private final FragmentSource audio;
    private final TimestampMap times;
    private final TsSegmentWriter writer;
    private final SegmentCipher cipher;

    /**
     * @param audio    the event's audio level, muxed into every variant (IIS 4), or null
     * @param cipher   encrypts every segment, or null
     * @param counters where the variant's continuity counters stand
     */
    SegmentMuxer(FragmentSource video, FragmentSource audio, TimestampMap times, SegmentCipher cipher,
                 ContinuityCounters counters) {
        this.video = video;
        this.audio = audio;
        this.times = times;
        AvcDecoderConfig avc = TrackCodecs.avc(video.description());
        AvcParameters parameters = new AvcParameters(avc.nalLengthSize(), avc.sps(), avc.pps());
        this.writer = audio == null ? TsSegmentWriter.videoOnly(parameters, counters)
                : TsSegmentWriter.audioVideo(parameters, adts(TrackCodecs.aac(audio.description())), counters);
        this.cipher = cipher;
    }

    private static AdtsConfig adts(byte[] audioSpecificConfig) {
        return AdtsConfig.of(AudioSpecificConfig.parse(audioSpecificConfig));
    }

    /**
     * The segment's TS bytes, as served (encrypted when the event is). Media the TS cannot carry (a malformed sample)
     * leaves the segment with its program tables only: players skip it, and the playlists stay continuous.
     */
    byte[] mux(Segment segment) {
        byte[] ts;
        try {
            ts = writer.writeSegment(videoUnits(segment), audio == null ? List.of() : audioFrames(segment));
        } catch (TsInputException e) {
            LOG.warning("HLS segment " + segment.sequence() + " of " + video + " left empty: " + e.getMessage());
            ts = writer.writeSegment(List.of(), List.of());
        }
        return cipher == null ? ts : cipher.encrypt(ts, segment.sequence());
    }

    private List<VideoAccessUnit> videoUnits(Segment segment) {
        long timescale = video.description().timescale();
        List<VideoAccessUnit> units = new ArrayList<>();
        for (FragmentRef ref : video.between(segment.start(), segment.end())) {
            StoredFragment fragment = ref.time() < segment.start() ? null : StoredFragment.read(video, ref);
            if (fragment == null) {
                continue; // misaligned with the plan, or already gone: the segment goes without it
            }
            for (int i = 0; i < fragment.samples().count(); i++) {
                long dts = fragment.decodeTime(i);
                long pts90 = times.pts90(dts + fragment.samples().compositionOffset(i), timescale);
                // a source that reorders more than its first fragment did is clamped rather than refused
                long dts90 = Math.min(times.dts90(dts, timescale), pts90);
                units.add(new VideoAccessUnit(dts90, pts90, fragment.bytes(), fragment.offset(i),
                        fragment.samples().size(i)));
            }
        }
        return units;
    }

    private List<AudioFrame> audioFrames(Segment segment) {
        long videoTimescale = video.description().timescale();
        long timescale = audio.description().timescale();
        long from90 = Timestamps.toMpegTicks(segment.start(), videoTimescale);
        long to90 = Timestamps.toMpegTicks(segment.end(), videoTimescale);
        List<AudioFrame> frames = new ArrayList<>();
        for (FragmentRef ref : audio.between(rescale(segment.start(), videoTimescale, timescale),
                rescale(segment.end(), videoTimescale, timescale) + 1)) {
            StoredFragment fragment = StoredFragment.read(audio, ref);
            for (int i = 0; fragment != null && i < fragment.samples().count(); i++) {
                long time = fragment.decodeTime(i);
                long at90 = Timestamps.toMpegTicks(time, timescale);
                if (at90 >= from90 && at90 < to90) {
                    frames.add(new AudioFrame(times.pts90(time, timescale), fragment.bytes(), fragment.offset(i),
                            fragment.samples().size(i)));
                }
            }
        }
        return frames;
    }

    /** {@code time} in another timescale, rounded down: only to find fragments, frames are then checked exactly. */
    private static long rescale(long time, long from, long to) {
        return from == to ? time : BigInteger.valueOf(time).multiply(BigInteger.valueOf(to))
                .divide(BigInteger.valueOf(from)).longValue();
    }
}
