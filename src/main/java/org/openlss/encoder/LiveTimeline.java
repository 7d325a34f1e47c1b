package org.openlss.encoder;

import java.math.BigInteger;
import java.util.List;

/**
 * Where the replayed presentation lands on the live timeline and when each fragment is due, shared by all streams so
 * that they stay in step. Times are in 100 ns units (ticks, the Smooth default timescale) unless a track timescale is
 * named. The presentation runs from {@code first} to {@code end}; the output starts at {@code start}, and pass
 * {@code loop} (from 0) of {@code /loop} is moved on by {@code loop} presentation lengths, so times keep increasing.
 * A fragment is due when the local clock, running at {@code rate} against real time, reaches its end, as a live
 * encoder can only send a fragment once it has captured all of it.
 */
public final class LiveTimeline {
    public static final long TICKS_PER_SECOND = 10_000_000L;

    private final long first;
    private final long end;
    private final long start;
    private final double rate;

    public LiveTimeline(long first, long end, long start, double rate) {
        if (end <= first) {
            throw new IllegalArgumentException("the presentation is empty: ends at " + end + ", starts at " + first);
        }
        this.first = first;
        this.end = end;
        this.start = start;
        this.rate = rate;
    }

    /**
     * The timeline of {@code streams} under {@code options}: the output starts at 0, at the source's own times with
     * {@code /liveArchive}, at the local clock with {@code /realtime}, or where {@code /realtime:start} says.
     */
    public static LiveTimeline of(List<SourceStream> streams, EncoderOptions options, long nowMillis) {
        long first = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        for (SourceStream stream : streams) {
            for (SourceStream.Fragment f : stream.fragments()) {
                first = Math.min(first, f.startTicks());
                end = Math.max(end, f.endTicks());
            }
        }
        long start = options.realtimeStart() >= 0 ? options.realtimeStart()
                : options.realtime() ? nowMillis * 10_000 : options.liveArchive() ? first : 0;
        return new LiveTimeline(first, end, start, options.rate());
    }

    /** Length of one pass of the presentation. */
    public long length() {
        return end - first;
    }

    /** The output time of a fragment at source {@code time} (track {@code timescale}) in pass {@code loop}. */
    public long outputTime(long time, long timescale, long loop) {
        return time + fromTicks(start - first + loop * length(), timescale);
    }

    /** Nanoseconds after the push started at which the fragment ending at source {@code endTicks} is due, in pass {@code loop}. */
    public long dueNanos(long endTicks, long loop) {
        double mediaTicks = endTicks - first + (double) loop * length();
        return (long) (mediaTicks * 100 / rate);
    }

    /** How far the media pushed (up to {@code endTicks} in pass {@code loop}) is ahead of the clock after {@code elapsedNanos}. */
    public double leadSeconds(long endTicks, long loop, long elapsedNanos) {
        return (dueNanos(endTicks, loop) - elapsedNanos) / 1e9;
    }

    /** {@code time} in {@code timescale} units as 100 ns ticks (rounded down). */
    public static long toTicks(long time, long timescale) {
        return timescale == TICKS_PER_SECOND ? time : scale(time, TICKS_PER_SECOND, timescale);
    }

    /** 100 ns {@code ticks} in {@code timescale} units (rounded down). */
    public static long fromTicks(long ticks, long timescale) {
        return timescale == TICKS_PER_SECOND ? ticks : scale(ticks, timescale, TICKS_PER_SECOND);
    }

    private static long scale(long value, long multiplier, long divisor) {
        BigInteger[] qr = BigInteger.valueOf(value).multiply(BigInteger.valueOf(multiplier))
                .divideAndRemainder(BigInteger.valueOf(divisor));
        BigInteger floor = qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
        return floor.longValueExact();
    }
}
