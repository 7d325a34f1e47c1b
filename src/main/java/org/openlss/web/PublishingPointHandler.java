package org.openlss.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.function.BiPredicate;
import org.openlss.pubpoint.PublishingPointUrl;
import org.openlss.player.SmoothUrl;

/**
 * Which handler serves which publishing point request; the router asks each in turn. A name is that of a
 * {@link DirectHandler} bean, or else of a servlet declared in web.xml.
 */
enum PublishingPointHandler {
    /** Encoder and upstream pushes, and their probes. */
    INGEST("IngestServlet", (request, url) -> "POST".equals(request.getMethod())
            && (url.isStream() || url.resource().isEmpty())),
    /** Downstream servers pulling streams, and their stream list. */
    SYNDICATION("StreamServingServlet", (request, url) -> "GET".equals(request.getMethod()) && url.isStreamSource()),
    /** Apple HLS clients: playlists, TS segments and the key (the {@code format=m3u8-aapl} forms). */
    HLS("HLS", (request, url) -> read(request) && !url.resource().isEmpty() && hls(url.resource())),
    /** Smooth Streaming clients: manifests and fragments. */
    SMOOTH("Smooth", (request, url) -> read(request) && !url.resource().isEmpty());

    static final List<PublishingPointHandler> ALL = List.of(values());

    private final String target;
    private final BiPredicate<HttpServletRequest, PublishingPointUrl> test;

    PublishingPointHandler(String target, BiPredicate<HttpServletRequest, PublishingPointUrl> test) {
        this.target = target;
        this.test = test;
    }

    String target() {
        return target;
    }

    boolean handles(HttpServletRequest request, PublishingPointUrl url) {
        return test.test(request, url);
    }

    private static boolean read(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    }

    /** Malformed resources are not HLS: the Smooth servlet explains what is wrong with them. */
    private static boolean hls(String resource) {
        try {
            return SmoothUrl.parse(resource).hls();
        } catch (SmoothUrl.Malformed | SmoothUrl.NotSmooth e) {
            return false;
        }
    }
}
