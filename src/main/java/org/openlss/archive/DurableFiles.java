package org.openlss.archive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes that survive a crash at any moment: a small file is written beside its target, forced to disk, then renamed
 * over it, so readers see the old or the new content and never half of it; the folder is forced after it gains or
 * loses an entry, or the entry itself may be lost with power.
 */
final class DurableFiles {
    private DurableFiles() {
    }

    /** Replaces {@code target} with {@code bytes}, atomically. */
    static void replace(Path target, byte[] bytes) throws IOException {
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer data = ByteBuffer.wrap(bytes);
            while (data.hasRemaining()) {
                out.write(data);
            }
            out.force(true);
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceFolder(target.getParent());
    }

    /** Deletes {@code file} if it exists, durably. */
    static void delete(Path file) throws IOException {
        if (Files.deleteIfExists(file)) {
            forceFolder(file.getParent());
        }
    }

    /** Creates {@code folder} and its parents, each forced into its own parent. */
    static void createFolders(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        createFolders(folder.getParent());
        try {
            Files.createDirectory(folder);
        } catch (FileAlreadyExistsException e) {
            return; // created meanwhile by another writer
        }
        forceFolder(folder.getParent());
    }

    /**
     * Forces a folder's entries to disk. Linux allows fsync on a folder opened for reading; where the platform refuses
     * to open a folder at all (Windows), the file system's own ordering of renames is all there is.
     */
    static void forceFolder(Path folder) throws IOException {
        FileChannel dir;
        try {
            dir = FileChannel.open(folder, StandardOpenOption.READ);
        } catch (IOException notSupported) {
            return;
        }
        try (dir) {
            dir.force(true);
        }
    }
}
