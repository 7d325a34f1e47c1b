package org.openlss.hls;

import org.openlss.live.LiveTrack;

/** The subtitles rendition of a live caption track: its WebVTT segments, on the same plan as the variants'. */
final class SubtitlesRendition extends WrittenSegments {
    final LiveTrack track;
    final Captions captions;
    final MediaPlaylist playlists;

    /** @param nextIfNew where a rendition with nothing on disk starts: the next segment the plan closes */
    SubtitlesRendition(LiveTrack track, SegmentFiles files, MediaPlaylist playlists, long nextIfNew) {
        super(files, nextIfNew);
        this.track = track;
        this.captions = new Captions(track.key(), FragmentSource.of(track));
        this.playlists = playlists;
    }
}
