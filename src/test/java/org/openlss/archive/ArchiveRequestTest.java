package org.openlss.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code /archive/...} may name: presentations under the archive root, and nothing else. */
class ArchiveRequestTest {
    @TempDir
    Path dir;

    @Test
    void splitsAtThePresentation() {
        ArchiveRequest r = ArchiveRequest.parse("/live/channel1/20240315T120000Z/channel1.ism/QualityLevels(1)/Fragments(video=0)");
        assertEquals(List.of("live", "channel1", "20240315T120000Z"), r.folders());
        assertEquals("channel1.ism", r.serverManifest());
        assertEquals("QualityLevels(1)/Fragments(video=0)", r.resource());
    }

    @Test
    void refusesWhatIsNotAPresentationOrClimbsOut() {
        assertStatus(404, null);
        assertStatus(404, "/");
        assertStatus(404, "/live/channel1");
        assertStatus(404, "/live/channel1.ism");
        assertStatus(400, "/live/../../etc/x.ism/Manifest");
        assertStatus(400, "/live/./x.ism/Manifest");
        assertStatus(400, "/live//x.ism/Manifest");
        assertStatus(400, "/live/a\\b/x.ism/Manifest");
        assertStatus(400, "/live/.ism/Manifest");
    }

    @Test
    void findsOnlyPresentationsReallyUnderTheRoot() throws Exception {
        Path root = Files.createDirectories(dir.resolve("archive"));
        Path event = Files.createDirectories(root.resolve("live/channel1/e1"));
        Files.writeString(event.resolve("channel1.ism"), "<smil/>");
        Path outside = Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(outside.resolve("secret.ism"), "<smil/>");
        Files.createSymbolicLink(root.resolve("live/leak"), outside);
        Files.createSymbolicLink(event.resolve("linked.ism"), outside.resolve("secret.ism"));

        assertEquals(event.resolve("channel1.ism").toRealPath(),
                ArchiveRequest.parse("/live/channel1/e1/channel1.ism/Manifest").locate(root));
        assertNull(ArchiveRequest.parse("/live/channel1/e1/other.ism/Manifest").locate(root));
        assertNull(ArchiveRequest.parse("/live/leak/secret.ism/Manifest").locate(root), "a folder link out");
        assertNull(ArchiveRequest.parse("/live/channel1/e1/linked.ism/Manifest").locate(root), "a file link out");
    }

    private static void assertStatus(int status, String path) {
        assertEquals(status, assertThrows(ArchiveRequest.Refused.class, () -> ArchiveRequest.parse(path)).status(), path);
    }
}
