package org.openlss.encoder;

import java.util.Locale;

/**
 * What one stream has pushed, for the progress lines on standard error: fragments, the output time reached, the
 * bitrate since the previous line and how far the push runs ahead of (positive) or behind (negative) the clock.
 * Written by the stream's thread, read by the reporter.
 */
final class StreamProgress {
    private final String streamId;
    private long fragments;
    private long bytes;
    private double timeSeconds;
    private double leadSeconds;
    private long reportedBytes;
    private long reportedNanos;

    StreamProgress(String streamId, long nowNanos) {
        this.streamId = streamId;
        this.reportedNanos = nowNanos;
    }

    synchronized void pushed(long size, double outputSeconds, double lead) {
        fragments++;
        bytes += size;
        timeSeconds = outputSeconds;
        leadSeconds = lead;
    }

    /** The progress line; the bitrate counts the bytes since the previous line. */
    synchronized String line(long nowNanos) {
        double seconds = Math.max(1e-3, (nowNanos - reportedNanos) / 1e9);
        long kbps = Math.round((bytes - reportedBytes) * 8 / seconds / 1000);
        reportedBytes = bytes;
        reportedNanos = nowNanos;
        return String.format(Locale.ROOT, "pushencoder: %s: %d fragments, t=%.3f s, %d kbit/s, lead %+.3f s",
                streamId, fragments, timeSeconds, kbps, leadSeconds);
    }
}
