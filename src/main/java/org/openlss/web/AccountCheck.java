package org.openlss.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Checks a user name and password against the stored accounts, taking as long for a name that has no account (or not
 * the role asked for) as for a wrong password: the password is then verified against a dummy hash of the same cost,
 * so the time of an answer tells nobody which names exist. Because PBKDF2 is deliberately slow, a successful check is
 * remembered for a few minutes as a keyed digest, so scripts polling the API do not pay it on every request.
 */
final class AccountCheck {
    static final long REMEMBER_MILLIS = 5 * 60_000;

    /** A stored account as far as the check needs it. */
    record Stored(String role, String passwordHash) {
    }

    /** How a check came out; {@link #VERIFIED} is a first use within the remembered period. */
    enum Match {
        VERIFIED, REMEMBERED, NONE
    }

    /** Verifies a password against a stored hash: {@link PasswordHash#verify}, or a counting stand-in in tests. */
    interface Verifier {
        boolean verify(char[] password, String hash);
    }

    private final Function<String, Optional<Stored>> accounts;
    private final Verifier verifier;
    private final Clock clock;
    private final String dummyHash;
    private final byte[] digestKey = new byte[32];
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    private record Remembered(byte[] digest, String role, long until) {
    }

    AccountCheck(Function<String, Optional<Stored>> accounts, Verifier verifier, Clock clock) {
        this.accounts = accounts;
        this.verifier = verifier;
        this.clock = clock;
        SecureRandom random = new SecureRandom();
        random.nextBytes(digestKey);
        byte[] nobodysPassword = new byte[24];
        random.nextBytes(nobodysPassword);
        this.dummyHash = PasswordHash.generate(Base64.getEncoder().encodeToString(nobodysPassword).toCharArray());
    }

    /** Whether {@code user}/{@code password} is an account with one of {@code roles}. */
    Match check(String user, String password, Set<String> roles) {
        byte[] digest = digest(user, password);
        Remembered r = remembered.get(user);
        long now = clock.millis();
        if (r != null && r.until > now && roles.contains(r.role) && MessageDigest.isEqual(r.digest, digest)) {
            return Match.REMEMBERED;
        }
        Optional<Stored> account = accounts.apply(user).filter(a -> roles.contains(a.role()));
        boolean matches = verifier.verify(password.toCharArray(), account.map(Stored::passwordHash).orElse(dummyHash));
        if (account.isEmpty() || !matches) {
            return Match.NONE;
        }
        remembered.put(user, new Remembered(digest, account.get().role(), now + REMEMBER_MILLIS));
        return Match.VERIFIED;
    }

    /** Forgets the remembered checks (the stored accounts changed). */
    void forget() {
        remembered.clear();
    }

    private byte[] digest(String user, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(digestKey);
            sha.update(user.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return sha.digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
