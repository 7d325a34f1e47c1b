package org.openlss.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerOnlyFilesTest {
    @TempDir
    Path dir;

    private static String permissions(Path file) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        }
        return properties;
    }

    @Test
    void aCreatedFileIsTheOwnersOnlyAndNeverReplaced() throws IOException {
        Path key = dir.resolve("credentials.key");
        OwnerOnlyFiles.create(key);
        assertEquals("rw-------", permissions(key));
        assertThrows(FileAlreadyExistsException.class, () -> OwnerOnlyFiles.create(key));
    }

    @Test
    void propertiesAreAddedToTheFileWhichStaysTheOwnersOnly() throws IOException {
        Path file = dir.resolve("generated-credentials.properties");
        OwnerOnlyFiles.storeProperties(file, Map.of("admin.user", "admin", "admin.password", "p=1:2"), "first start");
        assertEquals("rw-------", permissions(file));
        assertEquals(Map.of("admin.user", "admin", "admin.password", "p=1:2"), load(file));

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        OwnerOnlyFiles.storeProperties(file, Map.of("encoder.user", "enc oder", "encoder.password", "q"), "later");
        assertEquals(Map.of("admin.user", "admin", "admin.password", "p=1:2", "encoder.user", "enc oder",
                "encoder.password", "q"), load(file));
        assertEquals("rw-------", permissions(file), "written anew, with the owner-only permission");
        assertFalse(Files.exists(dir.resolve("generated-credentials.properties.new")));
    }
}
