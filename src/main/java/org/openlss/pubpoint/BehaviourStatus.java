package org.openlss.pubpoint;

/** The status IIS Manager shows for each behaviour of a publishing point (State, Archive, Client DVR, Server Distribution). */
public enum BehaviourStatus {
    /** The behaviour is not enabled. */
    Disabled,
    /** Enabled, the publishing point is shut down. */
    Idle,
    /** Waiting for external data, e.g. the encoder. */
    Starting,
    /** Actively running. */
    Started,
    /** Enabled but not running now. */
    Stopped
}
