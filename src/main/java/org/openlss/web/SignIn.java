package org.openlss.web;

import java.time.Duration;

/**
 * What became of a sign-in attempt. {@code delay}: for a throttled attempt, how long until the next one is looked at;
 * for a denied one, the delay it started (zero while failures are still free).
 */
public record SignIn(Outcome outcome, Duration delay) {
    public enum Outcome {
        GRANTED, DENIED, THROTTLED
    }

    static final SignIn GRANTED = new SignIn(Outcome.GRANTED, Duration.ZERO);

    public boolean granted() {
        return outcome == Outcome.GRANTED;
    }

    public boolean throttled() {
        return outcome == Outcome.THROTTLED;
    }

    /** The seconds of a {@code Retry-After} header: the delay rounded up, at least 1. */
    public long retryAfterSeconds() {
        return Math.max(1, (delay.toMillis() + 999) / 1000);
    }
}
