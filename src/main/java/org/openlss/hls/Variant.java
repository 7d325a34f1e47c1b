package org.openlss.hls;

import java.util.logging.Logger;
import org.openlss.live.LiveTrack;
import org.openlss.ts.ContinuityCounters;
import org.openlss.ts.SegmentCipher;
import org.openlss.ts.TsInputException;

/**
 * One HLS variant: a video quality level with the event's audio muxed in (IIS 4), the segments written for it so far,
 * which are {@code [first, next)} of the event's plan, and its current media playlist. Changed by the segmenter's
 * task only; request threads read the volatile fields.
 */
final class Variant {
    private static final Logger LOG = Logger.getLogger(Variant.class.getName());

    final LiveTrack level;
    final SegmentFiles files;
    SegmentMuxer muxer;
    private volatile long first;
    private volatile long next;
    private volatile byte[] playlist;
    private long peakBitrate;

    /**
     * @param nextIfNew where a variant with nothing on disk starts: a level that appears during the event joins at
     *                  the next segment the plan closes
     */
    Variant(LiveTrack level, SegmentFiles files, long nextIfNew) {
        this.level = level;
        this.files = files;
        this.first = files.oldest();
        this.next = files.newest() >= 0 ? files.newest() + 1 : nextIfNew;
    }

    /** The first segment written, or -1 before any. */
    long first() {
        return first;
    }

    /** The next segment to write. */
    long next() {
        return next;
    }

    /** Stores the segment and moves on to the next one. */
    void written(Segment segment, byte[] bytes, long timescale) {
        files.write(segment.sequence(), bytes);
        if (first < 0) {
            first = segment.sequence();
        }
        next = segment.sequence() + 1;
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
        long newest = next - 1;
        byte[] stored = first < 0 || newest < first ? null : files.read(newest);
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

    /** Catches up with a sliding window that went past segments this variant never got to write. */
    void skipTo(long sequence) {
        if (next < sequence) {
            next = sequence;
            first = first < 0 ? -1 : Math.max(first, sequence);
        }
    }

    byte[] playlist() {
        return playlist;
    }

    void playlist(byte[] bytes) {
        playlist = bytes;
    }
}
