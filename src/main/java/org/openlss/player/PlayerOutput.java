package org.openlss.player;

import java.io.IOException;

/** An output that answers player requests (manifests, fragments, playlists, segments) in-process. */
public interface PlayerOutput {
    /** Whether this output serves {@code resource} (e.g. the {@code format=m3u8-aapl} forms for HLS). */
    boolean serves(SmoothUrl resource);

    /** Serves a GET (or HEAD) of a resolved target. */
    void serve(PlayerExchange exchange, PlayerRequests.Target target) throws IOException;
}
