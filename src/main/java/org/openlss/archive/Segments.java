package org.openlss.archive;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.openlss.live.TrackKey;
import org.openlss.mp4.TrackType;

/**
 * Which presentation of an event's archive a fragment belongs to (archive-and-syndication.md §1.5). Segment {@code k}
 * covers media time {@code [origin + k·N, origin + (k+1)·N)}, the origin being the event's first fragment: the media
 * clock decides, not the wall clock, so a feed pushed faster than real time is cut the same. Each fragment goes whole
 * into the segment its start time falls in, so none is lost or doubled; a video track only moves on with a fragment
 * that starts with a key frame, so every segment starts decodable. A track never moves back. Single-presentation
 * archives (N = 0) have only segment 0.
 */
final class Segments {
    private static final long TICKS_PER_SECOND = 10_000_000L;

    private final long lengthTicks;
    private long origin;
    private final Map<TrackKey, Integer> current = new HashMap<>();
    private final Set<TrackKey> ended = new HashSet<>();

    /**
     * @param origin start of the first segment in 100 ns units, or -1 to take the first fragment's time
     */
    Segments(Duration length, long origin) {
        this.lengthTicks = length.toMillis() * (TICKS_PER_SECOND / 1000);
        this.origin = origin;
    }

    boolean segmented() {
        return lengthTicks > 0;
    }

    /** Start of segment 0 in 100 ns units; -1 before the first fragment. */
    long origin() {
        return origin;
    }

    /** The segment of a fragment of track {@code key} at {@code time} (track timescale), and the track's from now on. */
    int segmentOf(TrackKey key, long time, long timescale, boolean keyFrame) {
        ended.remove(key);
        if (lengthTicks == 0) {
            current.put(key, 0);
            return 0;
        }
        long ticks = time / timescale * TICKS_PER_SECOND + time % timescale * TICKS_PER_SECOND / timescale;
        if (origin < 0) {
            origin = ticks;
        }
        int candidate = (int) Math.max(0, Math.floorDiv(ticks - origin, lengthTicks));
        Integer now = current.get(key);
        boolean mayMove = key.type() != TrackType.VIDEO || keyFrame;
        int segment = now == null ? candidate : candidate > now && mayMove ? candidate : now;
        current.put(key, segment);
        return segment;
    }

    /** The input stream carrying {@code key} ended: it holds no segment open any more (until it sends again). */
    void ended(TrackKey key) {
        ended.add(key);
    }

    /** Whether every track that wrote into {@code segment} has moved past it or ended: it can be closed. */
    boolean finished(int segment, Collection<TrackKey> keys) {
        for (TrackKey key : keys) {
            Integer now = current.get(key);
            if (!ended.contains(key) && now != null && now <= segment) {
                return false;
            }
        }
        return true;
    }
}
