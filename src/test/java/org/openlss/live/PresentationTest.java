package org.openlss.live;

import java.nio.file.Files;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openlss.mp4.Box;
import org.openlss.mp4.FragmentRewriter;
import org.openlss.mp4.IngestBody;
import org.openlss.mp4.IngestFragment;
import org.openlss.mp4.IngestHeader;
import org.openlss.mp4.ManifestBoxes;
import org.openlss.mp4.Tfrf;
import org.openlss.mp4.TrackExtends;
import org.openlss.mp4.TrackType;
import org.openlss.testing.Captures;

/** The live timeline fed with what ffmpeg really sends: one POST with two video levels and audio, 4 x 1 s. */
class PresentationTest {
    private static final IngestBody STREAM1 = Captures.of("ffmpeg-stream1.body");

    @TempDir
    Path dir;

    final List<String> events = new ArrayList<>();
    final PresentationListener recorder = new PresentationListener() {
        @Override
        public void fragmentAccepted(IncomingStream stream, LiveTrack track, FragmentRef ref, IngestFragment f) {
            events.add("accepted " + track.key().name() + " " + ref.time());
        }

        @Override
        public void fragmentReleased(LiveTrack track, FragmentRef ref) {
            events.add("released " + track.key().name() + " " + ref.time());
        }

        @Override
        public void allStreamsEnded() {
            events.add("all ended");
        }
    };

    @Test
    void theLookaheadHoldsBackTheNewestFragmentsUntilTheStreamEnds() {
        Presentation p = open(Duration.ZERO);
        IncomingStream stream = p.connect("stream1", "", STREAM1.header(), "127.0.0.1", "Push");
        for (IngestFragment f : STREAM1.fragments()) {
            assertEquals(LiveTrack.Append.ACCEPTED, stream.append(f));
        }
        assertEquals(List.of("video_und", "audio_und"), p.streamIndexes().stream().map(StreamIndex::name).toList());
        StreamIndex video = p.streamIndex("video_und");
        assertEquals(TrackType.VIDEO, video.type());
        assertEquals(2, video.levels().size(), "two bitrates, one stream name");
        assertEquals(2, video.listed().size(), "4 fragments, 2 held back for lookahead");

        LiveTrack level0 = video.levels().get(0);
        long[] times = STREAM1.fragments().stream().filter(f -> f.trackId() == 1).mapToLong(IngestFragment::time)
                .toArray();
        assertEquals(FragmentLookup.Outcome.AVAILABLE, level0.lookup(times[1]).outcome());
        assertEquals(FragmentLookup.Outcome.NOT_YET_AVAILABLE, level0.lookup(times[2]).outcome());
        assertEquals(FragmentLookup.Outcome.NOT_YET_AVAILABLE, level0.lookup(times[3] + 100_000_000).outcome());
        assertEquals(FragmentLookup.Outcome.NOT_A_FRAGMENT, level0.lookup(times[0] + 1).outcome());
        FragmentRef first = level0.lookup(times[0]).ref();
        assertEquals(List.of(new Tfrf.Entry(times[1], times[2] - times[1]), new Tfrf.Entry(times[2], times[3] - times[2])),
                level0.lookahead(first, 2));

        IngestFragment original = STREAM1.fragments().get(0);
        byte[] stored = level0.read(first);
        assertArrayEquals(concat(original.moof(), original.mdat()), stored, "bytes kept exactly as ingested");

        stream.endOfStream();
        assertEquals(4, video.listed().size(), "end of stream releases the held-back fragments");
        assertEquals(FragmentLookup.Outcome.AVAILABLE, level0.lookup(times[3]).outcome());
        assertTrue(events.contains("all ended"));
        assertEquals(24, events.stream().filter(e -> e.startsWith("accepted") || e.startsWith("released")).count());
    }

