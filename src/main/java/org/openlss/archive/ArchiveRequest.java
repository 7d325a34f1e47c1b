package org.openlss.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A request under {@code /archive/}: the folders below the archive root, the presentation's server manifest
 * ({@code <name>.ism}) and the Smooth Streaming resource after it ({@code Manifest}, {@code QualityLevels(..)/...}).
 * Only plain folder names pass, and the presentation found must really lie under the root, symbolic links resolved:
 * nothing outside the archive is ever served.
 *
 * @param folders        folder names below the root
 * @param serverManifest the {@code .ism} file name
 * @param resource       what is asked of the presentation
 */
record ArchiveRequest(List<String> folders, String serverManifest, String resource) {
    /** A request that is not answered: 400 for a malformed path, 404 for one that names nothing. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    /** Splits a decoded path ({@code /live/channel1/<event>/channel1.ism/Manifest}) at the {@code .ism} segment. */
    static ArchiveRequest parse(String path) {
        if (path == null || path.length() < 2) {
            throw new Refused(404, "name an archived presentation: /archive/<folders>/<name>.ism/Manifest");
        }
        String[] segments = path.substring(1).split("/", -1);
        int ism = -1;
        for (int i = 0; i < segments.length && ism < 0; i++) {
            if (segments[i].toLowerCase(Locale.ROOT).endsWith(ArchiveNames.SERVER_MANIFEST)) {
                ism = i;
            }
        }
        if (ism < 0) {
            throw new Refused(404, "no <name>.ism presentation in '" + path + "'");
        }
        for (int i = 0; i <= ism; i++) {
            if (!ArchiveNames.isFileName(segments[i]) || segments[i].equals(ArchiveNames.SERVER_MANIFEST)) {
                throw new Refused(400, "'" + segments[i] + "' is not a folder or file name of the archive");
            }
        }
        String resource = String.join("/", List.of(segments).subList(ism + 1, segments.length));
        if (resource.isEmpty()) {
            throw new Refused(404, "ask for " + segments[ism] + "/Manifest or its QualityLevels(..)/Fragments(..)");
        }
        return new ArchiveRequest(List.of(segments).subList(0, ism), segments[ism], resource);
    }

    /**
     * The server manifest under {@code root}, or null when there is none there (or it leads outside the root, or names
     * a file no file name on this system can be: the file system's encoding, e.g. ASCII under the POSIX locale, cannot
     * hold a character of it).
     */
    Path locate(Path root) throws IOException {
        Path ism = root;
        try {
            for (String folder : folders) {
                ism = ism.resolve(folder);
            }
            ism = ism.resolve(serverManifest).normalize();
        } catch (InvalidPathException e) {
            return null;
        }
        if (!ism.startsWith(root) || !Files.isRegularFile(ism) || !Files.isDirectory(root)) {
            return null;
        }
        Path real = ism.toRealPath();
        Path realRoot = root.toRealPath();
        if (!real.startsWith(realRoot) || !Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        return real;
    }
}
