package org.openlss.player;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * An output that answers player requests (manifests, fragments, playlists, segments) in-process, without a servlet
 * forward: they are short and many, and a forward cost a quarter of such a request's CPU on Payara.
 */
public interface PlayerOutput {
    /** Whether this output serves {@code resource} (e.g. the {@code format=m3u8-aapl} forms for HLS). */
    boolean serves(SmoothUrl resource);

    /** Serves a GET (or HEAD, whose body the edge discards) of a resolved target. */
    void serve(HttpServletRequest request, HttpServletResponse response, PlayerRequests.Target target)
            throws IOException;
}
