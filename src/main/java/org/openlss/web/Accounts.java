package org.openlss.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;
import org.openlss.platform.AuditTrail;
import org.openlss.pubpoint.ErrorCode;
import org.openlss.pubpoint.ManagementException;
import org.openlss.platform.OwnerOnlyFiles;
import org.openlss.platform.PersistenceService;
import org.openlss.platform.ServerConfig;
import org.openlss.web.AccountCheck.Match;
import org.openlss.web.SignInThrottle.Limits;

/**
 * The accounts the server signs in, each with a {@link Role} and optional folders: the configured administrator and
 * server-wide encoder account, created at start, and those the administrator adds (API and screens). Only PBKDF2
 * hashes are stored. A password that is not configured is generated at first start into a file only the server's
 * user can read; the log says where, not what. Every check goes through the sign-in throttle, and sign-ins, failures,
 * throttling and account changes go to the audit trail.
 */
@ApplicationScoped
public class Accounts {
    private static final Logger LOG = Logger.getLogger(Accounts.class.getName());
    /**
     * The roles that sign in to the management API and the screens; what each may do there is {@link Permissions}'
     * to say.
     */
    private static final Set<String> MANAGERS = Set.of(Role.ADMINISTRATOR.stored(), Role.OPERATOR.stored(),
            Role.VIEWER.stored());
    private static final Set<String> PUBLISHERS = Set.of(Caller.ADMIN_ROLE, Caller.ENCODER_ROLE);
    private static final char[] ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    /** The account table's folders column (005-account-roles.xml), one folder per line. */
    private static final int MAX_FOLDERS_LENGTH = 4000;
    /** User names and client addresses the throttle remembers, each. */
    private static final int THROTTLE_CAPACITY = 10_000;

    @Inject
    PersistenceService persistence;
    @Inject
    ServerConfig config;
    @Inject
    AuditTrail audit;

    private final Clock clock = Clock.systemUTC();
    private AccountCheck check;
    private SignInThrottle throttle;

    /** An account the configuration asks for; {@code title} names its role in the log. */
    private record Wanted(String role, String title, String user, Optional<String> password) {
        String variable(String what) {
            return "OPENLSS_" + role.toUpperCase(Locale.ROOT) + "_" + what;
        }
    }

    @PostConstruct
    void init() {
        check = new AccountCheck(this::find, PasswordHash::verify, clock);
        throttle = new SignInThrottle(
                new Limits(config.signInFailuresPerUser(), config.signInDelay(), config.signInMaxDelay()),
                new Limits(config.signInFailuresPerAddress(), config.signInDelay(), config.signInMaxDelay()),
                THROTTLE_CAPACITY, clock);
    }

    /**
     * Creates the administrator and the encoder account, or updates a hash when the configured password changed.
     * Generated passwords are written to their file before the accounts are committed, so none is ever lost.
     */
    public void ensureAccounts() {
        List<Wanted> wanted = List.of(
                new Wanted(Caller.ADMIN_ROLE, "administrator", config.adminUser(), config.adminPassword()),
                new Wanted(Caller.ENCODER_ROLE, "encoder", config.encoderUser(), config.encoderPassword()));
        if (wanted.get(0).user().equals(wanted.get(1).user())) {
            throw new IllegalStateException("OPENLSS_ENCODER_USER must differ from OPENLSS_ADMIN_USER ('"
                    + wanted.get(0).user() + "')");
        }
        Path file = config.generatedCredentialsFile();
        List<Wanted> generated = persistence.inTransaction(em -> {
            Map<String, String> passwords = new LinkedHashMap<>();
            List<Wanted> created = new ArrayList<>();
            for (Wanted account : wanted) {
                ensure(em, account).ifPresent(password -> {
                    passwords.put(account.role() + ".user", account.user());
                    passwords.put(account.role() + ".password", password);
                    created.add(account);
                });
            }
            if (!passwords.isEmpty()) {
                OwnerOnlyFiles.storeProperties(file, passwords, "Passwords OpenLSS generated at first start: set "
                        + "OPENLSS_ADMIN_PASSWORD / OPENLSS_ENCODER_PASSWORD to choose your own");
            }
            return created;
        });
        for (Wanted account : generated) {
            LOG.warning("Created the " + account.title() + " account '" + account.user() + "' with a generated "
                    + "password, written to " + file + " (readable only by the server's user); set "
                    + account.variable("PASSWORD") + " to choose one");
        }
        check.forget();
    }

