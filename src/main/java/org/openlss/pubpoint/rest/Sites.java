package org.openlss.pubpoint.rest;

import jakarta.ws.rs.core.UriInfo;
import java.net.URI;

/** The server's root URL as the client addressed it, for resource ids and links. */
final class Sites {
    private Sites() {
    }

    static URI root(UriInfo uri) {
        return uri.getBaseUri().resolve("/");
    }
}
