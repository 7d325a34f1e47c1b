package org.openlss.hls;

import org.openlss.live.LiveTrack;

/**
 * The subtitles rendition of a live caption track: its WebVTT segments written so far, which are {@code [first, next)}
 * of the event's plan as for a {@link Variant}, and its current media playlist. Changed by the segmenter's task only;
 * request threads read the volatile fields.
 */
final class SubtitlesRendition {
    final LiveTrack track;
    final Captions captions;
    final SegmentFiles files;
    final MediaPlaylist playlists;
    private volatile long first;
    private volatile long next;
    private volatile byte[] playlist;

    /** @param nextIfNew where a rendition with nothing on disk starts: the next segment the plan closes */
    SubtitlesRendition(LiveTrack track, SegmentFiles files, MediaPlaylist playlists, long nextIfNew) {
        this.track = track;
        this.captions = new Captions(track.key(), FragmentSource.of(track));
        this.files = files;
        this.playlists = playlists;
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

    void written(Segment segment, byte[] bytes) {
        files.write(segment.sequence(), bytes);
        if (first < 0) {
            first = segment.sequence();
        }
        next = segment.sequence() + 1;
    }

    /** Catches up with a sliding window that went past segments never written. */
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
