package org.openlss.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import org.openlss.archive.ArchiveDelivery;
import org.openlss.player.PlayerExchange;
import org.openlss.player.PlayerRequests;
import org.openlss.pubpoint.PublishingPointUrl;

/**
 * The reads anyone may make, answered by a lane in front of the servlet container: the player resources of publishing
 * points and the archives. Exactly what {@link HttpEdge} would let through without credentials and hand to the same
 * code, so both lanes answer alike.
 */
@ApplicationScoped
public class PublicReads {
    static final String ARCHIVE = "/archive";

    @Inject
    PlayerRequests players;
    @Inject
    ArchiveDelivery archives;

    /**
     * Answers a GET or HEAD of {@code path} (below the application's context, decoded as the servlet container would)
     * when it is a public read; returns false, having sent nothing, for anything else.
     */
    public boolean serve(PlayerExchange exchange, String rawUri, String path) throws IOException {
        PublishingPointUrl url = HttpEdge.publicPlayerRead(path);
        if (url != null) {
            return players.serve(exchange, url, false);
        }
        if (path.startsWith(ARCHIVE + "/") && PublishingPointUrl.parse(path).isEmpty()) {
            archives.serve(exchange, rawUri, path.substring(ARCHIVE.length()));
            return true;
        }
        return false;
    }
}
