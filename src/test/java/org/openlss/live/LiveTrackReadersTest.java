package org.openlss.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openlss.mp4.IngestBody;
import org.openlss.mp4.IngestFragment;
import org.openlss.testing.Captures;

/** Client lookups never wait for ingest: not for its disk write, not for the listeners it calls. */
class LiveTrackReadersTest {
    private static final IngestBody CAPTURE = Captures.of("ffmpeg-stream1.body");

    @TempDir
    Path dir;
    Presentation presentation;
    List<IngestFragment> video = CAPTURE.fragments().stream().filter(f -> f.trackId() == 1).toList();

    @BeforeEach
    void open() {
        presentation = Presentation.open(dir, new PresentationSettings(0, Duration.ZERO, 4));
        presentation.resume();
    }

    @Test
    void lookupsAnswerWhileAnAppendIsHeldUpInAListener() throws Exception {
        IncomingStream stream = presentation.connect("stream1", "", CAPTURE.header(), "h", "Push");
        stream.append(video.get(0));
        LiveTrack track = stream.tracks().get(1);
        CountDownLatch inListener = new CountDownLatch(1);
        CountDownLatch letGo = new CountDownLatch(1);
        presentation.addListener(new PresentationListener() {
            @Override
            public void fragmentAccepted(IncomingStream from, LiveTrack t, FragmentRef ref, IngestFragment f) {
                inListener.countDown();
                try {
                    letGo.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        CompletableFuture<Void> ingest = CompletableFuture.runAsync(() -> stream.append(video.get(1)));
        try {
            assertTrue(inListener.await(5, TimeUnit.SECONDS), "the append reached its listener");
            // the track's monitor is held by the append now; these must not wait for it
            CompletableFuture<FragmentLookup> lookup = CompletableFuture.supplyAsync(() -> track.lookup(video.get(0).time()));
            assertEquals(FragmentLookup.Outcome.AVAILABLE, lookup.get(2, TimeUnit.SECONDS).outcome());
            FragmentLookup second = CompletableFuture.supplyAsync(() -> track.lookup(video.get(1).time()))
                    .get(2, TimeUnit.SECONDS);
            assertEquals(FragmentLookup.Outcome.NOT_YET_AVAILABLE, second.outcome(),
                    "stored but not released until the append completes");
            assertEquals(video.get(1).time(), (long) CompletableFuture.supplyAsync(track::lastTime)
                    .get(2, TimeUnit.SECONDS), "the stored fragment is visible to outputs that convert on arrival");
        } finally {
            letGo.countDown();
            ingest.get(5, TimeUnit.SECONDS);
        }
        assertEquals(FragmentLookup.Outcome.AVAILABLE, track.lookup(video.get(1).time()).outcome());
    }

    /** Late arrival is measured against real time: a source ahead of it is never late; a stall shows. */
    @Test
    void aFragmentThatComesLaterThanRealTimeIsCountedLate() throws Exception {
        IncomingStream stream = presentation.connect("stream1", "", CAPTURE.header(), "h", "Push");
        LiveTrack track = stream.tracks().get(1);
        stream.append(video.get(0));
        stream.append(video.get(1));
        assertEquals(0, track.figures().maxLateMillis(), "faster than real time is not late");
        long gap = (video.get(2).time() - video.get(1).time()) * 1000 / track.description().timescale();
        Thread.sleep(gap + 300);
        stream.append(video.get(2));
        long late = track.figures().maxLateMillis();
        assertTrue(late >= 300 && late < 300 + 1000, "about 300 ms late: " + late);
    }
}
