package org.openlss.live;

import java.time.Duration;

/**
 * What a presentation needs from its publishing point's settings, fixed for the event.
 *
 * @param lookahead      fragments held back so every served fragment announces the next ones (0: none)
 * @param dvrWindow      how much recent content clients may reach; zero keeps the whole event
 * @param liveCache      newest fragments kept in memory per track
 * @param evictionGrace  how long a fragment that left the DVR window stays servable: clients that just read the
 *                       manifest hold their own copy of the timeline
 */
public record PresentationSettings(int lookahead, Duration dvrWindow, int liveCache, Duration evictionGrace) {
    public static final Duration DEFAULT_EVICTION_GRACE = Duration.ofSeconds(30);

    public PresentationSettings(int lookahead, Duration dvrWindow, int liveCache) {
        this(lookahead, dvrWindow, liveCache, DEFAULT_EVICTION_GRACE);
    }

    public PresentationSettings {
        if (lookahead < 0 || dvrWindow.isNegative() || liveCache < 1 || evictionGrace.isNegative()) {
            throw new IllegalArgumentException("invalid presentation settings");
        }
    }

    public boolean wholeEvent() {
        return dvrWindow.isZero();
    }
}
