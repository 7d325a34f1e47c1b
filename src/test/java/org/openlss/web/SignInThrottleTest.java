package org.openlss.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openlss.web.SignIn.Outcome;
import org.openlss.web.SignInThrottle.Limits;
import org.openlss.testing.ManualClock;

class SignInThrottleTest {
    private static final String RIGHT = "right";
    private static final Limits PER_USER = new Limits(3, Duration.ofSeconds(1), Duration.ofSeconds(4));
    private static final Limits PER_ADDRESS = new Limits(5, Duration.ofSeconds(1), Duration.ofSeconds(60));

    private final ManualClock clock = new ManualClock();
    private final AtomicInteger checks = new AtomicInteger();
    private SignInThrottle throttle = new SignInThrottle(PER_USER, PER_ADDRESS, 1000, clock);

    private SignIn signIn(String user, String password, String address) {
        return throttle.attempt(user, password, address, () -> {
            checks.incrementAndGet();
            return password.equals(RIGHT);
        });
    }

    private static void assertSignIn(Outcome outcome, long waitSeconds, SignIn signIn) {
        assertEquals(new SignIn(outcome, Duration.ofSeconds(waitSeconds)), signIn);
    }

    @Test
    void freeFailuresThenDelaysThatDoubleUpToTheCapAndEvenTheRightPasswordWaits() {
        assertSignIn(Outcome.DENIED, 0, signIn("admin", "a", "10.0.0.1"));
        assertSignIn(Outcome.DENIED, 0, signIn("admin", "b", "10.0.0.1"));
        assertSignIn(Outcome.DENIED, 1, signIn("admin", "c", "10.0.0.1"));
        int checked = checks.get();
        SignIn waiting = signIn("admin", RIGHT, "10.0.0.2");
        assertSignIn(Outcome.THROTTLED, 1, waiting);
        assertEquals(1, waiting.retryAfterSeconds());
        assertEquals(checked, checks.get(), "a throttled attempt is not checked at all");

        clock.advance(Duration.ofMillis(400));
        assertEquals(Duration.ofMillis(600), signIn("admin", RIGHT, "10.0.0.2").delay(), "the wait counts down");
        assertEquals(1, signIn("admin", RIGHT, "10.0.0.2").retryAfterSeconds(), "Retry-After rounds up");
        clock.advance(Duration.ofMillis(600));
        assertSignIn(Outcome.DENIED, 2, signIn("admin", "d", "10.0.0.1"));
        clock.advance(Duration.ofSeconds(2));
        assertSignIn(Outcome.DENIED, 4, signIn("admin", "e", "10.0.0.1"));
        clock.advance(Duration.ofSeconds(4));
        assertSignIn(Outcome.DENIED, 4, signIn("admin", "f", "10.0.0.1"));
        clock.advance(Duration.ofSeconds(4));

        assertSignIn(Outcome.GRANTED, 0, signIn("admin", RIGHT, "10.0.0.2"));
        assertSignIn(Outcome.DENIED, 0, signIn("admin", "g", "10.0.0.3"), "a success starts the count again");
    }

    private static void assertSignIn(Outcome outcome, long waitSeconds, SignIn signIn, String why) {
        assertEquals(new SignIn(outcome, Duration.ofSeconds(waitSeconds)), signIn, why);
    }

    @Test
    void anAddressTryingManyNamesWaitsAndASuccessDoesNotClearIt() {
        for (int i = 1; i <= 4; i++) {
            assertSignIn(Outcome.DENIED, 0, signIn("user" + i, "x", "10.0.0.9"));
        }
        assertSignIn(Outcome.GRANTED, 0, signIn("admin", RIGHT, "10.0.0.9"));
        assertSignIn(Outcome.DENIED, 1, signIn("user5", "x", "10.0.0.9"), "the fifth failure of the address");
        assertSignIn(Outcome.THROTTLED, 1, signIn("admin", RIGHT, "10.0.0.9"));
        assertSignIn(Outcome.GRANTED, 0, signIn("admin", RIGHT, "10.0.0.8"), "other addresses are not held up");
    }

    @Test
    void parallelGuessesGetNoMoreThanTheFreeFailuresButTheSameCredentialsMayRepeat() {
        List<SignIn> results = new ArrayList<>();
        nested(List.of("a", "a", "b", "c", "d"), results);
        assertEquals(List.of(Outcome.THROTTLED, Outcome.DENIED, Outcome.DENIED, Outcome.DENIED, Outcome.DENIED),
                results.stream().map(SignIn::outcome).toList(),
                "with a, b and c being checked, d is a fourth guess: beyond the three free failures");
    }

    /** Each check makes the next attempt, so all earlier ones are still being checked (results: innermost first). */
    private void nested(List<String> guesses, List<SignIn> results) {
        if (!guesses.isEmpty()) {
            results.add(throttle.attempt("admin", guesses.get(0), "10.0.0.1", () -> {
                nested(guesses.subList(1, guesses.size()), results);
                return false;
            }));
        }
    }

    @Test
    void memoryStaysBoundedUnderAFloodAndTheAccountUnderAttackIsNotEvicted() {
        throttle = new SignInThrottle(PER_USER, PER_ADDRESS, 100, clock);
        for (int i = 0; i < 3; i++) {
            signIn("admin", "guess" + i, "10.0.0.1");
        }
        for (int i = 0; i < 10_000; i++) {
            signIn("name" + i, "x", "10.1." + (i / 256) + "." + (i % 256));
        }
        assertTrue(throttle.size() <= 200, "entries: " + throttle.size());
        assertEquals(Outcome.THROTTLED, signIn("admin", RIGHT, "10.9.9.9").outcome(),
                "the flood did not wipe out the count of the name under attack");
    }

    @Test
    void aNameQuietForAnHourIsForgottenWhenRoomIsNeeded() {
        throttle = new SignInThrottle(PER_USER, PER_ADDRESS, 2, clock);
        signIn("old", "x", "10.0.0.1");
        signIn("old", "y", "10.0.0.1");
        clock.advance(SignInThrottle.FORGET_AFTER);
        signIn("new1", "x", "10.0.0.2");
        signIn("new2", "x", "10.0.0.3");
        assertSignIn(Outcome.DENIED, 0, signIn("old", "z", "10.0.0.4"), "its two failures are forgotten");
    }

    @Test
    void longNamesCountByTheirBeginning() {
        String prefix = "x".repeat(SignInThrottle.MAX_NAME);
        signIn(prefix + "1", "a", "10.0.0.1");
        signIn(prefix + "2", "a", "10.0.0.2");
        assertSignIn(Outcome.DENIED, 1, signIn(prefix + "3", "a", "10.0.0.3"));
    }

    @Test
    void delaysAndLimits() {
        Limits limits = new Limits(5, Duration.ofSeconds(1), Duration.ofMinutes(5));
        assertEquals(0, limits.delayMillis(4));
        assertEquals(1000, limits.delayMillis(5));
        assertEquals(2000, limits.delayMillis(6));
        assertEquals(256_000, limits.delayMillis(13));
        assertEquals(300_000, limits.delayMillis(14));
        assertEquals(300_000, limits.delayMillis(Integer.MAX_VALUE));
        assertThrows(IllegalArgumentException.class, () -> new Limits(0, Duration.ofSeconds(1), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new Limits(1, Duration.ZERO, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new Limits(1, Duration.ofSeconds(2), Duration.ofSeconds(1)));
    }
}
