package org.openlss.cmaf;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openlss.player.BuiltOnce;

/**
 * What the CMAF outputs keep with one live event: its manifests, built once per timeline change, and the mapping of
 * media time to the wall clock fixed for the event's life (a dynamic MPD's {@code availabilityStartTime} must not
 * move between updates; HLS program dates follow the same clock).
 */
final class CmafEvent {
    /** Media time {@code time} (in {@code timescale}) is presentation time 0 and happened at {@code wallClock}. */
    record Anchor(long time, long timescale, Instant wallClock) {
    }

    final BuiltOnce mpd = new BuiltOnce();
    final BuiltOnce master = new BuiltOnce();
    /** The fMP4 HLS media playlist of each stream (one for all its levels), by stream name. */
    final Map<String, BuiltOnce> mediaPlaylists = new ConcurrentHashMap<>();
    private volatile Anchor anchor;

    /**
     * The event's anchor, fixed the first time it is asked for with listed fragments: its earliest fragment is time
     * 0, and the end of its newest listed fragment is now. Later fragments arrive as the encoder's clock runs, so the
     * live edge the clock gives players stays where the fragments are.
     */
    Anchor live(List<CmafStream> streams, Instant now) {
        Anchor fixed = anchor;
        if (fixed == null) {
            synchronized (this) {
                if (anchor == null) {
                    Anchor earliest = earliest(streams);
                    if (earliest == null) {
                        return null;
                    }
                    double end = streams.stream().filter(s -> !s.timeline().isEmpty())
                            .mapToDouble(s -> (double) s.timeline().end() / s.timescale()).max().orElseThrow();
                    double sinceStart = end - (double) earliest.time() / earliest.timescale();
                    anchor = new Anchor(earliest.time(), earliest.timescale(),
                            now.minus(Duration.ofNanos(Math.round(sinceStart * 1e9))));
                }
                fixed = anchor;
            }
        }
        return fixed;
    }

    /** The earliest listed fragment of {@code streams} as time 0 (no wall clock: a static presentation); or null. */
    static Anchor earliest(List<CmafStream> streams) {
        Anchor earliest = null;
        for (CmafStream stream : streams) {
            if (!stream.timeline().isEmpty()) {
                long first = stream.timeline().times()[0];
                if (earliest == null
                        || (double) first / stream.timescale() < (double) earliest.time() / earliest.timescale()) {
                    earliest = new Anchor(first, stream.timescale(), null);
                }
            }
        }
        return earliest;
    }
}
