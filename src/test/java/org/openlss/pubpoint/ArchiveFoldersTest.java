package org.openlss.pubpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a point may archive: under the roots, never in the server's own state or a system folder. */
class ArchiveFoldersTest {
    @TempDir
    Path dir;
    Path data;
    Path archive;
    Path extraRoot;
    ArchiveFolders folders;

    @BeforeEach
    void setUp() throws IOException {
        data = Files.createDirectories(dir.resolve("data"));
        archive = Files.createDirectories(data.resolve("archive"));
        extraRoot = Files.createDirectories(dir.resolve("media"));
        folders = new ArchiveFolders(List.of(archive, extraRoot), List.of(data.resolve("db"), data.resolve("dvr")),
                data);
    }

    @Test
    void foldersUnderARootAreTakenWhereTheyReallyAre() {
        assertEquals(extraRoot.resolve("sports/event1"), folders.check(extraRoot + "/sports/event1"));
        assertEquals(archive.resolve("x"), folders.check(archive + "/x"));
        assertEquals(extraRoot, folders.check(extraRoot.toString()));
        assertEquals(null, folders.check(null), "no folder of its own: the archive root");
    }

    @Test
    void anythingElseIsRefusedNamingTheRoots() {
        for (String refused : List.of("/etc", "/dev/null", "/", "/usr/share/x", "/var/lib/postgresql",
                dir + "/elsewhere", extraRoot + "/../elsewhere", data.toString(), data + "/db", data + "/dvr/live",
                data + "/db/../dvr")) {
            InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> folders.check(refused),
                    refused);
            assertEquals("Archive/Path", e.field());
            assertTrue(e.problem().contains(archive.toString()) && e.problem().contains(extraRoot.toString()),
                    "names the roots: " + e.problem());
        }
    }

    @Test
    void aSymbolicLinkCannotLeadOutOfARoot() throws IOException {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.createSymbolicLink(extraRoot.resolve("link"), outside);
        assertThrows(InvalidSettingException.class, () -> folders.check(extraRoot + "/link/event"));
        Files.createSymbolicLink(extraRoot.resolve("state"), data.resolve("dvr"));
        assertThrows(InvalidSettingException.class, () -> folders.check(extraRoot + "/state"));
        Files.createSymbolicLink(extraRoot.resolve("dangling"), dir.resolve("gone"));
        assertThrows(InvalidSettingException.class, () -> folders.check(extraRoot + "/dangling/x"));
        Path inside = Files.createDirectories(extraRoot.resolve("real"));
        Files.createSymbolicLink(extraRoot.resolve("alias"), inside);
        assertEquals(inside.resolve("e"), folders.check(extraRoot + "/alias/e"), "a link within the root is fine");
    }

    @Test
    void aRootThatHoldsSystemFoldersStillRefusesThem() {
        ArchiveFolders everywhere = new ArchiveFolders(List.of(Path.of("/")), List.of(data.resolve("db")), data);
        assertThrows(InvalidSettingException.class, () -> everywhere.check("/etc/openlss"));
        assertThrows(InvalidSettingException.class, () -> everywhere.check("/proc/self"));
        assertEquals(extraRoot.resolve("x"), everywhere.check(extraRoot + "/x"));
    }

    @Test
    void aRootInsideASystemFolderOpensItsOwnSubtreeOnly() {
        Path packaged = Path.of("/var/lib/openlss-test-" + ProcessHandle.current().pid());
        ArchiveFolders debian = new ArchiveFolders(List.of(packaged.resolve("archive")),
                List.of(packaged.resolve("db"), packaged.resolve("dvr")), packaged);
        assertEquals(packaged.resolve("archive/sports"), debian.check(packaged + "/archive/sports"));
        assertThrows(InvalidSettingException.class, () -> debian.check("/var/lib/postgresql"));
        assertThrows(InvalidSettingException.class, () -> debian.check(packaged + "/dvr"));
    }
}