    @Test
    void outputsSeeAcceptedFragmentsBeforeTheLookaheadReleasesThem() {
        Presentation p = open(Duration.ZERO);
        IncomingStream stream = p.connect("stream1", "", STREAM1.header(), "127.0.0.1", "Push");
        LiveTrack audio = p.streamIndex("audio_und").levels().get(0);
        assertTrue(audio.acceptedBetween(Long.MIN_VALUE, Long.MAX_VALUE).isEmpty());
        assertEquals(Long.MIN_VALUE, audio.acceptedEnd());
        STREAM1.fragments().forEach(stream::append);
        List<FragmentRef> all = audio.acceptedBetween(Long.MIN_VALUE, Long.MAX_VALUE);
        assertEquals(4, all.size(), "held-back fragments included");
        assertEquals(all.get(3).end(), audio.acceptedEnd());
        assertFalse(audio.ended());
        FragmentRef second = all.get(1);
        assertEquals(all.subList(1, 3), audio.acceptedBetween(second.time() + 1, all.get(2).end()),
                "a fragment that starts before the range but reaches into it overlaps it");
        assertEquals(all.subList(1, 2), audio.acceptedBetween(second.time(), all.get(2).time()));
        stream.endOfStream();
        assertTrue(audio.ended());
    }

    @Test
    void aReconnectingOrRedundantEncoderAddsNoDuplicate() {
        Presentation p = open(Duration.ZERO);
        IncomingStream stream = p.connect("stream1", "", STREAM1.header(), "10.0.0.1", "Push");
        for (IngestFragment f : STREAM1.fragments().subList(0, 9)) {
            stream.append(f);
        }
        long versionBefore = p.version();
        IncomingStream again = p.connect("stream1", "", STREAM1.header(), "10.0.0.2", "Push");
        assertEquals(stream, again);
        int duplicates = 0;
        for (IngestFragment f : STREAM1.fragments()) {
            if (again.append(f) == LiveTrack.Append.DUPLICATE) {
                duplicates++;
            }
        }
        assertEquals(9, duplicates);
        assertNotEquals(versionBefore, p.version());
        assertEquals(12, events.stream().filter(e -> e.startsWith("accepted")).count(), "no duplicate reaches outputs");
        IngestFragment old = STREAM1.fragments().get(0);
        assertEquals(LiveTrack.Append.DUPLICATE, stream.append(old));
    }

    @Test
    void aRedundantEncoderOffTheTimelineNeverMakesFragmentsOverlap() {
        Presentation p = open(Duration.ZERO);
        IncomingStream first = p.connect("stream1", "", STREAM1.header(), "10.0.0.1", "Push");
        List<IngestFragment> video = STREAM1.fragments().stream().filter(f -> f.trackId() == 1).toList();
        LiveTrack track = first.tracks().get(1);
        TrackExtends trex = track.movieTrack().defaults();
        long timescale = track.description().timescale();
        assertEquals(LiveTrack.Append.ACCEPTED, first.append(video.get(0)));
        assertEquals(LiveTrack.Append.ACCEPTED, first.append(video.get(1)));
        // a second encoder restarted off the first one's grid: its fragments start 20 ms earlier
        IncomingStream second = p.connect("stream1", "", STREAM1.header(), "10.0.0.2", "Push");
        assertEquals(LiveTrack.Append.OVERLAPS, second.append(shifted(video.get(2), -timescale / 50, trex)),
                "it would list 20 ms of media twice");
        assertEquals(LiveTrack.Append.ACCEPTED, first.append(video.get(2)));
        assertEquals(LiveTrack.Append.ACCEPTED, second.append(shifted(video.get(3), -timescale / 2000, trex)),
                "half a millisecond is rounding, not an overlap");
        List<FragmentRef> accepted = track.acceptedBetween(Long.MIN_VALUE, Long.MAX_VALUE);
        assertEquals(4, accepted.size());
        for (int i = 1; i < accepted.size(); i++) {
            assertTrue(accepted.get(i).time() >= accepted.get(i - 1).end() - timescale / 1000,
                    "fragment " + i + " starts where the one before ends, or later");
        }
    }

    private static IngestFragment shifted(IngestFragment f, long by, TrackExtends trex) {
        return IngestFragment.parse(FragmentRewriter.retimed(f.moof(), f.time() + by, f.duration()), f.mdat(), trex);
    }

