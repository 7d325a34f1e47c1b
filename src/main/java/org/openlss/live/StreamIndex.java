package org.openlss.live;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.openlss.mp4.TrackType;

/**
 * A stream as the client manifest shows it ({@code StreamIndex}): one type and name, its quality levels in the order
 * they registered (never renumbered during the event), and the timeline clients may request, bounded by the DVR window.
 */
public final class StreamIndex {
    private final TrackType type;
    private final String name;
    private final long timescale;
    private final long windowTicks;
    private final List<LiveTrack> levels = new CopyOnWriteArrayList<>();
    private final StreamTimeline timeline = new StreamTimeline();
    private final Presentation presentation;
    private final long graceTicks;

    StreamIndex(Presentation presentation, TrackType type, String name, long timescale, long windowTicks,
                long graceTicks) {
        this.presentation = presentation;
        this.graceTicks = graceTicks;
        this.type = type;
        this.name = name;
        this.timescale = timescale;
        this.windowTicks = windowTicks;
    }

    public TrackType type() {
        return type;
    }

    public String name() {
        return name;
    }

    public long timescale() {
        return timescale;
    }

    Presentation presentation() {
        return presentation;
    }

    /** Quality levels; the position is the {@code QualityLevel@Index}. */
    public List<LiveTrack> levels() {
        return levels;
    }

    void addLevel(LiveTrack track) {
        levels.add(track);
    }

    /** The parent stream of a sparse stream, or null. */
    public String parentName() {
        return levels.isEmpty() ? null : levels.get(0).description().parentTrackName();
    }

    /** The fragments clients may see now: within the DVR window, oldest first. */
    public synchronized Timeline listed() {
        if (timeline.isEmpty()) {
            return new Timeline(new long[0], new long[0]);
        }
        return timeline.copyFrom(windowStart());
    }

    /** The newest listed fragment time, or -1. */
    public synchronized long lastTime() {
        return timeline.isEmpty() ? -1 : timeline.lastTime();
    }

    /** The end of the newest listed fragment, or -1. */
    public synchronized long listedEnd() {
        return timeline.isEmpty() ? -1 : timeline.end();
    }

    /** The newest listed fragment starting before {@code time}, or -1: what a Sparse Stream Pointer names. */
    public synchronized long newestBefore(long time) {
        return timeline.newestBefore(time);
    }

    /** Whether {@code time} is a fragment of this stream that some level released. */
    synchronized boolean lists(long time) {
        return timeline.contains(time);
    }

    /** Start of the DVR window: fragments starting before it are no longer listed. */
    synchronized long windowStart() {
        return windowTicks == 0 || timeline.isEmpty() ? Long.MIN_VALUE : timeline.end() - windowTicks;
    }

    synchronized void released(long time, long duration) {
        if (timeline.add(time, duration)) {
            if (windowTicks > 0) {
                timeline.dropBefore(timeline.end() - windowTicks - graceTicks);
            }
            presentation.changed();
        }
    }
}
