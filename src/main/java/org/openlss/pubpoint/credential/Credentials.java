package org.openlss.pubpoint.credential;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.openlss.platform.AuditTrail;
import org.openlss.platform.OwnerOnlyFiles;
import org.openlss.platform.PersistenceService;
import org.openlss.platform.ServerConfig;
import org.openlss.pubpoint.ErrorCode;
import org.openlss.pubpoint.ManagementException;
import org.openlss.pubpoint.PublishingPointEntity;

/**
 * Stored credentials: user name and secret under a friendly name, referenced by syndication URLs and ingest settings.
 * The secret is encrypted at rest and only ever leaves this class to authenticate to, or check, another party.
 * Adding and deleting one goes to the audit trail.
 */
@ApplicationScoped
public class Credentials {
    private static final Logger LOG = Logger.getLogger(Credentials.class.getName());

    @Inject
    PersistenceService persistence;
    @Inject
    ServerConfig config;
    @Inject
    AuditTrail audit;

    private final Clock clock = Clock.systemUTC();
    private volatile SecretCipher cipher;

    public List<CredentialDescription> list() {
        return persistence.inTransaction(em -> em.createQuery("select c from StoredCredentialEntity c",
                        StoredCredentialEntity.class).getResultList().stream()
                .map(Credentials::describe)
                .sorted(Comparator.comparing(CredentialDescription::name))
                .toList());
    }

    public boolean exists(String name) {
        return find(name).isPresent();
    }

    public CredentialDescription create(NewCredential credential) {
        String secret = cipher().encrypt(credential.name(), credential.password());
        CredentialDescription created = persistence.inTransaction(em -> {
            if (em.find(StoredCredentialEntity.class, credential.name()) != null) {
                throw new ManagementException(ErrorCode.MPE_MGMT_CREDENTIAL_ALREADY_EXISTS,
                        "A credential named '" + credential.name() + "' exists already; delete it first to replace it.");
            }
            StoredCredentialEntity entity = new StoredCredentialEntity(credential.name(), credential.userName(),
                    secret, clock.instant());
            em.persist(entity);
            LOG.info("Stored credential '" + credential.name() + "' for user '" + credential.userName() + "'");
            return describe(entity);
        });
        audit.change("stored credential '" + created.name() + "' for user '" + created.userName() + "'");
        return created;
    }

    public void delete(String name) {
        persistence.inTransaction(em -> {
            StoredCredentialEntity entity = em.find(StoredCredentialEntity.class, name);
            if (entity == null) {
                throw notFound(name);
            }
            List<String> users = em.createQuery("select p from PublishingPointEntity p", PublishingPointEntity.class)
                    .getResultList().stream()
                    .filter(p -> p.settings().credentialNames().contains(name))
                    .map(p -> p.path().urlPath()).sorted().toList();
            if (!users.isEmpty()) {
                throw new ManagementException(ErrorCode.MPE_MGMT_CREDENTIAL_IN_USE,
                        "The credential '" + name + "' is used by " + String.join(", ", users)
                                + "; change those publishing points first.");
            }
            em.remove(entity);
            return null;
        });
        LOG.info("Deleted credential '" + name + "'");
        audit.change("deleted credential '" + name + "'");
    }

    /** User name and secret, for authenticating to another server. */
    public Optional<UserSecret> reveal(String name) {
        return find(name).map(e -> new UserSecret(e.userName(), cipher().decrypt(e.name(), e.encryptedSecret())));
    }

    /** Whether {@code user}/{@code password} match the named credential (constant time in the secret). */
    public boolean matches(String name, String user, String password) {
        Optional<UserSecret> stored = reveal(name);
        if (stored.isEmpty()) {
            return false;
        }
        boolean userOk = MessageDigest.isEqual(stored.get().userName().getBytes(StandardCharsets.UTF_8),
                user.getBytes(StandardCharsets.UTF_8));
        boolean secretOk = MessageDigest.isEqual(stored.get().secret().getBytes(StandardCharsets.UTF_8),
                password.getBytes(StandardCharsets.UTF_8));
        return userOk & secretOk;
    }

    private Optional<StoredCredentialEntity> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(persistence.inTransaction(em -> em.find(StoredCredentialEntity.class, name)));
    }

    private static CredentialDescription describe(StoredCredentialEntity e) {
        return new CredentialDescription(e.name(), e.userName(), e.created());
    }

    private static ManagementException notFound(String name) {
        return new ManagementException(ErrorCode.MPE_MGMT_CREDENTIAL_NOT_FOUND, "No credential named '" + name + "'.");
    }

    private SecretCipher cipher() {
        SecretCipher c = cipher;
        if (c == null) {
            synchronized (this) {
                if (cipher == null) {
                    cipher = new SecretCipher(key());
                }
                c = cipher;
            }
        }
        return c;
    }

    /** The configured key, or one generated once into the data dir (readable by the server's user only). */
    private byte[] key() {
        Optional<String> configured = config.credentialsKey();
        if (configured.isPresent()) {
            return Base64.getDecoder().decode(configured.get());
        }
        Path file = config.dataDir().resolve("credentials.key");
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                try {
                    OwnerOnlyFiles.create(file);
                } catch (FileAlreadyExistsException e) {
                    return Base64.getDecoder().decode(Files.readString(file).trim());
                }
                Files.writeString(file, Base64.getEncoder().encodeToString(key));
                LOG.info("Generated the key for stored credentials in " + file);
                return key;
            }
            return Base64.getDecoder().decode(Files.readString(file).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the credentials key " + file, e);
        }
    }

    /** A revealed credential. */
    public record UserSecret(String userName, String secret) {
        @Override
        public String toString() {
            return "UserSecret[userName=" + userName + "]";
        }
    }
}
