package org.openlss.pubpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.openlss.pubpoint.PointEvent.Kind.CONNECTED;
import static org.openlss.pubpoint.PointEvent.Kind.DISCONNECTED;
import static org.openlss.pubpoint.PointEvent.Kind.END_OF_STREAM;
import static org.openlss.pubpoint.PointEvent.Kind.RECONNECTED;
import static org.openlss.pubpoint.PointEvent.Kind.STATE_CHANGED;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openlss.testing.ManualClock;

class PointEventsTest {
    private static final Instant T0 = Instant.parse("2026-12-04T15:00:00Z");
    private final ManualClock clock = new ManualClock(T0);
    private final PointEvents events = new PointEvents(clock, 5);
    private final PublishingPointPath a = PublishingPointPath.of("/live/a.isml");
    private final PublishingPointPath b = PublishingPointPath.of("/live/b.isml");

    @Test
    void newestFirstWithTimesAndNumbersInTheOrderTheyHappened() {
        events.record(a, CONNECTED, "video", "from 10.0.0.5");
        clock.advance(Duration.ofMillis(1500));
        events.record(a, DISCONNECTED, "video", "from 10.0.0.5 without end of stream");
        clock.advance(Duration.ofMillis(10));
        events.record(a, RECONNECTED, "video", "from 10.0.0.5");
        events.record(a, END_OF_STREAM, "video", "from 10.0.0.5");

        List<PointEvent> recent = events.recent(a);
        assertEquals(List.of(END_OF_STREAM, RECONNECTED, DISCONNECTED, CONNECTED),
                recent.stream().map(PointEvent::kind).toList());
        assertEquals(List.of(4L, 3L, 2L, 1L), recent.stream().map(PointEvent::sequence).toList());
        assertEquals(new PointEvent(1, T0, CONNECTED, "video", "from 10.0.0.5"), recent.get(3));
        assertEquals(T0.plusMillis(1510), recent.get(0).time());
        assertEquals("Encoder connected: video from 10.0.0.5", recent.get(3).summary());
        assertEquals(List.of(), events.recent(b), "another point has its own log");
    }

    @Test
    void keepsOnlyTheNewestPerPoint() {
        for (int i = 1; i <= 12; i++) {
            events.record(a, CONNECTED, "s" + i, "");
        }
        events.record(b, CONNECTED, "only", "");
        assertEquals(List.of("s12", "s11", "s10", "s9", "s8"), events.recent(a).stream().map(PointEvent::stream)
                .toList());
        assertEquals(12, events.recent(a).get(0).sequence(), "numbers go on past the bound");
        assertEquals(List.of("s12", "s11"), events.recent(a, 2).stream().map(PointEvent::stream).toList());
        assertEquals(1, events.recent(b).size());
    }

    @Test
    void stateChangesAreLoggedAndTheLogOutlivesShutdownButNotDeletion() {
        PublishingPoint idle = new PublishingPoint(a, PublishingPointSettings.defaults(), PublishingPointState.Idle,
                null, 0, null, T0);
        PublishingPoint starting = idle.enter(PublishingPointState.Starting, null, T0);
        events.onStateChanged(new PublishingPointStateChanged(starting, PublishingPointState.Idle));
        events.onStateChanged(new PublishingPointStateChanged(starting, PublishingPointState.Starting));
        events.onStateChanged(new PublishingPointStateChanged(idle, PublishingPointState.ShuttingDown));
        events.record(b, CONNECTED, "video", "");

        assertEquals(List.of("ShuttingDown → Idle", "Idle → Starting"), events.recent(a).stream()
                .map(PointEvent::text).toList(), "a restart's announcement of an unchanged state is no change");
        assertEquals(STATE_CHANGED, events.recent(a).get(0).kind());
        assertEquals("", events.recent(a).get(0).stream());

        events.onDeleted(new PublishingPointDeleted(PublishingPointPath.of("/LIVE/A.isml")));
        assertEquals(List.of(), events.recent(a), "dropped with the point, whatever the spelling");
        assertEquals(1, events.recent(b).size());
    }

    @Test
    void anArchiveErrorIsLoggedWhenItStartsOrChangesNotAtEveryRepeat() {
        BehaviourErrors errors = new BehaviourErrors();
        errors.events = events;
        errors.archiveFailed(a, "disk full");
        errors.archiveFailed(a, "disk full");
        errors.archiveRecovered(a);
        errors.archiveFailed(a, "disk full");
        errors.archiveFailed(a, "permission denied");
        assertEquals(List.of("permission denied", "disk full", "disk full"), events.recent(a).stream()
                .map(PointEvent::text).toList());
        assertEquals(PointEvent.Kind.ARCHIVE_ERROR, events.recent(a).get(0).kind());
    }

    @Test
    void controlCharactersFromEncodersOrUpstreamsDoNotBreakLines() {
        events.record(a, PointEvent.Kind.ARCHIVE_ERROR, "", "disk full\nFAKE ENTRY");
        assertEquals("disk full?FAKE ENTRY", events.recent(a).get(0).text());
    }
}
