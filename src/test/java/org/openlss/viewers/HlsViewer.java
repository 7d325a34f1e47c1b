package org.openlss.viewers;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.openlss.testing.HlsPlaylists;

/**
 * An HLS viewer: reads the master playlist once, takes one variant (viewers spread over them by index), refreshes its
 * media playlist every target duration and downloads each new segment.
 */
final class HlsViewer extends Viewer {
    private URI media;
    private long nextSequence = -1;

    HlsViewer(Viewers.Session session, URI master, boolean seeker, int index) {
        super(session, master, seeker, index, "playlist", "segment");
    }

    @Override
    CompletableFuture<URI> list() {
        if (media != null) {
            return CompletableFuture.completedFuture(media);
        }
        return session.text("master", entry).thenApply(text -> {
            if (text == null) {
                throw new IllegalStateException("no master playlist");
            }
            List<HlsPlaylists.Variant> variants = new ArrayList<>(HlsPlaylists.master(text));
            if (variants.isEmpty()) {
                throw new IllegalStateException("a master playlist without variants");
            }
            variants.sort(Comparator.comparingLong(v -> Long.parseLong(v.attribute("BANDWIDTH"))));
            media = entry.resolve(variants.get(index % variants.size()).uri());
            return media;
        });
    }

    @Override
    List<Media> newMedia(String text, URI from, boolean first) {
        HlsPlaylists.Media playlist = HlsPlaylists.media(text);
        refreshSeconds = Math.max(1, playlist.targetDuration());
        listIsFinal = playlist.ended();
        List<HlsPlaylists.Segment> segments = playlist.segments();
        if (first) {
            nextSequence = segments.isEmpty() ? playlist.mediaSequence()
                    : segments.get(firstToPlay(segments.size())).sequence();
        }
        List<Media> fresh = new ArrayList<>();
        for (HlsPlaylists.Segment segment : segments) {
            if (segment.sequence() >= nextSequence) {
                fresh.add(new Media(List.of(from.resolve(segment.uri())), segment.duration()));
                nextSequence = segment.sequence() + 1;
            }
        }
        return fresh;
    }
}
