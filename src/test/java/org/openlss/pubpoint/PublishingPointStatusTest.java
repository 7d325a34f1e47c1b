package org.openlss.pubpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PublishingPointStatusTest {
    private static final PublishingPointSettings EVERYTHING = new PublishingPointSettings("t", SourceType.Push,
            Duration.ZERO, false, false, 2, new ArchiveSettings(true, Duration.ZERO, null, false),
            ClientConnectionSettings.DEFAULT, new ServerConnectionSettings(true, true), List.of(), List.of(),
            HlsSettings.DISABLED.withEnabled(true), null);

    @Test
    void disabledBehavioursStayDisabledInEveryState() {
        PublishingPointSettings clientOnly = PublishingPointSettings.defaults();
        for (PublishingPointState state : PublishingPointState.values()) {
            PublishingPointStatus s = PublishingPointStatus.of(clientOnly, state);
            assertEquals(BehaviourStatus.Disabled, s.archive());
            assertEquals(BehaviourStatus.Disabled, s.serverDistribution());
        }
        assertEquals(List.of(PublishingPointStatus.CLIENT_DVR),
                PublishingPointStatus.of(clientOnly, PublishingPointState.Idle).enabledOptions());
    }

    @Test
    void enabledBehavioursFollowTheState() {
        assertStatus(PublishingPointState.Idle, BehaviourStatus.Idle, BehaviourStatus.Idle);
        assertStatus(PublishingPointState.Starting, BehaviourStatus.Starting, BehaviourStatus.Starting);
        assertStatus(PublishingPointState.Started, BehaviourStatus.Started, BehaviourStatus.Started);
        // DVR-only: no live source, but clients are still served the event
        assertStatus(PublishingPointState.Stopped, BehaviourStatus.Stopped, BehaviourStatus.Started);
    }

    private static void assertStatus(PublishingPointState state, BehaviourStatus sourcing, BehaviourStatus dvr) {
        PublishingPointStatus s = PublishingPointStatus.of(EVERYTHING, state);
        assertEquals(sourcing, s.sourcing());
        assertEquals(sourcing, s.archive());
        assertEquals(dvr, s.clientDvr());
        assertEquals(sourcing, s.serverDistribution());
        assertEquals(List.of("Apple HTTP Live Streaming", "Archiving", "Client DVR", "Server Distribution"),
                s.enabledOptions());
    }

    @Test
    void aPushListAloneMeansServerDistribution() {
        PublishingPointSettings pushing = new PublishingPointSettings("", SourceType.Push, Duration.ZERO, false, false,
                2, null, null, null, List.of(), List.of(new SyndicationUrl("http://edge/live/a.isml", null)), null,
                null);
        assertEquals(BehaviourStatus.Started,
                PublishingPointStatus.of(pushing, PublishingPointState.Started).serverDistribution());
    }

    @Test
    void anArchiveErrorStopsOnlyTheArchive() {
        PublishingPointStatus s = PublishingPointStatus.of(EVERYTHING, PublishingPointState.Started, "disk full");
        assertEquals(BehaviourStatus.Stopped, s.archive());
        assertEquals(BehaviourStatus.Started, s.clientDvr());
        assertEquals("disk full", s.archiveError());
    }
}
