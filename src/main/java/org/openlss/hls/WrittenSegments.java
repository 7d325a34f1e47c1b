package org.openlss.hls;

/**
 * What a live rendition (a {@link Variant}, a {@link SubtitlesRendition}) has written of the event's segment plan:
 * segments {@code [first, next)} in its {@link SegmentFiles}, and its current media playlist. Changed by the
 * segmenter's task only; request threads read the volatile fields.
 */
abstract class WrittenSegments {
    final SegmentFiles files;
    private volatile long first;
    private volatile long next;
    private volatile byte[] playlist;

    /** @param nextIfNew where a rendition with nothing on disk starts: the next segment the plan closes */
    WrittenSegments(SegmentFiles files, long nextIfNew) {
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
    void written(Segment segment, byte[] bytes) {
        files.write(segment.sequence(), bytes);
        if (first < 0) {
            first = segment.sequence();
        }
        next = segment.sequence() + 1;
    }

    /** Catches up with a sliding window that went past segments this rendition never got to write. */
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
