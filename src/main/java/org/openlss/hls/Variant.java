package org.openlss.hls;

import java.util.logging.Logger;
import org.openlss.live.LiveTrack;
import org.openlss.ts.ContinuityCounters;
import org.openlss.ts.SegmentCipher;
import org.openlss.ts.TsInputException;

/**
 * One HLS variant: a video quality level with the event's audio muxed in (IIS 4), its TS segments and playlist.
 */
final class Variant extends WrittenSegments {
    private static final Logger LOG = Logger.getLogger(Variant.class.getName());

    final LiveTrack level;
    SegmentMuxer muxer;
    private long peakBitrate;

    /**
     * @param nextIfNew where a variant with nothing on disk starts: a level that appears during the event joins at
     *                  the next segment the plan closes
     */
    Variant(LiveTrack level, SegmentFiles files, long nextIfNew) {
        super(files, nextIfNew);
        this.level = level;
    }

    /** Stores the segment, moves on to the next one and keeps the peak bitrate. */
    void written(Segment segment, byte[] bytes, long timescale) {
        written(segment, bytes);
        peakBitrate = Math.max(peakBitrate, bytes.length * 8L * timescale / Math.max(1, segment.duration()));
    }

    /** The highest bitrate of a segment written since the variant was opened, TS overhead included. */
    long peakBitrate() {
        return peakBitrate;
    }

    /**
     * Where the continuity counters stand: after the newest stored segment when the variant resumes after a restart
     * (so ffmpeg finds no break there either), else at their start.
     */
    ContinuityCounters counters(SegmentCipher cipher) {
        long newest = next() - 1;
        byte[] stored = first() < 0 || newest < first() ? null : files.read(newest);
        if (stored != null) {
            try {
                return ContinuityCounters.continuing(cipher == null ? stored : cipher.decrypt(stored, newest));
            } catch (TsInputException e) {
                LOG.warning("HLS segment " + newest + " of " + level + " is unreadable (" + e.getMessage()
                        + "): continuity counters start over");
            }
        }
        return new ContinuityCounters();
    }
}
