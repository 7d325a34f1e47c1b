package org.openlss.hls;

import org.openlss.mp4.FragmentSamples;
import org.openlss.ts.Timestamps;

/**
 * Smooth times to the 90 kHz clock of the TS, the same for every stream and variant of an event (spec §6.5). Each
 * instant is converted on its own. A TS needs {@code DTS <= PTS}, but B-frame sources with negative composition offsets
 * (trun v1, as ffmpeg writes) present some pictures before their decode time: every PTS, audio included, is then
 * shifted by the largest such reorder delay, while decode times keep their value, so A/V sync holds and no timestamp
 * goes negative.
 *
 * @param shift90 added to every presentation time; fixed for the event
 */
record TimestampMap(long shift90) {
    /** The map for a video reorder delay of {@code delay} units of {@code timescale} (rounded up to 90 kHz ticks). */
    static TimestampMap forReorderDelay(long delay, long timescale) {
        return new TimestampMap((delay * Timestamps.MPEG_CLOCK + timescale - 1) / timescale);
    }

    /** How much earlier than its decode time the fragment presents a picture: the negated smallest offset, or 0. */
    static long reorderDelay(FragmentSamples samples) {
        long delay = 0;
        for (int i = 0; i < samples.count(); i++) {
            delay = Math.max(delay, -(long) samples.compositionOffset(i));
        }
        return delay;
    }

    long pts90(long time, long timescale) {
        return Timestamps.toMpegTicks(time, timescale) + shift90;
    }

    long dts90(long time, long timescale) {
        return Timestamps.toMpegTicks(time, timescale);
    }
}
