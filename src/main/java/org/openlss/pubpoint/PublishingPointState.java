package org.openlss.pubpoint;

/**
 * Lifecycle states with their IIS REST values. The UI names differ: Idle is "Shutdown", Started is "Live", Stopped is
 * "DVR-only"; Stopping and ShuttingDown are transitions, Error is entered on failure.
 */
public enum PublishingPointState {
    Idle("Shutdown"),
    Starting("Starting"),
    Started("Live"),
    Stopping("Stopping"),
    Stopped("DVR-only"),
    ShuttingDown("Shutting down"),
    Error("Error");

    private final String uiName;

    PublishingPointState(String uiName) {
        this.uiName = uiName;
    }

    public String uiName() {
        return uiName;
    }

    /**
     * The one wording of a state wherever a person reads it (screens, messages): the REST value the API and IIS
     * Manager's State column use, with the lifecycle's name where it says more, e.g. "Started (Live)".
     */
    public String wording() {
        return uiName.equalsIgnoreCase(name().replaceAll("(?<=[a-z])(?=[A-Z])", " ")) ? uiName
                : name() + " (" + uiName + ")";
    }

    /** Whether an administrator may ask for this state (a PUT names the target, never a transition). */
    public boolean settable() {
        return this == Idle || this == Started || this == Stopped;
    }

    /** Whether the point runs an event: it accepts or holds live data. */
    public boolean running() {
        return this == Starting || this == Started;
    }

    /** Whether the point has an event whose DVR content clients may play. */
    public boolean hasEvent() {
        return this == Starting || this == Started || this == Stopping || this == Stopped;
    }

    /** Parses the REST value of {@code field}, matching case-insensitively as IIS did. */
    public static PublishingPointState parse(String field, String value) {
        for (PublishingPointState state : values()) {
            if (state.name().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return state;
            }
        }
        throw new InvalidSettingException(field, "'" + value + "' is not a state; use Idle, Started or Stopped");
    }
}
