package org.openlss.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openlss.mp4.FragmentedFileIndex;
import org.openlss.live.Timeline;
import org.openlss.mp4.IngestBody;
import org.openlss.mp4.IngestFragment;
import org.openlss.mp4.MovieFragmentRandomAccess;
import org.openlss.testing.Captures;
import org.openlss.testing.TestTools;

/** One stream's archive file (archive-and-syndication.md §1.3), written from a real ffmpeg push, cut at any byte. */
class ArchiveFileTest {
    private static final IngestBody STREAM1 = Captures.of("ffmpeg-stream1.body");

    @TempDir
    Path dir;

    @Test
    void holdsTheHeaderAsReceivedEveryFragmentUnchangedAndAnMfraIndex() throws IOException {
        Path path = dir.resolve("stream1.ismv");
        try (ArchiveFile file = ArchiveFile.open(path, STREAM1.header())) {
            for (IngestFragment f : STREAM1.fragments()) {
                assertTrue(file.append(f));
            }
        }
        byte[] bytes = Files.readAllBytes(path);
        byte[] ftyp = STREAM1.header().ftyp();
        assertArrayEquals(ftyp, Arrays.copyOf(bytes, ftyp.length));
        assertArrayEquals(STREAM1.header().moov(), Arrays.copyOfRange(bytes, ftyp.length,
                ftyp.length + STREAM1.header().moov().length), "moov as received, no live manifest box");

        FragmentedFileIndex index = scan(path);
        assertEquals(-1, index.truncatedAt());
        List<FragmentedFileIndex.FileFragment> fragments = index.fragments();
        assertEquals(STREAM1.fragments().size(), fragments.size());
        for (int i = 0; i < fragments.size(); i++) {
            IngestFragment ingested = STREAM1.fragments().get(i);
            FragmentedFileIndex.FileFragment archived = fragments.get(i);
            assertEquals(ingested.trackId(), archived.trackId());
            assertEquals(ingested.time(), archived.time());
            assertEquals(ingested.duration(), archived.duration());
            int mdatAt = (int) (archived.moofOffset() + archived.length() - ingested.mdat().length);
            assertArrayEquals(ingested.mdat(), Arrays.copyOfRange(bytes, mdatAt, mdatAt + ingested.mdat().length));
            MovieFragmentRandomAccess.TrackIndex tfra = index.mfra().track(archived.trackId());
            assertTrue(tfra.entries().contains(new MovieFragmentRandomAccess.Entry(archived.time(),
                    archived.moofOffset())), "tfra names every moof");
        }
        assertEquals(3, index.mfra().tracks().size());
        long mfraSize = MovieFragmentRandomAccess.sizeFromMfro(Arrays.copyOfRange(bytes, bytes.length - 16, bytes.length));
        assertEquals(index.mfraLocation().size(), mfraSize, "the mfro ends the file");
        String boxes = TestTools.boxdump(bytes);
        assertTrue(boxes.contains("uuid[tfxd]"), "tfxd kept");
        assertFalse(boxes.contains("tfrf"), "no tfrf in an on-demand file");
    }

    /** A complete file is read from its mfra, which has no durations: the CMAF timeline needs them all the same. */
    @Test
    void aFileReadFromItsIndexKnowsEveryFragmentsDuration() throws IOException {
        Path path = dir.resolve("indexed.ismv");
        try (ArchiveFile file = ArchiveFile.open(path, STREAM1.header())) {
            for (IngestFragment f : STREAM1.fragments()) {
                file.append(f);
            }
        }
        ArchivedFile indexed = ArchivedFile.read(path, true);
        assertTrue(indexed.indexed());
        for (int trackId = 1; trackId <= 3; trackId++) {
            int id = trackId;
            List<IngestFragment> ingested = STREAM1.fragments().stream().filter(f -> f.trackId() == id).toList();
            Timeline timeline = indexed.track(trackId).timeline();
            assertArrayEquals(ingested.stream().mapToLong(IngestFragment::time).toArray(), timeline.times());
            assertArrayEquals(ingested.stream().mapToLong(IngestFragment::duration).toArray(), timeline.durations(),
                    "track " + trackId);
        }
    }

