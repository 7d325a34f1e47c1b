package org.openlss.mp4.text;

import java.util.Objects;

/**
 * One caption: shown from {@code start} until {@code end}, in 100 ns ticks on the presentation timeline (the Smooth
 * Streaming time scale), with its lines joined by {@code '\n'} and no markup.
 */
public record Cue(long start, long end, String text) {
    public static final long TICKS_PER_SECOND = 10_000_000L;

    public Cue {
        Objects.requireNonNull(text, "text");
        if (end < start) {
            throw new IllegalArgumentException("a caption ends (" + end + ") before it starts (" + start + ")");
        }
    }

    /** Whether any part of this cue is shown in [{@code from}, {@code to}). */
    public boolean overlaps(long from, long to) {
        return start < to && end > from;
    }
}
