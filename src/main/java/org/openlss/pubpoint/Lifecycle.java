package org.openlss.pubpoint;

import static org.openlss.pubpoint.PublishingPointState.Error;
import static org.openlss.pubpoint.PublishingPointState.Idle;
import static org.openlss.pubpoint.PublishingPointState.ShuttingDown;
import static org.openlss.pubpoint.PublishingPointState.Started;
import static org.openlss.pubpoint.PublishingPointState.Starting;
import static org.openlss.pubpoint.PublishingPointState.Stopped;
import static org.openlss.pubpoint.PublishingPointState.Stopping;

import java.util.List;

/**
 * The publishing point state machine (IIS: Shutdown → Starting → Live → DVR-only → Shutdown). Each method returns the
 * states the point passes through, in order, so that every step, transitions included, can be announced.
 */
public final class Lifecycle {
    private Lifecycle() {
    }

    /** What an administrator's PUT of {@code target} does from {@code current}: the states entered, empty if none. */
    public static List<PublishingPointState> requested(PublishingPointState current, PublishingPointState target) {
        if (!target.settable()) {
            throw new ManagementException(ErrorCode.MPE_MGMT_STATE_TRANSITION_NOT_SUPPORTED,
                    "The state " + target + " is entered by the server itself; request Idle, Started or Stopped.");
        }
        if (current == Stopping || current == ShuttingDown) {
            throw new ManagementException(ErrorCode.MPE_MGMT_PUBLISHING_POINT_LOCKED,
                    "The publishing point is " + current + "; retry when the transition has finished.");
        }
        if (current == target) {
            return List.of();
        }
        return switch (target) {
            case Started -> switch (current) {
                case Idle -> List.of(Starting);
                case Starting -> List.of();
                default -> throw invalid(current, target, current == Stopped
                        ? "an event that ended cannot resume; shut the publishing point down (Idle), then start it"
                        : "shut the publishing point down (Idle) first");
            };
            case Stopped -> switch (current) {
                case Starting, Started -> List.of(Stopping, Stopped);
                default -> throw invalid(current, target, "only a starting or live publishing point can be stopped");
            };
            case Idle -> List.of(ShuttingDown, Idle);
            default -> throw new IllegalStateException("unreachable: " + target);
        };
    }

    /**
     * Whether an administrator's request for {@code target} would change anything from {@code current}: the screens
     * offer an action only where this holds, so they can never disagree with {@link #requested}.
     */
    public static boolean allows(PublishingPointState current, PublishingPointState target) {
        try {
            return !requested(current, target).isEmpty();
        } catch (ManagementException refused) {
            return false;
        }
    }

    /** Settings change only while the point is shut down, so a running event never sees them move under it. */
    public static boolean settingsEditable(PublishingPointState current) {
        return current == Idle;
    }

    /** The first stream data arrived. */
    public static List<PublishingPointState> streamArrived(PublishingPointState current) {
        return current == Starting ? List.of(Started) : List.of();
    }

    /** Every stream of the event ended with end-of-stream. */
    public static List<PublishingPointState> allStreamsEnded(PublishingPointState current) {
        return current == Started ? List.of(Stopping, Stopped) : List.of();
    }

    /** A request reached an idle point that starts automatically on the first request. */
    public static List<PublishingPointState> autoStart(PublishingPointState current) {
        return current == Idle ? List.of(Starting) : List.of();
    }

    /** A new encoder stream reached a stopped point that restarts on encoder reconnect: a new event. */
    public static List<PublishingPointState> autoRestart(PublishingPointState current) {
        return current == Stopped ? List.of(ShuttingDown, Idle, Starting) : List.of();
    }

    /** The server found the point unable to run. */
    public static List<PublishingPointState> failed(PublishingPointState current) {
        return current == Error ? List.of() : List.of(Error);
    }

    /** The state a point comes back in after a server restart: a live point waits for its encoder again. */
    public static PublishingPointState afterRestart(PublishingPointState persisted) {
        return switch (persisted) {
            case Started, Starting -> Starting;
            case Stopping -> Stopped;
            case ShuttingDown -> Idle;
            default -> persisted;
        };
    }

    private static ManagementException invalid(PublishingPointState from, PublishingPointState to, String why) {
        return new ManagementException(ErrorCode.MPE_MGMT_STATE_TRANSITION_INVALID,
                "Cannot go from " + from + " to " + to + ": " + why + ".");
    }
}
