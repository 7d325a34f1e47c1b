package org.openlss.pubpoint;

/**
 * "Allow server connections": other servers may pull this point's streams. {@code sendEndOfStreamOnStop} forwards the
 * end of stream downstream when an administrator stops the point; without it downstream servers keep running and can
 * fail over to another upstream (maintenance).
 */
public record ServerConnectionSettings(boolean enabled, boolean sendEndOfStreamOnStop) {
    public static final ServerConnectionSettings DISABLED = new ServerConnectionSettings(false, true);
}
