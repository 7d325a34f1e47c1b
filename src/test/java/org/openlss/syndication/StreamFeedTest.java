package org.openlss.syndication;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openlss.live.FragmentRef;
import org.openlss.live.LiveTrack;
import org.openlss.mp4.EndOfStream;
import org.openlss.mp4.IngestBody;
import org.openlss.mp4.IngestFragment;

/** What a downstream is sent for one stream: header, stored fragments, live ones, end; and when it is cut off. */
class StreamFeedTest {
    private static final int LOTS = SyndicationHttp.DEFAULT_MAX_BEHIND;

    @TempDir
    Path dir;

    private LiveEvent event;
    private final AtomicInteger wakes = new AtomicInteger();

    @BeforeEach
    void setUp() {
        event = new LiveEvent(dir);
    }

    @Test
    void sendsTheHeaderThenTheStoredFragmentsAfterTheGivenTimeInTimeOrder() {
        event.append(0, LiveEvent.fragmentCount());
        long after = LiveEvent.STREAM1.fragments().get(4).time();
        StreamFeed feed = feed(after, 0, LOTS, true);
        assertTrue(event.stream.header().sameBytes(IngestBody.parse(feed.next()).header()), "the header first");
        List<IngestFragment> sent = drain(feed).fragments();
        assertEquals(LiveEvent.STREAM1.fragments().stream().filter(f -> f.time() > after).map(StreamFeedTest::key)
                .sorted().toList(), sent.stream().map(StreamFeedTest::key).sorted().toList());
        assertEquals(sent.stream().sorted(Comparator.comparingLong(IngestFragment::time)).toList(), sent,
                "in time order");
        assertFalse(feed.finished(), "the stream goes on");
    }

    @Test
    void aReconnectingPushGetsTheLastFragmentsOfEachTrack() {
        event.append(0, LiveEvent.fragmentCount());
        StreamFeed feed = feed(Long.MIN_VALUE, 1, LOTS, true);
        feed.next();
        List<IngestFragment> sent = drain(feed).fragments();
        List<IngestFragment> lastOfEachTrack = new ArrayList<>();
        for (LiveTrack track : event.stream.levels()) {
            FragmentRef last = track.storedAfter(Long.MIN_VALUE).get(track.storedAfter(Long.MIN_VALUE).size() - 1);
            lastOfEachTrack.addAll(LiveEvent.STREAM1.fragments().stream()
                    .filter(f -> event.stream.tracks().get(f.trackId()) == track && f.time() == last.time()).toList());
        }
        assertEquals(lastOfEachTrack.stream().map(StreamFeedTest::key).sorted().toList(),
                sent.stream().map(StreamFeedTest::key).sorted().toList());
    }

    @Test
    void liveFragmentsFollowAsTheyArriveAndEachWakesTheConsumer() {
        event.append(0, 2);
        StreamFeed feed = feed(Long.MIN_VALUE, 0, LOTS, true);
        feed.next();
        assertEquals(2, drain(feed).fragments().size());
        assertNull(feed.next(), "nothing now: wait for a wake");

        event.append(2, 5);
        assertEquals(3, wakes.get());
        assertEquals(LiveEvent.times(2, 5), drain(feed).fragments().stream().map(IngestFragment::time).toList(),
                "live ones in the order they arrived");
    }

    @Test
    void aFragmentQueuedTwiceIsSentOnce() {
        event.append(0, 3);
        StreamFeed feed = feed(Long.MIN_VALUE, 0, LOTS, true);
        feed.next();
        drain(feed);
        // what a fragment accepted while the feed opened looks like: in the backlog and among the arrivals
        IngestFragment last = LiveEvent.STREAM1.fragments().get(2);
        LiveTrack track = event.stream.tracks().get(last.trackId());
        FragmentRef ref = track.storedAfter(last.time() - 1).get(0);
        feed.fragmentAccepted(event.stream, track, ref, last);
        assertEquals(List.of(), drain(feed).fragments(), "not sent again");

        event.append(3, 4);
        assertEquals(LiveEvent.times(3, 4), drain(feed).fragments().stream().map(IngestFragment::time).toList());
    }