    /** Makes the stored account match the configured one; returns the password if it had to be generated. */
    private Optional<String> ensure(EntityManager em, Wanted wanted) {
        AccountEntity account = em.find(AccountEntity.class, wanted.user());
        if (account != null && !account.role().equals(wanted.role())) {
            throw new IllegalStateException("The account '" + wanted.user() + "' that " + wanted.variable("USER")
                    + " names has the role '" + account.role() + "'; choose another name");
        }
        Optional<String> configured = wanted.password();
        if (account == null) {
            String password = configured.orElseGet(Accounts::generate);
            em.persist(new AccountEntity(wanted.user(), wanted.role(), PasswordHash.generate(password.toCharArray()),
                    clock.instant()));
            if (configured.isPresent()) {
                LOG.info("Created the " + wanted.title() + " account '" + wanted.user()
                        + "' with the configured password");
                return Optional.empty();
            }
            return Optional.of(password);
        }
        if (configured.isPresent() && !PasswordHash.verify(configured.get().toCharArray(), account.passwordHash())) {
            account.setPasswordHash(PasswordHash.generate(configured.get().toCharArray()), clock.instant());
            LOG.info("Updated the password of the " + wanted.title() + " account '" + wanted.user()
                    + "' from the configuration");
        }
        return Optional.empty();
    }

    /** An administrator, operator or viewer signing in to the management API (HTTP Basic) from {@code address}. */
    public SignIn api(String user, String password, String address) {
        return signIn(user, password, address, MANAGERS, "the management API", false);
    }

    /** The role and folders of {@code user}, once signed in: what {@link Permissions} decides on. */
    public Optional<Standing> standing(String user) {
        return Optional.ofNullable(persistence.inTransaction(em -> em.find(AccountEntity.class, user)))
                .flatMap(a -> Role.of(a.role()).map(role -> new Standing(role, a.folders())));
    }

    /** The accounts by user name; never their password hashes. */
    public List<AccountView> list() {
        return persistence.inTransaction(em -> em.createQuery(
                "select a from AccountEntity a order by a.userName", AccountEntity.class).getResultList())
                .stream().map(Accounts::view).toList();
    }

    public AccountView get(String user) {
        return persistence.inTransaction(em -> view(existing(em, user)));
    }

    /** Creates {@code user}; the password is stored only as a hash. */
    public AccountView create(String user, String password, Role role, List<String> folders) {
        if (user == null || user.isBlank() || user.length() > 128 || password == null || password.isEmpty()) {
            throw new ManagementException(ErrorCode.MPE_MGMT_INVALID_DATA,
                    "An account needs a user name (at most 128 characters) and a password.");
        }
        // HTTP Basic ends the user name at the first colon: such an account could never sign in
        if (user.contains(":") || user.chars().anyMatch(Character::isISOControl) || !user.strip().equals(user)) {
            throw new ManagementException(ErrorCode.MPE_MGMT_INVALID_DATA, "A user name has no colon, no control "
                    + "characters and no spaces at either end.");
        }
        List<String> stored = folders(folders);
        AccountView created = persistence.inTransaction(em -> {
            if (em.find(AccountEntity.class, user) != null) {
                throw new ManagementException(ErrorCode.MPE_MGMT_ACCOUNT_ALREADY_EXISTS,
                        "The account '" + user + "' already exists.");
            }
            AccountEntity account = new AccountEntity(user, role, stored,
                    PasswordHash.generate(password.toCharArray()), clock.instant());
            em.persist(account);
            return view(account);
        });
        audit.change("created the " + role.title() + " account '" + user + "'");
        return created;
    }

    /** Changes the role and folders of {@code user}, and its password when one is given. */
    public AccountView update(String user, Optional<String> password, Role role, List<String> written) {
        List<String> folders = folders(written);
        AccountView updated = persistence.inTransaction(em -> {
            AccountEntity account = existing(em, user);
            // the configured accounts must keep their role, or the next start refuses them (ensureAccounts)
            boolean configured = user.equals(config.adminUser()) || user.equals(config.encoderUser());
            if (configured && !account.role().equals(role.stored())) {
                throw new ManagementException(ErrorCode.MPE_MGMT_INVALID_DATA, "The account '" + user
                        + "' is configured (OPENLSS_ADMIN_USER / OPENLSS_ENCODER_USER) and keeps its role.");
            }
            if (role != Role.ADMINISTRATOR) {
                keepAnAdministrator(em, account);
            }
            account.setRole(role, folders, clock.instant());
            password.ifPresent(p -> account.setPasswordHash(PasswordHash.generate(p.toCharArray()), clock.instant()));
            return view(account);
        });
        check.forget();
        audit.change("changed the account '" + user + "' to " + role.title()
                + (folders.isEmpty() ? "" : " within " + String.join(", ", folders))
                + (password.isPresent() ? ", with a new password" : ""));
        return updated;
    }

