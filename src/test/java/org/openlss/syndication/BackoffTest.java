package org.openlss.syndication;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void doublesFromOneSecondUpToThirtySeconds() {
        Backoff backoff = new Backoff();
        assertEquals(List.of(1000L, 2000L, 4000L, 8000L, 16_000L, 30_000L, 30_000L),
                Stream.generate(backoff::nextDelayMillis).limit(7).toList());
    }

    @Test
    void aConnectionThatWorkedStartsOverAtOneSecond() {
        Backoff backoff = new Backoff();
        backoff.nextDelayMillis();
        backoff.nextDelayMillis();
        backoff.reset();
        assertEquals(1000, backoff.nextDelayMillis());
        assertEquals(2000, backoff.nextDelayMillis());
    }
}
