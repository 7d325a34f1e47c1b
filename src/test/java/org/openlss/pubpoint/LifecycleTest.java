package org.openlss.pubpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openlss.pubpoint.PublishingPointState.Error;
import static org.openlss.pubpoint.PublishingPointState.Idle;
import static org.openlss.pubpoint.PublishingPointState.ShuttingDown;
import static org.openlss.pubpoint.PublishingPointState.Started;
import static org.openlss.pubpoint.PublishingPointState.Starting;
import static org.openlss.pubpoint.PublishingPointState.Stopped;
import static org.openlss.pubpoint.PublishingPointState.Stopping;

import java.util.Arrays;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LifecycleTest {
    @Test
    void startFromShutdownWaitsForTheEncoder() {
        assertEquals(List.of(Starting), Lifecycle.requested(Idle, Started));
        assertEquals(List.of(Started), Lifecycle.streamArrived(Starting));
    }

    @Test
    void stopLiveSourceGoesThroughStoppingToDvrOnly() {
        assertEquals(List.of(Stopping, Stopped), Lifecycle.requested(Started, Stopped));
        assertEquals(List.of(Stopping, Stopped), Lifecycle.requested(Starting, Stopped));
        assertEquals(List.of(Stopping, Stopped), Lifecycle.allStreamsEnded(Started));
    }

    @ParameterizedTest
    @EnumSource(names = {"Starting", "Started", "Stopped", "Error"})
    void shutDownFromAnyRunningStateGoesThroughShuttingDown(PublishingPointState from) {
        assertEquals(List.of(ShuttingDown, Idle), Lifecycle.requested(from, Idle));
    }

    @Test
    void askingForTheCurrentStateChangesNothing() {
        assertEquals(List.of(), Lifecycle.requested(Idle, Idle));
        assertEquals(List.of(), Lifecycle.requested(Started, Started));
        assertEquals(List.of(), Lifecycle.requested(Starting, Started));
        assertEquals(List.of(), Lifecycle.requested(Stopped, Stopped));
    }

    @Test
    void anEventThatEndedCannotResume() {
        ManagementException e = assertThrows(ManagementException.class, () -> Lifecycle.requested(Stopped, Started));
        assertEquals(ErrorCode.MPE_MGMT_STATE_TRANSITION_INVALID, e.code());
    }

    @Test
    void aShutDownPointCannotBeStopped() {
        assertEquals(ErrorCode.MPE_MGMT_STATE_TRANSITION_INVALID,
                assertThrows(ManagementException.class, () -> Lifecycle.requested(Idle, Stopped)).code());
    }

    @ParameterizedTest
    @EnumSource(names = {"Starting", "Stopping", "ShuttingDown", "Error"})
    void internalStatesCannotBeRequested(PublishingPointState target) {
        assertEquals(ErrorCode.MPE_MGMT_STATE_TRANSITION_NOT_SUPPORTED,
                assertThrows(ManagementException.class, () -> Lifecycle.requested(Idle, target)).code());
    }

    @Test
    void aPointInTransitionIsLocked() {
        assertEquals(ErrorCode.MPE_MGMT_PUBLISHING_POINT_LOCKED,
                assertThrows(ManagementException.class, () -> Lifecycle.requested(Stopping, Idle)).code());
    }

    @Test
    void automaticStartAndRestart() {
        assertEquals(List.of(Starting), Lifecycle.autoStart(Idle));
        assertEquals(List.of(), Lifecycle.autoStart(Started));
        assertEquals(List.of(ShuttingDown, Idle, Starting), Lifecycle.autoRestart(Stopped));
        assertEquals(List.of(), Lifecycle.autoRestart(Started));
        assertEquals(List.of(Error), Lifecycle.failed(Started));
        assertEquals(List.of(), Lifecycle.failed(Error));
    }

    @Test
    void aPointInErrorIsLeftByShuttingItDownWhichClearsTheLastError() {
        assertEquals(List.of(ShuttingDown, Idle), Lifecycle.requested(Error, Idle));
        ManagementException start = assertThrows(ManagementException.class, () -> Lifecycle.requested(Error, Started));
        assertEquals(ErrorCode.MPE_MGMT_STATE_TRANSITION_INVALID, start.code());
        assertTrue(start.getMessage().contains("shut the publishing point down (Idle) first"), start.getMessage());
        assertEquals(ErrorCode.MPE_MGMT_STATE_TRANSITION_INVALID,
                assertThrows(ManagementException.class, () -> Lifecycle.requested(Error, Stopped)).code());
        assertTrue(Lifecycle.allows(Error, Idle) && !Lifecycle.allows(Error, Started),
                "the screens offer only the shutdown");

        PublishingPoint live = new PublishingPoint(PublishingPointPath.of("/a.isml"), PublishingPointSettings.defaults(),
                Started, null, 1, Instant.EPOCH, Instant.EPOCH);
        PublishingPoint failed = live.enter(Error, "cannot write to the DVR storage /d: disk full", Instant.EPOCH);
        assertEquals("cannot write to the DVR storage /d: disk full", failed.lastError());
        assertEquals(1, failed.eventNumber(), "still the same event");
        PublishingPoint shutDown = failed.enter(ShuttingDown, null, Instant.EPOCH).enter(Idle, null, Instant.EPOCH);
        assertEquals(null, shutDown.lastError());
        assertEquals(2, shutDown.enter(Starting, null, Instant.EPOCH).eventNumber(), "the next start is a new event");
    }

    @Test
    void afterAServerRestartALivePointWaitsForItsEncoderAgain() {
        assertEquals(Starting, Lifecycle.afterRestart(Started));
        assertEquals(Starting, Lifecycle.afterRestart(Starting));
        assertEquals(Stopped, Lifecycle.afterRestart(Stopping));
        assertEquals(Stopped, Lifecycle.afterRestart(Stopped));
        assertEquals(Idle, Lifecycle.afterRestart(ShuttingDown));
        assertEquals(Idle, Lifecycle.afterRestart(Idle));
        assertEquals(Error, Lifecycle.afterRestart(Error));
    }

    @Test
    void startingFromIdleOpensANewEvent() {
        PublishingPoint idle = new PublishingPoint(PublishingPointPath.of("/a.isml"), PublishingPointSettings.defaults(),
                Idle, null, 3, null, java.time.Instant.EPOCH);
        PublishingPoint starting = idle.enter(Starting, null, java.time.Instant.EPOCH.plusSeconds(1));
        assertEquals(4, starting.eventNumber());
        assertEquals(4, starting.enter(Started, null, java.time.Instant.EPOCH).eventNumber());
    }

    /** The IIS Actions pane: Start Publishing Point, Stop Live Source, Shut Down Publishing Point. */
    @Test
    void theActionsOfferedAreExactlyTheRequestsThatChangeSomething() {
        assertEquals(List.of(Idle), statesOffering(Started));
        assertEquals(List.of(Starting, Started), statesOffering(Stopped));
        assertEquals(List.of(Starting, Started, Stopped, Error), statesOffering(Idle));
    }

    @Test
    void onlyAShutDownPointTakesNewSettings() {
        for (PublishingPointState state : PublishingPointState.values()) {
            assertEquals(state == Idle, Lifecycle.settingsEditable(state), state.name());
        }
    }

    private static List<PublishingPointState> statesOffering(PublishingPointState target) {
        return Arrays.stream(PublishingPointState.values()).filter(from -> Lifecycle.allows(from, target)).toList();
    }
}
