package org.openlss.viewers;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One simulated viewer following a live point as a player does: it refreshes the manifest or playlist every
 * {@link #refreshSeconds} (half that after a refresh that brought nothing), queues what is new, and downloads it in
 * order while its buffer holds less than the target (hls.js keeps 30 s); a failed download is retried twice, then
 * skipped (the picture freezes when the playhead gets there). A live viewer starts three segments from the live edge
 * (the HLS rule), a seeker at the start of the DVR window. Everything runs on the session's timer and HTTP client: no
 * thread per viewer.
 */
abstract class Viewer {
    /** Media to download before its {@code seconds} count as buffered: one TS segment, or a video fragment with the
     * audio fragments up to its end. */
    record Media(List<URI> uris, double seconds) {
    }

    private static final int TRIES = 3;
    protected final Viewers.Session session;
    protected final URI entry;
    protected final boolean seeker;
    protected final int index;
    private final String listKind;
    private final String mediaKind;
    private final Playback playback = new Playback();
    private final Deque<Media> queue = new ArrayDeque<>();
    /** How often the list is refreshed: the target duration, or the newest fragment's duration. */
    protected double refreshSeconds = 2;
    /** The event is over (HLS ENDLIST, a Smooth manifest no longer live): stop once what is queued is played. */
    protected boolean listIsFinal;
    private double lastRefresh = Double.NEGATIVE_INFINITY;
    private boolean started;
    private int stallsReported;

    /** {@code listKind} and {@code mediaKind} name its requests in the report (manifest and fragment, ...). */
    Viewer(Viewers.Session session, URI entry, boolean seeker, int index, String listKind, String mediaKind) {
        this.session = session;
        this.listKind = listKind;
        this.mediaKind = mediaKind;
        this.entry = entry;
        this.seeker = seeker;
        this.index = index;
    }

    /** The URI to refresh; may first fetch what leads to it (the master playlist). */
    abstract CompletableFuture<URI> list();

    /**
     * Reads a refreshed list: returns all media it lists after what was queued before, or, the first time, from where
     * this viewer starts; sets {@link #refreshSeconds} and {@link #listIsFinal} from what it lists.
     */
    abstract List<Media> newMedia(String text, URI from, boolean first);

    /** Where in a list of {@code listed} media this viewer starts playing. */
    final int firstToPlay(int listed) {
        return seeker ? 0 : Math.max(0, listed - 3);
    }

    final void start() {
        pump();
    }

    /** Refreshes the list; one that brought nothing new is asked again after half the interval (RFC 8216 6.3.4). */
    private void refresh() {
        double now = session.now();
        lastRefresh = now;
        list().thenCompose(uri -> session.text(listKind, uri).thenApply(text -> {
            if (text != null) {
                List<Media> fresh = newMedia(text, uri, !started);
                queue.addAll(fresh);
                if (fresh.isEmpty() && started) {
                    lastRefresh = now - refreshSeconds / 2;
                }
                started = true;
            }
            return null;
        })).whenComplete((v, failure) -> {
            if (failure != null) {
                session.failed(listKind, failure);
            }
            pump();
        });
    }

    /** One step: refresh when due, else download the next media while the buffer wants it, else wait. */
    private void pump() {
        double now = session.now();
        reportStalls(now);
        if (session.over()) {
            return;
        }
        double refreshDue = lastRefresh + refreshSeconds;
        Media next = queue.peek();
        if (next == null && listIsFinal) {
            return;
        }
        if (now >= refreshDue && !listIsFinal) {
            refresh();
        } else if (next == null) {
            later(refreshDue - now);
        } else {
            double ahead = playback.ahead(now);
            if (ahead >= session.bufferSeconds()) {
                later(Math.min(ahead - session.bufferSeconds(), listIsFinal ? Double.MAX_VALUE : refreshDue - now));
            } else {
                queue.poll();
                download(next, 0, 1).whenComplete((ok, failure) -> {
                    if (Boolean.TRUE.equals(ok)) {
                        playback.arrived(next.seconds(), session.now());
                    } else if (!session.over()) {
                        playback.missed(next.seconds(), session.now());
                    }
                    pump();
                });
            }
        }
    }

    /** Downloads the media's URIs in order from {@code part}; true when all came, false after the last try failed. */
    private CompletableFuture<Boolean> download(Media media, int part, int attempt) {
        if (part == media.uris().size()) {
            return CompletableFuture.completedFuture(true);
        }
        return session.media(mediaKind, media.uris().get(part)).thenCompose(ok -> {
            if (ok) {
                return download(media, part + 1, 1);
            }
            if (attempt == TRIES || session.over()) {
                return CompletableFuture.completedFuture(false);
            }
            CompletableFuture<Boolean> retried = new CompletableFuture<>();
            session.timer().schedule(() -> download(media, part, attempt + 1).whenComplete((r, e) -> {
                if (e != null) {
                    retried.completeExceptionally(e);
                } else {
                    retried.complete(r);
                }
            }), 500, TimeUnit.MILLISECONDS);
            return retried;
        });
    }

    private void later(double seconds) {
        long millis = (long) Math.ceil(Math.max(0.01, Math.min(seconds, session.secondsLeft())) * 1000);
        session.timer().schedule(this::pump, millis, TimeUnit.MILLISECONDS);
    }

    private synchronized void reportStalls(double now) {
        int stalls = playback.stalls(now);
        if (stalls > stallsReported) {
            session.stalled(mediaKind + (seeker ? " seeker" : " live"), stalls - stallsReported);
            stallsReported = stalls;
        }
    }

    /** Counts a stall under way when the run ends. */
    final void finish() {
        reportStalls(session.now());
    }
}