    @Test
    void aFragmentTheTrackHasAlreadyIsNotWrittenAgain() throws IOException {
        try (ArchiveFile file = ArchiveFile.open(dir.resolve("s.ismv"), STREAM1.header())) {
            assertTrue(file.append(STREAM1.fragments().get(0)));
            assertTrue(file.append(STREAM1.fragments().get(3)));
            assertFalse(file.append(STREAM1.fragments().get(0)), "older than the track's last");
            assertFalse(file.append(STREAM1.fragments().get(3)), "the same again");
            assertTrue(file.append(STREAM1.fragments().get(1)), "another track");
            assertEquals(3, file.fragmentCount());
        }
    }

    /**
     * A kill -9 can stop the server after any byte. Whatever the file holds then, reopening keeps every complete
     * fragment, loses at most the torn one, and the file carries on: the rest of the push appended, none twice.
     */
    @Test
    void aFileCutAtAnyByteIsReopenedAfterItsLastCompleteFragment() throws IOException {
        Path whole = dir.resolve("whole.ismv");
        ArchiveFile writer = ArchiveFile.open(whole, STREAM1.header());
        for (IngestFragment f : STREAM1.fragments()) {
            writer.append(f);
        }
        writer.suspend();
        byte[] bytes = Files.readAllBytes(whole);
        List<FragmentedFileIndex.FileFragment> expected = scan(whole).fragments();
        for (int at = 0; at < bytes.length + 1009; at += at < 6000 ? 97 : 1009) {
            int cut = Math.min(at, bytes.length);
            Path crashed = dir.resolve("cut-" + cut + ".ismv");
            Files.write(crashed, Arrays.copyOf(bytes, cut));
            ArchiveFile reopened = ArchiveFile.reopen(crashed);
            if (reopened == null) {
                assertTrue(cut < STREAM1.header().ftyp().length + STREAM1.header().moov().length, "cut at " + cut);
                continue;
            }
            int kept = reopened.fragmentCount();
            long complete = expected.stream().filter(f -> f.moofOffset() + f.length() <= cut).count();
            assertEquals(complete, kept, "cut at " + cut + ": every complete fragment kept");
            for (IngestFragment f : STREAM1.fragments()) {
                reopened.append(f);
            }
            reopened.close();
            FragmentedFileIndex repaired = scan(crashed);
            assertEquals(-1, repaired.truncatedAt(), "cut at " + cut);
            assertEquals(expected.stream().map(ArchiveFileTest::timeOf).toList(),
                    repaired.fragments().stream().map(ArchiveFileTest::timeOf).toList(), "cut at " + cut);
        }
    }

    @Test
    void aClosedFileReopensWithoutItsMfraAndEndsWithOneNewIndex() throws IOException {
        Path path = dir.resolve("resumed.ismv");
        try (ArchiveFile first = ArchiveFile.open(path, STREAM1.header())) {
            STREAM1.fragments().subList(0, 6).forEach(f -> append(first, f));
        }
        try (ArchiveFile again = ArchiveFile.open(path, STREAM1.header())) {
            assertEquals(6, again.fragmentCount());
            STREAM1.fragments().forEach(f -> append(again, f));
        }
        FragmentedFileIndex index = scan(path);
        assertEquals(STREAM1.fragments().size(), index.fragments().size());
        assertNotNull(index.mfra());
        assertEquals(4, index.mfra().track(1).entries().size());
        assertEquals(Files.size(path), index.mfraLocation().offset() + index.mfraLocation().size());
    }

    @Test
    void aFileWithoutACompleteMoovStartsAgain() throws IOException {
        Path path = dir.resolve("torn-header.ismv");
        Files.write(path, Arrays.copyOf(STREAM1.header().ftyp(), 10));
        assertNull(ArchiveFile.reopen(path));
        try (ArchiveFile file = ArchiveFile.open(path, STREAM1.header())) {
            file.append(STREAM1.fragments().get(0));
        }
        assertEquals(1, scan(path).fragments().size());
    }

    private static void append(ArchiveFile file, IngestFragment fragment) {
        try {
            file.append(fragment);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String timeOf(FragmentedFileIndex.FileFragment f) {
        return f.trackId() + "@" + f.time();
    }

    private static FragmentedFileIndex scan(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            return FragmentedFileIndex.scan(channel);
        }
    }
}
