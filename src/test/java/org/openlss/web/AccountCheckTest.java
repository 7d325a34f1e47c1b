package org.openlss.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openlss.web.AccountCheck.Match;
import org.openlss.web.AccountCheck.Stored;
import org.openlss.testing.ManualClock;

class AccountCheckTest {
    private static final Set<String> ADMIN = Set.of(Caller.ADMIN_ROLE);
    private static final Set<String> PUBLISHER = Set.of(Caller.ADMIN_ROLE, Caller.ENCODER_ROLE);
    private static final String ADMIN_HASH = PasswordHash.generate("admin-secret".toCharArray());
    private static final String ENCODER_HASH = PasswordHash.generate("encoder-secret".toCharArray());

    private final ManualClock clock = new ManualClock();
    /** The hashes the check verified a password against, in order. */
    private final List<String> verified = new ArrayList<>();
    private final Map<String, Stored> stored = Map.of("admin", new Stored(Caller.ADMIN_ROLE, ADMIN_HASH),
            "encoder", new Stored(Caller.ENCODER_ROLE, ENCODER_HASH));
    private final AccountCheck check = new AccountCheck(user -> Optional.ofNullable(stored.get(user)),
            (password, hash) -> {
                verified.add(hash);
                return PasswordHash.verify(password, hash);
            }, clock);

    /** The algorithm and iteration count of a hash: what its verification costs. */
    private static String cost(String hash) {
        String[] parts = hash.split(":");
        return parts[0] + ":" + parts[1];
    }

    @Test
    void aNameWithoutAnAccountCostsAVerificationOfTheSameCostAsAWrongPassword() {
        assertEquals(Match.NONE, check.check("admin", "wrong", ADMIN));
        assertEquals(List.of(ADMIN_HASH), verified);
        assertEquals(Match.NONE, check.check("nobody", "wrong", ADMIN));
        assertEquals(2, verified.size(), "an unknown name runs a verification too");
        assertEquals(cost(ADMIN_HASH), cost(verified.get(1)));
        assertEquals(Match.NONE, check.check("encoder", "encoder-secret", ADMIN), "not an administrator");
        assertEquals(3, verified.size());
        assertEquals(verified.get(1), verified.get(2), "an account of another role is checked like no account");
    }

    @Test
    void aSuccessIsRememberedForItsRolesForFiveMinutes() {
        assertEquals(Match.VERIFIED, check.check("encoder", "encoder-secret", PUBLISHER));
        assertEquals(Match.REMEMBERED, check.check("encoder", "encoder-secret", PUBLISHER));
        assertEquals(1, verified.size(), "the remembered check needs no PBKDF2");
        assertEquals(Match.NONE, check.check("encoder", "encoder-secret", ADMIN), "remembered as an encoder only");
        assertEquals(Match.NONE, check.check("encoder", "wrong", PUBLISHER));
        clock.advance(Duration.ofMillis(AccountCheck.REMEMBER_MILLIS));
        assertEquals(Match.VERIFIED, check.check("encoder", "encoder-secret", PUBLISHER));
        check.forget();
        assertEquals(Match.VERIFIED, check.check("encoder", "encoder-secret", PUBLISHER));
    }
}
