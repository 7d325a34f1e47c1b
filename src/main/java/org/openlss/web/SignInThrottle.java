package org.openlss.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slows down password guessing. Failed sign-ins are counted per user name and per client address; once either has
 * used up its free failures, each further failure makes it wait, {@code firstDelay} at first and twice as long after
 * every failure up to {@code maxDelay}. While a name or an address waits, its attempts are refused without looking at
 * the password: the right one too, or it would be no throttle. A success clears its user name's count, not its
 * address's (one address may be trying many names).
 *
 * <p>Guesses still being checked count as failures, except a repeat of the same guess (a client sending the same
 * credentials on parallel requests): parallel guesses get no more than the free failures either.
 *
 * <p>Memory stays bounded under a flood of names or addresses: only those with failures (or a check running) are
 * kept, one quiet for {@link #FORGET_AFTER} is forgotten, and each table holds at most {@code capacity}, dropping the
 * one with the fewest failures when full.
 */
final class SignInThrottle {
    static final Duration FORGET_AFTER = Duration.ofHours(1);
    /** Names longer than any account's are counted by their beginning. */
    static final int MAX_NAME = 128;

    /** How many failures in a row are free, and the delays after them. */
    record Limits(int freeFailures, Duration firstDelay, Duration maxDelay) {
        Limits {
            if (freeFailures < 1 || firstDelay.isNegative() || firstDelay.isZero()
                    || maxDelay.compareTo(firstDelay) < 0) {
                throw new IllegalArgumentException("need at least 1 free failure and 0 < first delay <= max delay: "
                        + freeFailures + ", " + firstDelay + ", " + maxDelay);
            }
        }

        /** The delay after the {@code failures}-th failure in a row: none while free, then doubling to the cap. */
        long delayMillis(int failures) {
            if (failures < freeFailures) {
                return 0;
            }
            int doublings = Math.min(failures - freeFailures, 40);
            long first = firstDelay.toMillis();
            long max = maxDelay.toMillis();
            return first > max >> doublings ? max : first << doublings;
        }
    }

    private final Table users;
    private final Table addresses;
    private final Clock clock;
    private final SecretKeySpec guessKey;

    SignInThrottle(Limits perUser, Limits perAddress, int capacity, Clock clock) {
        this.users = new Table(perUser, capacity);
        this.addresses = new Table(perAddress, capacity);
        this.clock = clock;
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.guessKey = new SecretKeySpec(key, "HmacSHA256");
    }

    /** Runs {@code check} of {@code user}'s {@code password} from {@code address} unless they have to wait. */
    SignIn attempt(String user, String password, String address, BooleanSupplier check) {
        String name = user.length() > MAX_NAME ? user.substring(0, MAX_NAME) : user;
        String guess = guess(user, password);
        long wait = begin(name, address, guess);
        if (wait > 0) {
            return new SignIn(SignIn.Outcome.THROTTLED, Duration.ofMillis(wait));
        }
        boolean granted = false;
        try {
            granted = check.getAsBoolean();
        } finally {
            wait = end(name, address, guess, granted);
        }
        return granted ? SignIn.GRANTED : new SignIn(SignIn.Outcome.DENIED, Duration.ofMillis(wait));
    }

    /** How many names and addresses are remembered (for tests of the bound). */
    synchronized int size() {
        return users.entries.size() + addresses.entries.size();
    }

    private synchronized long begin(String name, String address, String guess) {
        long now = clock.millis();
        long wait = Math.max(users.refusal(name, guess, now), addresses.refusal(address, guess, now));
        if (wait == 0) {
            users.entry(name, now).checking.merge(guess, 1, Integer::sum);
            addresses.entry(address, now).checking.merge(guess, 1, Integer::sum);
        }
        return wait;
    }

    /** Records the outcome; returns the delay it started, if any. */
    private synchronized long end(String name, String address, String guess, boolean granted) {
        long now = clock.millis();
        long userWait = users.end(name, guess, granted ? Result.CLEARS : Result.COUNTS, now);
        long addressWait = addresses.end(address, guess, granted ? Result.KEEPS : Result.COUNTS, now);
        return Math.max(userWait, addressWait);
    }

    private String guess(String user, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(guessKey);
            mac.update(user.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What an outcome does to a table's count. */
    private enum Result {
        COUNTS, CLEARS, KEEPS
    }

    private static final class Entry {
        int failures;
        long lastFailure;
        long blockedUntil;
        /** Guesses being checked, and how many requests carry each. */
        final Map<String, Integer> checking = new HashMap<>();

        boolean idle(long now) {
            return checking.isEmpty() && now >= blockedUntil;
        }
    }

    private static final class Table {
        final Limits limits;
        final int capacity;
        final Map<String, Entry> entries = new HashMap<>();

        Table(Limits limits, int capacity) {
            this.limits = limits;
            this.capacity = capacity;
        }

        /** Milliseconds {@code key} must wait before {@code guess} may be checked; 0: at once. */
        long refusal(String key, String guess, long now) {
            Entry e = entries.get(key);
            if (e == null) {
                return 0;
            }
            if (now < e.blockedUntil) {
                return e.blockedUntil - now;
            }
            if (e.checking.isEmpty() || e.checking.containsKey(guess)
                    || e.failures + e.checking.size() < limits.freeFailures()) {
                return 0;
            }
            // as many guesses are being checked as may still fail for free: this one waits for their outcome
            return limits.firstDelay().toMillis();
        }

        Entry entry(String key, long now) {
            Entry e = entries.get(key);
            if (e == null) {
                if (entries.size() >= capacity) {
                    makeRoom(now);
                }
                e = new Entry();
                entries.put(key, e);
            }
            return e;
        }

        long end(String key, String guess, Result result, long now) {
            Entry e = entries.get(key);
            if (e == null) {
                return 0;
            }
            e.checking.computeIfPresent(guess, (g, n) -> n == 1 ? null : n - 1);
            if (result == Result.CLEARS) {
                e.failures = 0;
                e.blockedUntil = 0;
            } else if (result == Result.COUNTS) {
                e.failures++;
                e.lastFailure = now;
                e.blockedUntil = Math.max(e.blockedUntil, now + limits.delayMillis(e.failures));
            }
            if (e.failures == 0 && e.checking.isEmpty()) {
                entries.remove(key);
            }
            return Math.max(0, e.blockedUntil - now);
        }

        /** Forgets the quiet entries; if that is not enough, the idle one with the fewest, oldest failures. */
        private void makeRoom(long now) {
            entries.values().removeIf(e -> e.idle(now) && now - e.lastFailure >= FORGET_AFTER.toMillis());
            if (entries.size() < capacity) {
                return;
            }
            String weakest = null;
            Entry w = null;
            for (Map.Entry<String, Entry> candidate : entries.entrySet()) {
                Entry e = candidate.getValue();
                if (e.checking.isEmpty() && (w == null || e.failures < w.failures
                        || e.failures == w.failures && e.lastFailure < w.lastFailure)) {
                    weakest = candidate.getKey();
                    w = e;
                }
            }
            if (weakest != null) {
                entries.remove(weakest);
            }
        }
    }
}
