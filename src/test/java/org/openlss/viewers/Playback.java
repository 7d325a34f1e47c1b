package org.openlss.viewers;

/**
 * What a player's screen does with what it downloaded: playback starts when the first segment is in, then the
 * playhead moves with the wall clock; when it reaches the end of what is buffered the picture freezes (a stall) until
 * the next segment arrives. Times in seconds, wall clock from the caller (so tests drive it by hand).
 */
final class Playback {
    private double buffered;        // media seconds downloaded, contiguous from where the viewer started
    private double startedAt = -1;  // wall time playback started
    private double stalledFor;      // total wall seconds frozen so far
    private double stallStart = -1; // wall time the current stall began, or -1
    private int stalls;

    /** A segment of {@code seconds} of media arrived at wall time {@code now}. */
    synchronized void arrived(double seconds, double now) {
        update(now);
        buffered += seconds;
        if (startedAt < 0) {
            startedAt = now;
        } else if (stallStart >= 0) {
            stalledFor += now - stallStart;
            stallStart = -1;
        }
    }

    /**
     * A segment of {@code seconds} could not be fetched at all: the viewer sees a stall (the fragment was never there
     * to play) and the player jumps over the hole, as hls.js's gap handling does.
     */
    synchronized void missed(double seconds, double now) {
        arrived(seconds, now);
        stalls++;
    }

    /** Media seconds buffered ahead of the playhead at {@code now} (all of it before playback starts). */
    synchronized double ahead(double now) {
        update(now);
        return buffered - played(now);
    }

    /** Stalls so far, counting one that is under way at {@code now}. */
    synchronized int stalls(double now) {
        update(now);
        return stalls;
    }

    private double played(double now) {
        if (startedAt < 0) {
            return 0;
        }
        double frozen = stalledFor + (stallStart >= 0 ? now - stallStart : 0);
        return Math.min(buffered, now - startedAt - frozen);
    }

    /** Notices a stall that began since the last look: the playhead ran past the buffer at a computable moment. */
    private void update(double now) {
        if (startedAt >= 0 && stallStart < 0 && now - startedAt - stalledFor > buffered) {
            stallStart = startedAt + stalledFor + buffered;
            stalls++;
        }
    }
}
