package org.openlss.live;

/**
 * Where one stored fragment is and what it covers: its absolute start time and duration in the track timescale, and
 * the bytes ({@code moof}+{@code mdat} as ingested) in the track's store.
 *
 * @param sequence ordinal of the fragment in its track since the start of the event; never reused
 */
public record FragmentRef(long time, long duration, long sequence, long position, int size, boolean keyFrame) {
    public long end() {
        return time + duration;
    }
}
