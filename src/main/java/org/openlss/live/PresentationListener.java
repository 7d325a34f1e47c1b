package org.openlss.live;

import org.openlss.mp4.IngestFragment;

/**
 * What outputs (archive, HLS, syndication) and the lifecycle learn from a presentation, on the ingest thread that
 * caused it, in order. Implementations must return quickly: hand work to an executor.
 */
public interface PresentationListener {
    /** An input stream connected (first time or again) and its headers were accepted. */
    default void streamOpened(IncomingStream stream) {
    }

    /** A fragment was accepted from {@code stream} (duplicates are not reported), in arrival order. */
    default void fragmentAccepted(IncomingStream stream, LiveTrack track, FragmentRef ref, IngestFragment fragment) {
    }

    /** A fragment became visible to clients (lookahead satisfied, or its stream ended). */
    default void fragmentReleased(LiveTrack track, FragmentRef ref) {
    }

    /** An input stream ended with end-of-stream. */
    default void streamEnded(IncomingStream stream) {
    }

    /** Every input stream of the event has ended with end-of-stream. */
    default void allStreamsEnded() {
    }

    /** A fragment could not be stored: {@code problem} names the storage and the cause. The event cannot go on. */
    default void storageFailed(String problem) {
    }

    /** The event is over: no more fragments will come (end of stream everywhere, or stopped by the administrator). */
    default void presentationEnded() {
    }
}
