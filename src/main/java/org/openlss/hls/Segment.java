package org.openlss.hls;

/**
 * One segment of an event, the same in every variant: the same media sequence number, time range and date for the
 * same content, so players switch variants and reload playlists without losing their place.
 *
 * @param sequence          media sequence number: ordinal since the start of the event, never reused
 * @param start             Smooth time of its first video fragment (video timescale): the {@code t} of its URL
 * @param duration          sum of its fragments' durations (video timescale)
 * @param discontinuity     its timestamps do not continue the previous segment's ({@code EXT-X-DISCONTINUITY})
 * @param programDateMillis wall-clock time of its start ({@code EXT-X-PROGRAM-DATE-TIME}), epoch milliseconds; -1
 *                          when not known (an archive)
 */
record Segment(long sequence, long start, long duration, boolean discontinuity, long programDateMillis) {
    long end() {
        return start + duration;
    }
}
