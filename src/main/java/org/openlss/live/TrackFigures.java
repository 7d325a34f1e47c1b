package org.openlss.live;

/**
 * The figures of one quality level for statistics, screens and metrics.
 *
 * @param millisSinceLastFragment -1 before the first fragment
 * @param lastReleasedTime        newest fragment time offered to clients (0 before the first)
 * @param maxLateMillis           how much later than real time the latest-arriving fragment of the event came, measured
 *                                against the earliest arrival relative to media time (0 for a source that never fell
 *                                behind; a reconnect's gap counts)
 */
public record TrackFigures(long encodedBitRate, long incomingBitRate, long millisSinceLastFragment,
                           long lastFragmentTime, long lastFragmentDuration, double requestRate,
                           long fragmentsIngested, long fragmentsServed, long bytesIngested, long bytesServed,
                           long lastReleasedTime, long maxLateMillis) {
}
