package org.openlss.player;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A publishing point resource the router serves in-process, without a servlet forward: the player requests
 * (manifests, fragments, playlists, segments), short and many. A forward costs a quarter of such a request's CPU on
 * Payara. Long-lived exchanges (ingest, pulls) stay servlets reached by forward.
 */
public interface DirectHandler {
    /** The name the router's table uses for it. */
    String name();

    /** Serves a GET (or HEAD, whose body the router discards). */
    void serve(HttpServletRequest request, HttpServletResponse response) throws IOException;
}
