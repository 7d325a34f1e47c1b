package org.openlss.live;

import java.time.Duration;

/**
 * What a presentation needs from its publishing point's settings, fixed for the event.
 *
 * @param lookahead       fragments held back so every served fragment announces the next ones (0: none)
 * @param dvrWindow       how much recent content clients may reach; zero keeps the whole event
 * @param liveCache       newest fragments kept in memory per track
 * @param evictionGrace   how long a fragment that left the DVR window stays servable: clients that just read the
 *                        manifest hold their own copy of the timeline
 * @param maxStreams      how many input streams the event takes; one more is refused, so connections cannot flood
 *                        the manifest and the screens with streams
 * @param maxTimelineJump how far ahead of a track's newest fragment (beyond the time that passed since it arrived) a
 *                        fragment may start; a connection jumping further is refused, so it cannot move the live edge
 *                        away from the encoder that feeds the event
 */
public record PresentationSettings(int lookahead, Duration dvrWindow, int liveCache, Duration evictionGrace,
                                   int maxStreams, Duration maxTimelineJump) {
    public static final Duration DEFAULT_EVICTION_GRACE = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_STREAMS = 16;
    public static final Duration DEFAULT_MAX_TIMELINE_JUMP = Duration.ofMinutes(10);

    public PresentationSettings(int lookahead, Duration dvrWindow, int liveCache) {
        this(lookahead, dvrWindow, liveCache, DEFAULT_EVICTION_GRACE, DEFAULT_MAX_STREAMS, DEFAULT_MAX_TIMELINE_JUMP);
    }

    public PresentationSettings {
        if (lookahead < 0 || dvrWindow.isNegative() || liveCache < 1 || evictionGrace.isNegative() || maxStreams < 1
                || maxTimelineJump.isNegative()) {
            throw new IllegalArgumentException("invalid presentation settings");
        }
    }

    public boolean wholeEvent() {
        return dvrWindow.isZero();
    }

    /** The allowed jump: the configured bound, or the DVR window when that is shorter (a jump past it empties it). */
    Duration timelineJumpBound() {
        return wholeEvent() || maxTimelineJump.compareTo(dvrWindow) < 0 ? maxTimelineJump : dvrWindow;
    }
}