    @Test
    void headersThatConflictAreRefused() {
        Presentation p = open(Duration.ZERO);
        p.connect("stream1", "", STREAM1.header(), "h", "Push");
        IngestBody audio = Captures.of("ffmpeg-audio0.body");
        StreamRefusedException e = assertThrows(StreamRefusedException.class,
                () -> p.connect("stream1", "", audio.header(), "h", "Push"));
        assertEquals(400, e.status());
        assertEquals(400, assertThrows(StreamRefusedException.class,
                () -> p.connect("other", "event-b", audio.header(), "h", "Push")).status(), "two events at once");
    }

    @Test
    void aSlidingWindowListsOnlyRecentContentAndForgetsTheRestAfterTheGrace() {
        Presentation p = Presentation.open(dir, new PresentationSettings(0, Duration.ofMillis(1500), 2, Duration.ZERO,
                PresentationSettings.DEFAULT_MAX_STREAMS, PresentationSettings.DEFAULT_MAX_TIMELINE_JUMP));
        IncomingStream stream = p.connect("stream1", "", STREAM1.header(), "h", "Push");
        STREAM1.fragments().forEach(stream::append);
        StreamIndex video = p.streamIndex("video_und");
        Timeline listed = video.listed();
        assertEquals(2, listed.size(), "1.5 s window over 1 s fragments");
        LiveTrack level0 = video.levels().get(0);
        long firstTime = STREAM1.fragments().get(0).time();
        assertEquals(FragmentLookup.Outcome.OUT_OF_WINDOW, level0.lookup(firstTime).outcome());
        assertEquals(FragmentLookup.Outcome.AVAILABLE, level0.lookup(listed.times()[0]).outcome());
    }

    @Test
    void anEventComesBackAfterARestart() {
        Presentation p = open(Duration.ZERO);
        IncomingStream stream = p.connect("stream1", "", STREAM1.header(), "h", "Push");
        STREAM1.fragments().forEach(stream::append);
        Timeline before = p.streamIndex("video_und").listed();
        p.close();

        Presentation again = Presentation.open(dir, new PresentationSettings(2, Duration.ZERO, 4));
        again.resume();
        assertEquals(IncomingStream.State.Started, again.stream("stream1").state(), "disconnected is not ended");
        Timeline after = again.streamIndex("video_und").listed();
        assertArrayEquals(before.times(), after.times());
        LiveTrack level = again.track("video_und", p.streamIndex("video_und").levels().get(1).key().bitrate(), Map.of());
        FragmentRef ref = level.lookup(after.times()[1]).ref();
        assertEquals(after.times()[1], ref.time());
        assertTrue(level.read(ref).length > 0);

        IncomingStream reconnected = again.connect("stream1", "", STREAM1.header(), "h", "Push");
        STREAM1.fragments().forEach(f -> assertEquals(LiveTrack.Append.DUPLICATE, reconnected.append(f)));
        reconnected.endOfStream();
        assertEquals(4, again.streamIndex("video_und").listed().size());
        again.delete();
        assertFalse(dir.toFile().exists());
    }

    @Test
    void aSparseFragmentShowsOnceItsParentStreamListsItsTimeAndAllAtTheEnd() {
        Presentation p = open(Duration.ZERO);
        IngestBody text = sparseTextTrack("video_und");
        IncomingStream sparse = p.connect("text", "", text.header(), "127.0.0.1", "Push");
        for (IngestFragment f : text.fragments()) {
            assertEquals(LiveTrack.Append.ACCEPTED, sparse.append(f));
        }
        StreamIndex textIndex = p.streamIndex("textstream");
        assertEquals("video_und", textIndex.parentName());
        assertEquals(0, textIndex.listed().size(), "no parent fragment yet");

        IncomingStream video = p.connect("stream1", "", STREAM1.header(), "127.0.0.1", "Push");
        STREAM1.fragments().forEach(video::append);
        long parentLast = p.streamIndex("video_und").lastTime();
        List<Long> shown = times(textIndex.listed());
        List<Long> all = text.fragments().stream().map(IngestFragment::time).toList();
        assertEquals(all.stream().filter(t -> t <= parentLast).toList(), shown, "up to the parent's " + parentLast);
        assertTrue(shown.size() > 0 && shown.size() < all.size(), shown + " of " + all);

        p.stop();
        assertEquals(all, times(textIndex.listed()), "the event is over: everything shows");
    }

