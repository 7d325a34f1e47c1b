package org.openlss.smooth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openlss.live.FragmentRef;
import org.openlss.live.IncomingStream;
import org.openlss.live.LiveTrack;
import org.openlss.live.Presentation;
import org.openlss.live.PresentationSettings;
import org.openlss.mp4.IngestBody;
import org.openlss.mp4.IngestFragment;
import org.openlss.platform.ResponseBody;
import org.openlss.player.SmoothUrl;
import org.openlss.testing.Bodies;
import org.openlss.testing.Captures;
import org.openlss.testing.TestTools;

/** Fragment responses as an independent box parser (boxdump.py) reads them. */
class ServedFragmentsTest {
    private static final IngestBody CAPTURE = Captures.of("ffmpeg-stream1.body");

    @TempDir
    Path dir;
    Presentation presentation;
    IncomingStream stream;
    LiveTrack video;
    List<IngestFragment> videoFragments;

    @BeforeEach
    void ingest() {
        presentation = Presentation.open(dir, new PresentationSettings(2, Duration.ZERO, 4));
        presentation.resume();
        stream = presentation.connect("stream1", "", CAPTURE.header(), "h", "Push");
        CAPTURE.fragments().forEach(stream::append);
        video = stream.tracks().get(1);
        videoFragments = CAPTURE.fragments().stream().filter(f -> f.trackId() == 1).toList();
    }

    private static byte[] serve(LiveTrack track, FragmentRef ref, SmoothUrl.Noun noun, int lookahead, boolean ended) {
        try {
            return Bodies.bytes(ServedFragments.serve(track, ref, noun, lookahead, ended));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aLiveFragmentCarriesTheServersTfrfWithTheNextTwoFragmentsAndItsMdatUnchanged() throws Exception {
        FragmentRef ref = video.lookup(videoFragments.get(0).time()).ref();
        byte[] body = serve(video, ref, SmoothUrl.Noun.Fragments, 2, false);
        String dump = TestTools.boxdump(body);
        IngestFragment next1 = videoFragments.get(1);
        IngestFragment next2 = videoFragments.get(2);
        assertTrue(dump.contains("uuid[tfrf]"), dump);
        assertTrue(dump.contains("fragment_count=2 (" + next1.time() + "," + next1.duration() + ") ("
                + next2.time() + "," + next2.duration() + ")"), dump);
        assertTrue(dump.contains("fragment_absolute_time=" + videoFragments.get(0).time()), dump);
        Matcher moof = Pattern.compile("moof @0 size=(\\d+)").matcher(dump);
        assertTrue(moof.find());
        int moofSize = Integer.parseInt(moof.group(1));
        assertTrue(dump.contains("data_offset=" + (moofSize + 8)), "data offset points past the new moof: " + dump);
        byte[] mdat = Arrays.copyOfRange(body, moofSize, body.length);
        assertArrayEquals(videoFragments.get(0).mdat(), mdat, "mdat served exactly as ingested");
        assertSame(ServedFragments.serve(video, ref, SmoothUrl.Noun.Fragments, 2, false).head(),
                ServedFragments.serve(video, ref, SmoothUrl.Noun.Fragments, 2, false).head(),
                "a complete response is built once and shared");
    }

    @Test
    void fragmentInfoIsTheMoofAndRawFragmentsTheSampleBytes() {
                FragmentRef ref = video.lookup(videoFragments.get(1).time()).ref();
        byte[] full = serve(video, ref, SmoothUrl.Noun.Fragments, 2, false);
        byte[] info = serve(video, ref, SmoothUrl.Noun.FragmentInfo, 2, false);
        assertArrayEquals(Arrays.copyOf(full, info.length), info);
        assertFalse(TestTools.boxdump(info).contains("mdat"));
        byte[] raw = serve(video, ref, SmoothUrl.Noun.RawFragments, 2, false);
        byte[] mdat = videoFragments.get(1).mdat();
        assertArrayEquals(Arrays.copyOfRange(mdat, 8, mdat.length), raw);
        String keyFrames = TestTools.boxdump(serve(video, ref, SmoothUrl.Noun.KeyFrames, 2, false));
        assertTrue(keyFrames.contains("sample_count=1 "), keyFrames);
    }

    @Test
    void afterTheEndTheLastFragmentsAnnounceWhatIsLeft() {
        stream.endOfStream();
                FragmentRef last = video.lookup(videoFragments.get(3).time()).ref();
        String dump = TestTools.boxdump(serve(video, last, SmoothUrl.Noun.Fragments, 2, true));
        assertTrue(dump.contains("fragment_count=0"), dump);
        FragmentRef third = video.lookup(videoFragments.get(2).time()).ref();
        assertTrue(TestTools.boxdump(serve(video, third, SmoothUrl.Noun.Fragments, 2, true))
                .contains("fragment_count=1 "));
    }

    @Test
    void aFragmentNoLongerInMemoryIsItsRewrittenMoofThenTheMdatStraightFromTheStoresFile() throws Exception {
        Presentation cold = Presentation.open(dir.resolve("cold"), new PresentationSettings(2, Duration.ZERO, 1));
        cold.resume();
        IncomingStream coldStream = cold.connect("stream1", "", CAPTURE.header(), "h", "Push");
        CAPTURE.fragments().forEach(coldStream::append);
        LiveTrack coldVideo = coldStream.tracks().get(1);
        long time = videoFragments.get(0).time();
        ResponseBody fromDisk = ServedFragments.serve(coldVideo, coldVideo.lookup(time).ref(),
                SmoothUrl.Noun.Fragments, 2, false);
        assertNotNull(fromDisk.open(), "the media is sent from the fragment store's file");
        assertTrue(fromDisk.head().length < 4096, "only the moof is in memory: " + fromDisk.head().length + " bytes");
        assertArrayEquals(serve(video, video.lookup(time).ref(), SmoothUrl.Noun.Fragments, 2, false),
                Bodies.bytes(fromDisk), "the same bytes as a fragment served from memory");
        assertArrayEquals(serve(video, video.lookup(time).ref(), SmoothUrl.Noun.RawFragments, 2, false),
                serve(coldVideo, coldVideo.lookup(time).ref(), SmoothUrl.Noun.RawFragments, 2, false));
    }
}
