package org.openlss.ts;

import java.math.BigInteger;

/**
 * Media time to the 90 kHz clock of PES timestamps and PCR bases. Convert every instant on its own (sample decode and
 * presentation times in the source timescale); never add converted durations, which drifts by the rounding.
 */
public final class Timestamps {
    public static final long MPEG_CLOCK = 90_000;
    private static final long MASK_33 = (1L << 33) - 1;
    /** Up to this value, × 90000 fits a long. */
    private static final long FAST_LIMIT = Long.MAX_VALUE / MPEG_CLOCK;

    private Timestamps() {
    }

    /**
     * floor(time × 90000 / timescale), exact for every long time (e.g. Smooth's 10 MHz absolute times).
     *
     * @throws ArithmeticException if the result does not fit a long (only for timescales below 90 kHz)
     */
    public static long toMpegTicks(long time, long timescale) {
        if (timescale <= 0) {
            throw new IllegalArgumentException("timescale must be positive: " + timescale);
        }
        // time = whole × timescale + rest with 0 <= rest < timescale: only rest needs the scaled division.
        long whole = Math.floorDiv(time, timescale);
        long rest = Math.floorMod(time, timescale);
        long fraction = rest <= FAST_LIMIT
                ? rest * MPEG_CLOCK / timescale
                : BigInteger.valueOf(rest).multiply(BigInteger.valueOf(MPEG_CLOCK))
                        .divide(BigInteger.valueOf(timescale)).longValue();
        return Math.addExact(Math.multiplyExact(whole, MPEG_CLOCK), fraction);
    }

    /** The value modulo 2^33, the width of PTS, DTS and the PCR base (wraps about every 26.5 hours). */
    public static long wrap33(long ticks) {
        return ticks & MASK_33;
    }
}