    @Test
    void anEndOfStreamOnOneOfTwoConnectionsEndsOnlyThatConnection() {
        Presentation p = open(Duration.ZERO);
        IncomingStream encoder = p.connect("stream1", "", STREAM1.header(), "encoder", "Push");
        IncomingStream intruder = p.connect("stream1", "", STREAM1.header(), "other", "Push");
        assertSame(encoder, intruder, "one input stream, two connections");
        intruder.endOfStream();
        intruder.disconnected(true);
        assertEquals(IncomingStream.State.Started, encoder.state(), "the encoder still feeds it");
        assertFalse(events.contains("all ended"));
        STREAM1.fragments().forEach(f -> assertEquals(LiveTrack.Append.ACCEPTED, encoder.append(f)));

        encoder.endOfStream();
        assertEquals(IncomingStream.State.Stopped, encoder.state());
        assertTrue(events.contains("all ended"));
    }

    @Test
    void whenTheOnlyConnectionLeftHasEndedTheStreamTheOtherOnesDropEndsIt() {
        Presentation p = open(Duration.ZERO);
        IncomingStream stream = p.connect("stream1", "", STREAM1.header(), "a", "Push");
        p.connect("stream1", "", STREAM1.header(), "b", "Push");
        stream.endOfStream();
        assertEquals(IncomingStream.State.Started, stream.state());
        stream.disconnected(false);
        assertEquals(IncomingStream.State.Stopped, stream.state(), "every connection still open had ended it");
    }

    @Test
    void aStreamBeyondThePointsLimitIsRefusedAndNothingOfItStays() {
        Presentation p = Presentation.open(dir, new PresentationSettings(2, Duration.ZERO, 4,
                PresentationSettings.DEFAULT_EVICTION_GRACE, 1, PresentationSettings.DEFAULT_MAX_TIMELINE_JUMP));
        p.resume();
        p.connect("stream1", "", STREAM1.header(), "h", "Push");
        StreamRefusedException atHeaders = assertThrows(StreamRefusedException.class,
                () -> p.admit("stream2", "", STREAM1.header()));
        assertEquals(403, atHeaders.status());
        assertTrue(atHeaders.getMessage().contains("1 streams"), atHeaders.getMessage());
        assertEquals(403, assertThrows(StreamRefusedException.class,
                () -> p.connect("stream2", "", STREAM1.header(), "h", "Push")).status());
        assertEquals(List.of("stream1"), p.streams().stream().map(IncomingStream::id).toList());
        p.admit("stream1", "", STREAM1.header());
        assertEquals(2, p.connect("stream1", "", STREAM1.header(), "h", "Push").connections(), "a reconnect is no new stream");
    }

    @Test
    void aFragmentFarAheadOfTheLiveEdgeIsRefusedAndTheTimelineStaysTheEncoders() {
        Presentation p = open(Duration.ZERO);
        IncomingStream stream = p.connect("stream1", "", STREAM1.header(), "h", "Push");
        List<IngestFragment> fragments = STREAM1.fragments();
        IngestFragment first = fragments.get(0);
        stream.append(first);
        LiveTrack track = stream.tracks().get(first.trackId());
        long timescale = track.description().timescale();
        TrackExtends trex = track.movieTrack().defaults();

        long elevenMinutesAhead = track.acceptedEnd() + 11 * 60 * timescale;
        IngestFragment far = IngestFragment.parse(FragmentRewriter.retimed(first.moof(), elevenMinutesAhead,
                first.duration()), first.mdat(), trex);
        StreamRefusedException refused = assertThrows(StreamRefusedException.class, () -> stream.append(far));
        assertEquals(409, refused.status());
        assertTrue(refused.getMessage().contains("ahead of the live edge"), refused.getMessage());

        long nineMinutesAhead = track.acceptedEnd() + 9 * 60 * timescale;
        IngestFragment near = IngestFragment.parse(FragmentRewriter.retimed(first.moof(), nineMinutesAhead,
                first.duration()), first.mdat(), trex);
        assertEquals(LiveTrack.Append.ACCEPTED, stream.append(near), "within the bound: a gap, as after an outage");
    }

