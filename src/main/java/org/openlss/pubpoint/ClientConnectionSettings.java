package org.openlss.pubpoint;

import java.time.Duration;

/**
 * "Allow client connections" (Smooth and HLS players) with the DVR window: zero keeps the whole event, otherwise only
 * the most recent content of that length. {@code liveCacheLength} (optional) bounds what is kept in memory.
 */
public record ClientConnectionSettings(boolean enabled, Duration windowLength, Duration liveCacheLength,
                                       String clientManifestVersion) {
    public static final Duration MIN_WINDOW = Duration.ofSeconds(10);
    public static final Duration MAX_WINDOW = Duration.ofDays(7);
    public static final ClientConnectionSettings DEFAULT = new ClientConnectionSettings(true, Duration.ZERO, null, "2.0");

    public ClientConnectionSettings {
        Check.zeroOr("ClientConnections/WindowLength", windowLength, MIN_WINDOW, MAX_WINDOW);
        if (liveCacheLength != null) {
            Check.duration("ClientConnections/LiveCacheLength", liveCacheLength, Duration.ZERO, MAX_WINDOW);
        }
        if (clientManifestVersion == null) {
            clientManifestVersion = "2.0";
        }
        if (!clientManifestVersion.equals("2.0") && !clientManifestVersion.equals("2.2")) {
            throw new InvalidSettingException("ClientConnections/ClientManifestVersion",
                    "'" + clientManifestVersion + "' is not a client manifest version; use 2.0 or 2.2");
        }
    }

    public boolean wholeEvent() {
        return windowLength.isZero();
    }

    /** Manifest version 2.2 lets the server compress runs of equal fragments with {@code r}. */
    public boolean repeatRuns() {
        return clientManifestVersion.equals("2.2");
    }
}
