package org.openlss.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.openlss.platform.PersistenceService;
import org.openlss.platform.ServerConfig;

/**
 * The administrator account. Only a PBKDF2 hash of the password is stored. With no password configured, one is
 * generated at first start and printed once. Because PBKDF2 is deliberately slow, a successful check is remembered for
 * a few minutes as a keyed digest, so scripts and screens polling the API do not pay it on every request.
 */
@ApplicationScoped
public class AdminAccounts {
    private static final Logger LOG = Logger.getLogger(AdminAccounts.class.getName());
    private static final long REMEMBER_MILLIS = 5 * 60_000;
    private static final char[] ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    @Inject
    PersistenceService persistence;
    @Inject
    ServerConfig config;

    private final Clock clock = Clock.systemUTC();
    private final byte[] digestKey = new byte[32];
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    private record Remembered(byte[] digest, long until) {
    }

    /** Creates the account, or updates its hash when the configured password changed. */
    public void ensureAccount() {
        new SecureRandom().nextBytes(digestKey);
        String user = config.adminUser();
        Optional<String> configured = config.adminPassword();
        persistence.inTransaction(em -> {
            AdminAccountEntity account = em.find(AdminAccountEntity.class, user);
            if (account == null) {
                String password = configured.orElseGet(AdminAccounts::generate);
                em.persist(new AdminAccountEntity(user, PasswordHash.generate(password.toCharArray()), clock.instant()));
                if (configured.isPresent()) {
                    LOG.info("Created the administrator account '" + user + "' with the configured password");
                } else {
                    LOG.warning("Created the administrator account '" + user + "' with the generated password "
                            + password + "  -- it is shown only this once; set OPENLSS_ADMIN_PASSWORD to choose one");
                }
            } else if (configured.isPresent() && !PasswordHash.verify(configured.get().toCharArray(), account.passwordHash())) {
                account.setPasswordHash(PasswordHash.generate(configured.get().toCharArray()), clock.instant());
                LOG.info("Updated the password of the administrator account '" + user + "' from the configuration");
            }
            return null;
        });
        remembered.clear();
    }

    /** Whether the user name and password are the administrator's. */
    public boolean verify(String user, String password) {
        byte[] digest = digest(user, password);
        Remembered r = remembered.get(user);
        long now = clock.millis();
        if (r != null && r.until > now && MessageDigest.isEqual(r.digest, digest)) {
            return true;
        }
        AdminAccountEntity account = persistence.inTransaction(em -> em.find(AdminAccountEntity.class, user));
        if (account == null || !PasswordHash.verify(password.toCharArray(), account.passwordHash())) {
            return false;
        }
        remembered.put(user, new Remembered(digest, now + REMEMBER_MILLIS));
        return true;
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

    private static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return password.toString();
    }
}