    /** The audio capture re-labelled as a sparse text track of {@code parent} (header boxes as an encoder sends). */
    @Test
    void aFragmentTheStorageCannotTakeIsRefusedAndTheListenersHearWhereAndWhy() throws Exception {
        Presentation failing = open(Duration.ZERO);
        List<String> problems = new ArrayList<>();
        failing.addListener(new PresentationListener() {
            @Override
            public void storageFailed(String problem) {
                problems.add(problem);
            }
        });
        IncomingStream stream = failing.connect("stream1", "", STREAM1.header(), "127.0.0.1", "Push");
        Path broken;
        try (var folders = Files.list(dir)) {
            broken = folders.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        // the tracks' folders vanish under the store (a disk unmounted, a folder deleted): its next file cannot open
        try (var files = Files.walk(broken)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }

        StreamRefusedException refused = assertThrows(StreamRefusedException.class,
                () -> stream.append(STREAM1.fragments().get(0)));
        assertEquals(500, refused.status());
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("cannot write to the DVR storage " + broken)
                && problems.get(0).contains("NoSuchFileException"), problems.get(0));
        assertEquals(refused.getMessage(), problems.get(0));

        Presentation other = Presentation.open(dir.resolve("other"), new PresentationSettings(2, Duration.ZERO, 4));
        other.resume();
        IncomingStream fine = other.connect("stream1", "", STREAM1.header(), "127.0.0.1", "Push");
        assertEquals(LiveTrack.Append.ACCEPTED, fine.append(STREAM1.fragments().get(0)), "another event is unharmed");
    }

    @Test
    void anEventWhoseWholeStorageIsGoneStillStopsWhenItsListenerStopsIt() throws Exception {
        Presentation failing = open(Duration.ZERO);
        failing.addListener(new PresentationListener() {
            @Override
            public void storageFailed(String problem) {
                failing.stop(); // what the point's Error state does
            }
        });
        IncomingStream stream = failing.connect("stream1", "", STREAM1.header(), "127.0.0.1", "Push");
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }

        assertEquals(500, assertThrows(StreamRefusedException.class,
                () -> stream.append(STREAM1.fragments().get(0))).status(), "the refusal, not the failed record");
        assertEquals(IncomingStream.State.Stopped, stream.state());
        assertTrue(failing.ended(), "the outputs heard the end");
    }

    private static IngestBody sparseTextTrack(String parent) {
        IngestBody audio = Captures.of("ffmpeg-audio0.body");
        String param = "<param name=\"%s\" value=\"%s\" valuetype=\"data\"/>";
        String smil = "<smil xmlns=\"http://www.w3.org/2001/SMIL20/Language\"><body><switch>"
                + "<textstream systemBitrate=\"1000\">" + param.formatted("trackID", "1")
                + param.formatted("parentTrackName", parent) + param.formatted("FourCC", "scmd")
                + param.formatted("Subtype", "SCMD") + "</textstream></switch></body></smil>";
        byte[] moov = audio.header().moov().clone();
        String hdlr = new String(moov, StandardCharsets.ISO_8859_1);
        System.arraycopy("text".getBytes(StandardCharsets.ISO_8859_1), 0, moov, hdlr.indexOf("soun"), 4);
        IngestHeader header = new IngestHeader(Box.of(audio.header().ftyp()), null,
                Box.of(ManifestBoxes.liveServerManifestBox(smil.getBytes(StandardCharsets.UTF_8))), Box.of(moov));
        return new IngestBody(header, audio.fragments(), false);
    }

    private static List<Long> times(Timeline timeline) {
        return Arrays.stream(timeline.times()).boxed().toList();
    }

    private Presentation open(Duration window) {
        Presentation p = Presentation.open(dir, new PresentationSettings(2, window, 4));
        p.addListener(recorder);
        p.resume();
        return p;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