    @Test
    void endsWithEndOfStreamOnceEverythingIsSent() {
        event.append(0, 2);
        StreamFeed feed = feed(Long.MIN_VALUE, 0, LOTS, false);
        event.stream.endOfStream();
        feed.next();
        IngestBody sent = drain(feed);
        assertEquals(2, sent.fragments().size());
        assertTrue(sent.endOfStream());
        assertTrue(feed.finished());
        assertNull(feed.next(), "nothing after the end");
    }

    @Test
    void aFeedOpenedOnAnEndedStreamEndsToo() {
        event.append(0, 2);
        event.stream.endOfStream();
        StreamFeed feed = feed(Long.MIN_VALUE, 0, LOTS, false);
        feed.next();
        IngestBody sent = drain(feed);
        assertEquals(2, sent.fragments().size());
        assertTrue(sent.endOfStream());
        assertTrue(feed.finished());
    }

    @Test
    void anAdministrativeStopSendsEndOfStreamOnlyWhenThePointSaysSo() {
        StreamFeed ends = feed(Long.MIN_VALUE, 0, LOTS, true);
        StreamFeed closes = feed(Long.MIN_VALUE, 0, LOTS, false);
        ends.next();
        closes.next();
        event.presentation.stop();
        assertArrayEquals(EndOfStream.bytes(), ends.next());
        assertTrue(ends.finished());
        assertNull(closes.next());
        assertTrue(closes.finished(), "just closed");
    }

    @Test
    void aConsumerMoreThanMaxBehindLiveFragmentsIsCutOff() {
        event.append(0, 5);
        StreamFeed feed = feed(Long.MIN_VALUE, 0, 2, true);
        assertFalse(feed.overflowed(), "stored fragments do not count");
        event.append(5, 7);
        assertFalse(feed.overflowed(), "two behind is allowed");
        event.append(7, 8);
        assertTrue(feed.overflowed(), "it can be cut off before it reads again");
        feed.next();
        StreamFeed.Overflow overflow = assertThrows(StreamFeed.Overflow.class, feed::next);
        assertEquals("the downstream fell more than 2 fragments behind", overflow.getMessage());
        assertTrue(feed.finished());
        assertNull(feed.next());
    }

    @Test
    void whatTheConsumerReadsNoLongerCountsAsBehind() {
        StreamFeed feed = feed(Long.MIN_VALUE, 0, 2, true);
        feed.next();
        for (int i = 0; i < 4; i++) {
            event.append(2 * i, 2 * i + 2);
            assertEquals(2, drain(feed).fragments().size());
        }
        assertFalse(feed.overflowed());
    }

    @Test
    void aClosedFeedNoLongerListens() {
        StreamFeed feed = feed(Long.MIN_VALUE, 0, LOTS, true);
        feed.close();
        event.append(0, 2);
        assertEquals(0, wakes.get());
    }

    private StreamFeed feed(long after, int lastPerTrack, int maxBehind, boolean endOfStreamOnStop) {
        return new StreamFeed(event.presentation, event.stream, after, lastPerTrack, maxBehind, endOfStreamOnStop,
                wakes::incrementAndGet);
    }

    /** What the feed has now (after its header), up to the first null: fragments, and whether it ended. */
    private static IngestBody drain(StreamFeed feed) {
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        sent.writeBytes(LiveEvent.STREAM1.header().headerBytes());
        for (byte[] bytes = feed.next(); bytes != null; bytes = feed.next()) {
            sent.writeBytes(bytes);
        }
        return IngestBody.parse(sent.toByteArray());
    }

    private static String key(IngestFragment f) {
        return f.trackId() + "@" + f.time();
    }
}
