package org.openlss.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openlss.live.IncomingStream;
import org.openlss.live.StreamRefusedException;
import org.openlss.mp4.Bytes;
import org.openlss.mp4.IngestBody;
import org.openlss.mp4.IngestFragment;
import org.openlss.player.SmoothUrl;
import org.openlss.testing.Bodies;
import org.openlss.testing.Captures;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The archive of an event: layout (§1.2), manifests (§1.4), segments (§1.5), from real ffmpeg pushes. */
class EventRecorderTest {
    private static final IngestBody STREAM1 = Captures.of("ffmpeg-stream1.body");
    private static final IngestBody AUDIO0 = Captures.of("ffmpeg-audio0.body");

    @TempDir
    Path dir;

    @Test
    void aSinglePresentationHoldsAFilePerStreamAndBothManifestsOnceTheEventEnds() throws Exception {
        ArchiveFixture event = new ArchiveFixture(dir, Duration.ZERO, false);
        IncomingStream stream = event.presentation.connect("stream1", "", STREAM1.header(), "h", "Push");
        STREAM1.fragments().forEach(stream::append);
        Path folder = dir.resolve("archive/live/channel1/20240315T120000Z");
        assertEquals(folder, event.recorder.eventFolder(), "named by the UTC start time");
        assertFalse(Files.exists(folder.resolve("channel1.ismc")), "no client manifest while the event runs");
        assertTrue(Files.exists(folder.resolve("channel1.ism")));

        stream.endOfStream();
        event.presentation.stop();
        assertEquals(List.of("channel1.ism", "channel1.ismc", "stream1.ismv"), list(folder));
        ArchivedPresentation archived = ArchivedPresentation.load(folder.resolve("channel1.ism"));
        assertTrue(archived.complete());
        Document manifest = parse(archived.manifest());
        Element root = manifest.getDocumentElement();
        assertFalse(root.hasAttribute("IsLive"));
        assertFalse(root.hasAttribute("LookaheadCount"));
        assertFalse(root.hasAttribute("DVRWindowLength"));
        assertEquals(String.valueOf(40_214_063L), root.getAttribute("Duration"), "the archived length");
        assertEquals(2, manifest.getElementsByTagName("StreamIndex").getLength());
        assertEquals(3, manifest.getElementsByTagName("QualityLevel").getLength(), "two video levels, one audio");
        assertServesEveryFragment(archived, STREAM1.fragments(), stream);
    }

    @Test
    void aStopWhileTheEncoderIsStillConnectedCompletesTheArchiveAndNothingReopensIt() throws Exception {
        ArchiveFixture event = new ArchiveFixture(dir, Duration.ZERO, false);
        IncomingStream stream = event.presentation.connect("stream1", "", STREAM1.header(), "h", "Push");
        List<IngestFragment> fragments = STREAM1.fragments();
        fragments.subList(0, 6).forEach(stream::append);
        event.presentation.stop(); // the administrator stops the point; the encoder goes on sending
        StreamRefusedException refused = assertThrows(StreamRefusedException.class,
                () -> stream.append(fragments.get(6)));
        assertEquals(403, refused.status(), refused.getMessage());
        // a fragment that was already queued for the archive when the event ended
        IngestFragment late = fragments.get(7);
        event.recorder.fragment(stream, stream.tracks().get(late.trackId()), late);
        Path folder = dir.resolve("archive/live/channel1/20240315T120000Z");
        assertEquals(List.of("channel1.ism", "channel1.ismc", "stream1.ismv"), list(folder));
        assertTrue(ArchivedPresentation.load(folder.resolve("channel1.ism")).complete(), "complete, not reopened");
    }

    @Test
    void anAudioOnlyStreamIsAnIsmaAndAnEventIdNamesTheFolderWhenAsked() throws Exception {
        ArchiveFixture event = new ArchiveFixture(dir, Duration.ZERO, true);
        IncomingStream stream = event.presentation.connect("audio/0", "match 7", AUDIO0.header(), "h", "Push");
        AUDIO0.fragments().forEach(stream::append);
        event.presentation.stop();
        Path folder = event.recorder.eventFolder();
        assertTrue(folder.getFileName().toString().startsWith("match_7-"), "a safe name: " + folder);
        List<String> files = list(folder);
        assertEquals(3, files.size());
        assertTrue(files.get(0).startsWith("audio_0-") && files.get(0).endsWith(".isma"), files.toString());
    }

    @Test
    void eachSegmentTheArchiveStartsIsToldOnceInOrderForTheEventLog() {
        ArchiveFixture event = new ArchiveFixture(dir, Duration.ofSeconds(2), false);
        List<Path> started = new java.util.ArrayList<>();
        event.recorder.onPresentationStarted(started::add);
        IncomingStream stream = event.presentation.connect("stream1", "", STREAM1.header(), "h", "Push");
        STREAM1.fragments().forEach(stream::append);
        stream.endOfStream();
        event.presentation.stop();
        Path folder = event.recorder.eventFolder();
        assertEquals(List.of(folder.resolve("Segment0001"), folder.resolve("Segment0002")), started);
    }