    public void delete(String user) {
        persistence.inTransaction(em -> {
            AccountEntity account = existing(em, user);
            keepAnAdministrator(em, account);
            em.remove(account);
            return null;
        });
        check.forget();
        audit.change("removed the account '" + user + "'");
    }

    /**
     * The folders as they are stored: each as {@link Permissions#normalizeFolder} writes it, once; refused when one
     * could never be the start of a point path, or when they do not fit the account table's column.
     */
    static List<String> folders(List<String> written) {
        List<String> folders = written.stream().map(String::trim).filter(f -> !f.isEmpty())
                .map(Permissions::normalizeFolder).distinct().toList();
        for (String folder : folders) {
            if (folder.chars().anyMatch(c -> c <= ' ' || c == 0x7f) || folder.contains("//")
                    || folder.contains("/./") || folder.contains("/../")) {
                throw new ManagementException(ErrorCode.MPE_MGMT_INVALID_DATA, "The folder '" + folder.strip()
                        + "' is not a path such as /live/sports/ (no spaces, empty, '.' or '..' segments).");
            }
        }
        if (String.join("\n", folders).length() > MAX_FOLDERS_LENGTH) {
            throw new ManagementException(ErrorCode.MPE_MGMT_INVALID_DATA,
                    "The folders take more than " + MAX_FOLDERS_LENGTH + " characters.");
        }
        return folders;
    }

    /** Refuses to remove or demote {@code account} when it is the last administrator: nobody could manage then. */
    private static void keepAnAdministrator(EntityManager em, AccountEntity account) {
        if (!account.role().equals(Role.ADMINISTRATOR.stored())) {
            return;
        }
        long administrators = em.createQuery("select count(a) from AccountEntity a where a.role = :role", Long.class)
                .setParameter("role", Role.ADMINISTRATOR.stored()).getSingleResult();
        if (administrators <= 1) {
            throw new ManagementException(ErrorCode.MPE_MGMT_LAST_ADMINISTRATOR,
                    "'" + account.userName() + "' is the last administrator: make another account administrator first.");
        }
    }

    private static AccountEntity existing(EntityManager em, String user) {
        AccountEntity account = em.find(AccountEntity.class, user);
        if (account == null) {
            throw new ManagementException(ErrorCode.MPE_MGMT_ACCOUNT_NOT_FOUND, "No account '" + user + "'.");
        }
        return account;
    }

    private static AccountView view(AccountEntity account) {
        return new AccountView(account.userName(), account.role(), account.folders());
    }

    /** An account as the API shows it: no password, no hash. */
    public record AccountView(String user, String role, List<String> folders) {
    }

    /** An account's role and the folders that limit it (none: every point). */
    public record Standing(Role role, List<String> folders) {
    }

    /**
     * An administrator, operator or viewer signing in to the screens (their form): each sign-in starts a session, and
     * is audited.
     */
    public SignIn screens(String user, String password, String address) {
        return signIn(user, password, address, MANAGERS, "the screens", true);
    }

    /** Whether {@code user} may push streams to any publishing point: the administrator or the encoder account. */
    public SignIn mayPublish(String user, String password, String address) {
        return signIn(user, password, address, PUBLISHERS, "ingest", false);
    }

    /**
     * Another party's credentials checked by {@code matches} (a point's ingest credential), under the same throttle;
     * failures are audited, successes (every encoder connection) are not.
     */
    public SignIn ingest(String user, String password, String address, String point, BooleanSupplier matches) {
        return audited(throttle.attempt(user, password, address, matches), user, address, "ingest at " + point,
                false);
    }

    private SignIn signIn(String user, String password, String address, Set<String> roles, String door,
                          boolean auditEverySuccess) {
        Match[] match = {Match.NONE};
        SignIn result = throttle.attempt(user, password, address,
                () -> (match[0] = check.check(user, password, roles)) != Match.NONE);
        return audited(result, user, address, door, auditEverySuccess || match[0] == Match.VERIFIED);
    }

    /** Audits a sign-in, a failure, and the start of a wait; not each throttled attempt (a flood would bury all). */
    private SignIn audited(SignIn result, String user, String address, String door, boolean auditSuccess) {
        if (result.granted() && auditSuccess) {
            audit.record(user, address, "signed in to " + door);
        } else if (result.outcome() == SignIn.Outcome.DENIED) {
            audit.record(user, address, "failed to sign in to " + door + (result.delay().isZero() ? ""
                    : "; too many failures, further attempts wait " + result.retryAfterSeconds() + " s"));
        }
        return result;
    }

    private Optional<AccountCheck.Stored> find(String user) {
        return Optional.ofNullable(persistence.inTransaction(em -> em.find(AccountEntity.class, user)))
                .map(a -> new AccountCheck.Stored(a.role(), a.passwordHash()));
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
