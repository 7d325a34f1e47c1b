package org.openlss.pubpoint;

import java.time.Instant;

/**
 * One entry of a publishing point's event log: when, what kind, the input stream it concerns (empty when none, e.g. a
 * state change) and the details (remote address, old → new state, archive folder, error, upstream URLs).
 * {@code sequence} counts the point's events from 1, so each has an id of its own (the Atom entry's) and a client can
 * tell which it has seen.
 */
public record PointEvent(long sequence, Instant time, Kind kind, String stream, String text) {
    /** What happened; {@link #label()} is what the screens and the Atom feed call it. */
    public enum Kind {
        CONNECTED("Encoder connected"),
        RECONNECTED("Encoder reconnected"),
        DISCONNECTED("Encoder disconnected"),
        END_OF_STREAM("End of stream"),
        STATE_CHANGED("State changed"),
        ARCHIVE_SEGMENT_STARTED("Archive segment started"),
        ARCHIVE_ERROR("Archive error"),
        SYNDICATION_FAILOVER("Syndication failover");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One line: "Encoder connected: video1 from 10.0.0.5". */
    public String summary() {
        StringBuilder line = new StringBuilder(kind.label());
        if (!stream.isEmpty() || !text.isEmpty()) {
            line.append(": ");
        }
        line.append(stream);
        if (!stream.isEmpty() && !text.isEmpty()) {
            line.append(' ');
        }
        return line.append(text).toString();
    }
}