    @Test
    void segmentsFollowMediaTimeAndTogetherHoldEveryFragmentOnce() throws Exception {
        ArchiveFixture event = new ArchiveFixture(dir, Duration.ofSeconds(2), false);
        IncomingStream stream = event.presentation.connect("stream1", "", STREAM1.header(), "h", "Push");
        STREAM1.fragments().forEach(stream::append);
        Path folder = event.recorder.eventFolder();
        assertTrue(Files.exists(folder.resolve("Segment0001/channel1.ismc")),
                "the first segment is complete as soon as every track moved on");
        assertFalse(Files.exists(folder.resolve("Segment0002/channel1.ismc")));
        stream.endOfStream();
        event.presentation.stop();
        assertEquals(List.of("Segment0001", "Segment0002"), list(folder));

        List<Long> archivedTimes = new ArrayList<>();
        for (String segment : list(folder)) {
            ArchivedPresentation archived = ArchivedPresentation.load(folder.resolve(segment).resolve("channel1.ism"));
            assertTrue(archived.complete());
            Document manifest = parse(archived.manifest());
            for (int i = 0; i < manifest.getElementsByTagName("c").getLength(); i++) {
                Element c = (Element) manifest.getElementsByTagName("c").item(i);
                if (c.hasAttribute("t")) {
                    archivedTimes.add(Long.parseLong(c.getAttribute("t")));
                }
            }
            for (IngestFragment f : STREAM1.fragments()) {
                boolean here = ArchivedPresentation.fragment(level(archived, stream, f), f.time(),
                        SmoothUrl.Noun.Fragments) != null;
                long seconds = f.time() / 10_000_000L;
                assertEquals(segment.equals("Segment0001") ? seconds < 2 : seconds >= 2, here, segment + " " + f);
            }
        }
        assertEquals(List.of(0L, 0L, 20_214_063L, 20_053_333L), archivedTimes, "each segment's timeline starts "
                + "where it began, absolute");
    }

    /**
     * The server is killed in the middle of an event: files without index, one torn mid-fragment. The repair at the
     * next start completes the presentation; when the encoder comes back and resends, the archive goes on in the same
     * folder, and ends with every fragment exactly once.
     */
    @Test
    void aCrashedEventIsRepairedThenContinuedWithoutLossOrDoubling() throws Exception {
        ArchiveFixture before = new ArchiveFixture(dir, Duration.ZERO, false);
        IncomingStream stream = before.presentation.connect("stream1", "", STREAM1.header(), "h", "Push");
        STREAM1.fragments().subList(0, 8).forEach(stream::append);
        before.recorder.suspend();
        Path folder = before.recorder.eventFolder();
        Path file = folder.resolve("stream1.ismv");
        long size = Files.size(file);
        try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
            channel.truncate(size - 100); // the eighth fragment was being written
        }
        before.presentation.close();

        Path ism = folder.resolve("channel1.ism");
        ArchivedPresentation unrepaired = ArchivedPresentation.load(ism);
        assertFalse(unrepaired.complete(), "no index yet: read by scanning the moofs");
        assertEquals(3, parse(unrepaired.manifest()).getElementsByTagName("QualityLevel").getLength());
        assertEquals(7, countFragments(unrepaired, stream), "the complete fragments, before any repair");
        assertEquals(List.of(ism), ArchiveRepair.findUnfinished(dir.resolve("archive")));
        ArchiveRepair.repair(ism);
        assertEquals(List.of(), ArchiveRepair.findUnfinished(dir.resolve("archive")));
        ArchivedPresentation repaired = ArchivedPresentation.load(ism);
        assertTrue(repaired.complete());
        assertServesEveryFragment(repaired, STREAM1.fragments().subList(0, 7), stream);
        assertEquals(7, ArchiveFixture.scan(file).fragments().size(), "only the torn fragment is lost");

        ArchiveFixture after = new ArchiveFixture(dir, Duration.ZERO, false);
        assertEquals(folder, after.recorder.eventFolder(), "the same event goes on in the same folder");
        IncomingStream again = after.presentation.connect("stream1", "", STREAM1.header(), "h", "Push");
        STREAM1.fragments().subList(6, STREAM1.fragments().size()).forEach(again::append);
        again.endOfStream();
        after.presentation.stop();
        ArchivedPresentation whole = ArchivedPresentation.load(ism);
        assertTrue(whole.complete());
        assertEquals(List.of("channel1.ism", "channel1.ismc", "stream1.ismv"), list(folder));
        List<IngestFragment> all = STREAM1.fragments();
        List<IngestFragment> expected = new ArrayList<>(all.subList(0, 7));
        expected.addAll(all.subList(8, all.size()));
        assertServesEveryFragment(whole, expected, again);
        assertEquals(expected.size(), ArchiveFixture.scan(file).fragments().size(), "none twice");
    }

    private static void assertServesEveryFragment(ArchivedPresentation archived, List<IngestFragment> fragments,
                                                  IncomingStream stream) throws IOException {
        for (IngestFragment f : fragments) {
            byte[] served = Bodies.bytes(ArchivedPresentation.fragment(level(archived, stream, f), f.time(),
                    SmoothUrl.Noun.Fragments));
            assertNotNull(served, f.toString());
            int moofSize = (int) Bytes.u32(served, 0);
            assertArrayEquals(f.mdat(), Arrays.copyOfRange(served, moofSize, served.length), "mdat of " + f);
        }
    }

    private static int countFragments(ArchivedPresentation archived, IncomingStream stream) throws IOException {
        int found = 0;
        for (IngestFragment f : STREAM1.fragments()) {
            found += ArchivedPresentation.fragment(level(archived, stream, f), f.time(), SmoothUrl.Noun.Fragments)
                    == null ? 0 : 1;
        }
        return found;
    }

    private static ArchivedPresentation.Level level(ArchivedPresentation archived, IncomingStream stream,
                                                    IngestFragment f) {
        var key = stream.tracks().get(f.trackId()).key();
        ArchivedPresentation.Level level = archived.level(key.name(), key.bitrate(), Map.of());
        assertNotNull(level, key.toString());
        return level;
    }

    private static List<String> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    static Document parse(byte[] xml) throws Exception {
        assertNotNull(xml);
        assertTrue(new String(xml, StandardCharsets.UTF_8).startsWith("<?xml"));
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }
}
