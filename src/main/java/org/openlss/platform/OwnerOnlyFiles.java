package org.openlss.platform;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;

/**
 * Files holding secrets (keys, generated passwords): only the server's user may read them, from their first byte on,
 * so they are created with that permission (POSIX 0600) instead of narrowed after the write.
 */
public final class OwnerOnlyFiles {
    private OwnerOnlyFiles() {
    }

    /**
     * Creates {@code file} empty and readable by its owner only (on a file system without POSIX permissions, as it
     * creates files); fails with {@link java.nio.file.FileAlreadyExistsException} when it exists.
     */
    public static void create(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
    }

    /**
     * Adds {@code values} to the properties file {@code file} (creating it), replacing the whole file at once by one
     * written beside it with the owner-only permission, so it is never readable by others nor half written.
     */
    public static void storeProperties(Path file, Map<String, String> values, String comment) {
        Path next = file.resolveSibling(file.getFileName() + ".new");
        try {
            Properties properties = new Properties();
            if (Files.exists(file)) {
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    properties.load(in);
                }
            }
            properties.putAll(values);
            StringWriter text = new StringWriter();
            properties.store(text, comment);
            Files.deleteIfExists(next);
            create(next);
            Files.writeString(next, text.toString(), StandardCharsets.UTF_8);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
