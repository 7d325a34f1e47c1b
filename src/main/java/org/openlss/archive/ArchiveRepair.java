package org.openlss.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.openlss.mp4.OnDemandServerManifest;

/**
 * Finds the archived presentations a crash (or a server stop during an event) left open-ended and completes them: each
 * file is cut after its last complete fragment and given its {@code mfra}, then the {@code .ismc} is written from
 * what the files hold. A presentation is complete when it has its {@code .ismc} and every file ends with an index.
 */
final class ArchiveRepair {
    /** Deep enough for any publishing point path, event and segment folder. */
    private static final int MAX_DEPTH = 64;

    private ArchiveRepair() {
    }

    /** The server manifests of the presentations under {@code root} that are not complete. */
    static List<Path> findUnfinished(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root, MAX_DEPTH)) {
            return files.filter(f -> f.getFileName().toString().endsWith(ArchiveNames.SERVER_MANIFEST)
                    && Files.isRegularFile(f)).filter(ArchiveRepair::isUnfinished).sorted().toList();
        }
    }

    /** Whether the presentation of server manifest {@code ism} lacks its client manifest or a file's index. */
    static boolean isUnfinished(Path ism) {
        try {
            if (!Files.exists(ism.resolveSibling(name(ism) + ArchiveNames.CLIENT_MANIFEST))) {
                return true;
            }
            for (String src : OnDemandServerManifest.parse(Files.readAllBytes(ism)).sources()) {
                Path file = ism.resolveSibling(src);
                if (ArchiveNames.isFileName(src) && Files.isRegularFile(file) && !ArchivedFile.hasIndex(file)) {
                    return true;
                }
            }
            return false;
        } catch (IOException | RuntimeException unreadable) {
            return true; // the repair reports what is wrong with it
        }
    }

    /** Completes the presentation of {@code ism}. */
    static void repair(Path ism) throws IOException {
        PresentationWriter.open(ism.getParent(), name(ism)).close();
    }

    /** {@code channel1} for {@code channel1.ism}. */
    static String name(Path ism) {
        String file = ism.getFileName().toString();
        return file.substring(0, file.length() - ArchiveNames.SERVER_MANIFEST.length());
    }
}
