package org.openlss.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The server-wide settings, read through MicroProfile Config so that each key can be overridden by an environment
 * variable ({@code openlss.data.dir} ← {@code OPENLSS_DATA_DIR}).
 */
@ApplicationScoped
public class ServerConfig {
    @Inject
    Config config;

    private Path dataDir;

    /** All on-disk state: embedded database, DVR storage, archives. Created on first use. */
    public synchronized Path dataDir() {
        if (dataDir == null) {
            Path dir = Path.of(value("openlss.data.dir").orElse("./openlss-data")).toAbsolutePath().normalize();
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create the data directory " + dir
                        + " (set OPENLSS_DATA_DIR to a writable folder)", e);
            }
            dataDir = dir;
        }
        return dataDir;
    }

    /** Where archives go unless a point names its own folder: {@code OPENLSS_ARCHIVE_DIR}, else the data dir's. */
    public Path archiveDir() {
        return value("openlss.archive.dir").map(Path::of).orElseGet(() -> dataDir().resolve("archive"))
                .toAbsolutePath().normalize();
    }

    /**
     * The folders a point's own archive folder must lie in: {@code OPENLSS_ARCHIVE_ROOTS} (folders separated by the
     * platform's path separator, ':' on Linux), and always the archive dir.
     */
    public List<Path> archiveRoots() {
        List<Path> roots = new ArrayList<>();
        roots.add(archiveDir());
        value("openlss.archive.roots").ifPresent(list -> {
            for (String root : list.split(java.io.File.pathSeparator)) {
                if (!root.isBlank()) {
                    roots.add(Path.of(root.trim()).toAbsolutePath().normalize());
                }
            }
        });
        return List.copyOf(roots);
    }

    /** The folders of the server's own state, which no archive may write into: the database's and the DVR's. */
    public List<Path> stateFolders() {
        List<Path> folders = new ArrayList<>(List.of(dataDir().resolve("db"), dataDir().resolve("dvr")));
        String url = databaseUrl();
        if (url.startsWith("jdbc:h2:file:")) {
            String file = url.substring("jdbc:h2:file:".length()).split(";", 2)[0];
            Path parent = Path.of(file).toAbsolutePath().normalize().getParent();
            if (parent != null) {
                folders.add(parent);
            }
        }
        return List.copyOf(folders);
    }

    /** The JDBC URL; by default an embedded H2 file database under the data dir. */
    public String databaseUrl() {
        return value("openlss.db.url").orElseGet(() -> "jdbc:h2:file:" + dataDir().resolve("db").resolve("openlss")
                + ";DB_CLOSE_ON_EXIT=FALSE");
    }

    public String databaseUser() {
        return value("openlss.db.user").orElse(databaseUrl().startsWith("jdbc:h2:") ? "sa" : "");
    }

    public String databasePassword() {
        return value("openlss.db.password").orElse("");
    }

    /**
     * The schema the server keeps its tables in, created when missing, so that several servers can share one database
     * (an origin and its edges); empty for the database's default. Only a plain SQL name is taken, since it goes into
     * a statement.
     */
    public Optional<String> databaseSchema() {
        Optional<String> schema = value("openlss.db.schema");
        schema.filter(name -> !name.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")).ifPresent(name -> {
            throw new IllegalStateException("OPENLSS_DB_SCHEMA must be an SQL name (letters, digits and _, not"
                    + " starting with a digit, at most 63), not \"" + name + "\"");
        });
        return schema;
    }

    public String adminUser() {
        return value("openlss.admin.user").orElse("admin");
    }

    public Optional<String> adminPassword() {
        return value("openlss.admin.password");
    }

    /** The server-wide encoder account: may push to any point, like the administrator, and nothing else. */
    public String encoderUser() {
        return value("openlss.encoder.user").orElse("encoder");
    }

    public Optional<String> encoderPassword() {
        return value("openlss.encoder.password");
    }

    /** Where passwords generated at first start are written (readable by the server's user only). */
    public Path generatedCredentialsFile() {
        return dataDir().resolve("generated-credentials.properties");
    }

    /** Failed sign-ins in a row one user name may make before each further attempt has to wait. */
    public int signInFailuresPerUser() {
        return atLeastOne("openlss.signin.user.failures", 10);
    }

    /** Failed sign-ins in a row one client address may make (over all names) before it has to wait. */
    public int signInFailuresPerAddress() {
        return atLeastOne("openlss.signin.address.failures", 30);
    }

    /** The wait after the free failures; it doubles with each further failure up to {@link #signInMaxDelay()}. */
    public Duration signInDelay() {
        return Duration.ofSeconds(atLeastOne("openlss.signin.delay", 1));
    }

    public Duration signInMaxDelay() {
        return Duration.ofSeconds(atLeastOne("openlss.signin.max.delay", 300));
    }

    /** Base64 AES key for stored credential secrets; empty means a key file generated in the data dir. */
    public Optional<String> credentialsKey() {
        return value("openlss.credentials.key");
    }

    /**
     * Whether player requests may take the container's own HTTP server lane (Payara's Grizzly) instead of the servlet
     * pipeline; {@code OPENLSS_FAST_LANE=false} keeps every request on the portable servlet path.
     */
    public boolean fastLane() {
        return value("openlss.fast.lane").map(Boolean::parseBoolean).orElse(true);
    }

    /** A whole number of at least 1, or a clear error naming the variable. */
    private int atLeastOne(String key, int fallback) {
        Optional<String> text = value(key);
        if (text.isEmpty()) {
            return fallback;
        }
        if (text.get().matches("[1-9][0-9]{0,8}")) {
            return Integer.parseInt(text.get());
        }
        throw new IllegalStateException(key.toUpperCase(Locale.ROOT).replace('.', '_')
                + " must be a whole number of at least 1, not '" + text.get() + "'");
    }

    /** A key's value; blank counts as unset, so an empty environment variable falls back to the default. */
    public Optional<String> value(String key) {
        return config.getOptionalValue(key, String.class).map(String::trim).filter(v -> !v.isEmpty());
    }
}
