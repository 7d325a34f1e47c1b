package org.openlss.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ArchiveNamesTest {
    @Test
    void plainIdsAreKeptOthersMadeSafeAndDistinct() {
        assertEquals("stream1", ArchiveNames.safe("stream1"));
        assertEquals("9092-stream2", ArchiveNames.safe("9092-stream2"), "the IIS statistics example");
        String slash = ArchiveNames.safe("a/b");
        String underscore = ArchiveNames.safe("a_b");
        assertTrue(slash.startsWith("a_b-"), slash);
        assertNotEquals(underscore, slash, "two ids never share a file");
        assertTrue(ArchiveNames.safe("..").startsWith("_."), ArchiveNames.safe(".."));
        assertTrue(ArchiveNames.isFileName(ArchiveNames.safe("../../etc")));
        assertTrue(ArchiveNames.safe("x".repeat(500)).length() < 100);
        assertEquals(ArchiveNames.safe("é"), ArchiveNames.safe("é"), "deterministic");
    }

    @Test
    void folderNames() {
        assertEquals("20240315T120000Z", ArchiveNames.eventFolder(Instant.parse("2024-03-15T12:00:00.789Z")));
        assertEquals("Segment0001", ArchiveNames.segmentFolder(0));
        assertEquals("Segment0012", ArchiveNames.segmentFolder(11));
    }

    @Test
    void onlyPlainNamesAreFilesOfAFolder() {
        assertTrue(ArchiveNames.isFileName("stream1.ismv"));
        for (String bad : new String[] {"", ".", "..", "../x.ismv", "a/b", "a\\b", "c:x", "a\u0000b"}) {
            assertFalse(ArchiveNames.isFileName(bad), bad);
        }
    }
}
