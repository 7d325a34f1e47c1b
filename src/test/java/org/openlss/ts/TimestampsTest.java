package org.openlss.ts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

class TimestampsTest {
    private static final long SMOOTH_TIMESCALE = 10_000_000;

    @Test
    void tenMegahertzIsNineOverThousand() {
        assertEquals(0, Timestamps.toMpegTicks(0, SMOOTH_TIMESCALE));
        assertEquals(0, Timestamps.toMpegTicks(111, SMOOTH_TIMESCALE)); // 0.999 ticks
        assertEquals(1, Timestamps.toMpegTicks(112, SMOOTH_TIMESCALE));
        assertEquals(90_000, Timestamps.toMpegTicks(SMOOTH_TIMESCALE, SMOOTH_TIMESCALE));
    }

    @Test
    void largeAbsoluteSmoothTimesAreExact() {
        long t = 14_332_589_090_425_811L; // about 45 years of 10 MHz ticks: t × 90000 overflows a long
        assertEquals(128_993_301_813_832L, Timestamps.toMpegTicks(t, SMOOTH_TIMESCALE));
        assertEquals(exact(t, SMOOTH_TIMESCALE), Timestamps.toMpegTicks(t, SMOOTH_TIMESCALE));
        assertEquals(exact(Long.MAX_VALUE, SMOOTH_TIMESCALE), Timestamps.toMpegTicks(Long.MAX_VALUE, SMOOTH_TIMESCALE));
    }

    @Test
    void exactForAssortedTimescalesIncludingHugeOnes() {
        long[] timescales = {1, 1000, 44_100, 48_000, 90_000, 12_800, SMOOTH_TIMESCALE, 1_000_000_007L,
            Long.MAX_VALUE / 90_000 + 1, Long.MAX_VALUE};
        long[] times = {0, 1, 12_345, 1L << 40, Long.MAX_VALUE / 3, Long.MAX_VALUE, -1, -1_000_001, Long.MIN_VALUE};
        for (long timescale : timescales) {
            for (long time : times) {
                BigInteger expected = BigInteger.valueOf(time).multiply(BigInteger.valueOf(90_000))
                        .divide(BigInteger.valueOf(timescale)); // checked for fit below
                if (expected.bitLength() < 63) {
                    assertEquals(exact(time, timescale), Timestamps.toMpegTicks(time, timescale),
                            time + " / " + timescale);
                }
            }
        }
    }

    @Test
    void eachInstantIsConvertedOnItsOwn() {
        // 48 kHz AAC frames of 1024 samples are 1920 ticks exactly; 44.1 kHz ones are 2089.79...
        long t = 0;
        for (int frame = 0; frame < 1000; frame++, t += 1024) {
            assertEquals(Math.floorDiv(t * 90_000, 44_100), Timestamps.toMpegTicks(t, 44_100));
        }
    }

    @Test
    void resultsBeyondALongAreRefused() {
        assertThrows(ArithmeticException.class, () -> Timestamps.toMpegTicks(Long.MAX_VALUE, 1));
        assertThrows(IllegalArgumentException.class, () -> Timestamps.toMpegTicks(1, 0));
    }

    @Test
    void wrapsAt33Bits() {
        long wrap = 1L << 33;
        assertEquals(0, Timestamps.wrap33(wrap));
        assertEquals(wrap - 1, Timestamps.wrap33(wrap - 1));
        assertEquals(5, Timestamps.wrap33(3 * wrap + 5));
        assertEquals(wrap - 1, Timestamps.wrap33(-1));
        assertEquals(Timestamps.wrap33(128_993_301_813_832L), 128_993_301_813_832L % wrap);
    }

    private static long exact(long time, long timescale) {
        return new java.math.BigDecimal(BigInteger.valueOf(time).multiply(BigInteger.valueOf(90_000)))
                .divide(new java.math.BigDecimal(timescale), 0, RoundingMode.FLOOR).longValueExact();
    }
}
