package org.openlss.pubpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.openlss.platform.ServerConfig;

/**
 * Where a point may archive: a folder of its own must lie under one of the archive roots, and never in the server's
 * own state (database, DVR storage, the data dir itself) or a system folder; a root that is itself inside a system
 * folder (a data dir at {@code /var/lib/openlss}) opens only its own subtree, a root around them ({@code /}) none. The folder is judged where it really
 * is: {@code ..} removed and symbolic links of the part that exists followed, so a link cannot lead out of a root.
 */
public final class ArchiveFolders {
    private static final String FIELD = "Archive/Path";
    /** Folders of the operating system no archive belongs in, whatever the roots say. */
    private static final List<Path> SYSTEM = List.of("/bin", "/boot", "/dev", "/etc", "/lib", "/lib32", "/lib64",
            "/libx32", "/proc", "/run", "/sbin", "/sys", "/usr", "/var/lib", "/var/log", "/var/run", "/var/spool")
            .stream().map(Path::of).toList();

    private final List<Path> roots;
    private final List<Path> stateFolders;
    private final Path dataDir;

    public ArchiveFolders(List<Path> roots, List<Path> stateFolders, Path dataDir) {
        this.roots = roots.stream().map(ArchiveFolders::resolved).toList();
        this.stateFolders = stateFolders.stream().map(ArchiveFolders::resolved).toList();
        this.dataDir = resolved(dataDir);
    }

    public static ArchiveFolders of(ServerConfig config) {
        return new ArchiveFolders(config.archiveRoots(), config.stateFolders(), config.dataDir());
    }

    /**
     * Checks a point's own archive folder (null: it has none).
     *
     * @return where the folder really is
     * @throws InvalidSettingException naming the allowed roots when it may not be used
     */
    public Path check(String folder) {
        if (folder == null) {
            return null;
        }
        Path real;
        try {
            real = real(Path.of(folder));
        } catch (InvalidPathException e) {
            throw new InvalidSettingException(FIELD, "'" + folder + "' is not a folder path: " + e.getReason());
        } catch (IOException e) {
            throw new InvalidSettingException(FIELD, "'" + folder + "' cannot be resolved (" + e.getMessage() + ")");
        }
        if (real.getParent() == null || SYSTEM.stream().anyMatch(system -> real.startsWith(system)
                && roots.stream().noneMatch(root -> root.startsWith(system) && real.startsWith(root)))) {
            throw new InvalidSettingException(FIELD, "'" + folder + "' is a system folder; " + allowed());
        }
        if (real.equals(dataDir) || stateFolders.stream().anyMatch(real::startsWith)) {
            throw new InvalidSettingException(FIELD, "'" + folder + "' holds the server's own data (database, DVR"
                    + " storage); " + allowed());
        }
        if (roots.stream().noneMatch(real::startsWith)) {
            throw new InvalidSettingException(FIELD, "'" + folder + "' is outside the archive roots; " + allowed());
        }
        return real;
    }

    private String allowed() {
        return "an archive folder must be under " + roots.stream().map(Path::toString)
                .collect(Collectors.joining(" or ")) + " (OPENLSS_ARCHIVE_ROOTS names more)";
    }

    /** The absolute, normalised path with the symbolic links of its longest existing part followed. */
    private static Path real(Path path) throws IOException {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        // a dangling link exists but has no real path: refused (IOException) rather than judged where it seems to be
        return existing == null ? absolute : existing.toRealPath().resolve(existing.relativize(absolute)).normalize();
    }

    /** A configured folder where it really is, or as configured when it cannot be resolved (judged by its name). */
    private static Path resolved(Path folder) {
        try {
            return real(folder);
        } catch (IOException e) {
            return folder.toAbsolutePath().normalize();
        }
    }
}
