package org.openlss.player;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.openlss.platform.PlainText;
import org.openlss.live.Presentation;
import org.openlss.pubpoint.LivePresentations;
import org.openlss.pubpoint.PublishingPoint;
import org.openlss.pubpoint.PublishingPointState;
import org.openlss.pubpoint.PublishingPointUrl;
import org.openlss.pubpoint.PublishingPoints;

/**
 * What every player request (Smooth or Apple HLS) goes through before its resource is served: the URL grammar, the
 * publishing point, "allow client connections", a start on request, and the live event; and how the answers look.
 */
@ApplicationScoped
public class PlayerRequests {
    @Inject
    PublishingPoints points;
    @Inject
    LivePresentations presentations;

    /** A player request that may be served: its resource, its publishing point and the point's current event. */
    public record Target(PublishingPointUrl url, SmoothUrl resource, PublishingPoint point, Presentation presentation) {
    }

    /** The target of a request for {@code resource} of {@code url}, or null once it was answered with 403 or 404. */
    public Target resolve(HttpServletResponse response, PublishingPointUrl url, SmoothUrl resource)
            throws IOException {
        Optional<PublishingPoint> found = points.find(url.point());
        if (found.isEmpty()) {
            error(response, 404, "no publishing point at " + url.point().urlPath());
            return null;
        }
        PublishingPoint point = found.get();
        if (!point.settings().clientConnections().enabled()) {
            error(response, 403, url.point().urlPath() + " does not allow client connections");
            return null;
        }
        if (point.state() == PublishingPointState.Idle) {
            point = points.startOnRequest(point.path(), false);
        }
        Presentation presentation = presentations.find(point.path()).orElse(null);
        if (presentation == null) {
            error(response, 404, url.point().urlPath() + " is " + point.state().uiName().toLowerCase()
                    + (point.settings().autoStart() ? "" : " (it starts on request only with AutoStart)"));
            return null;
        }
        return new Target(url, resource, point, presentation);
    }

    /**
     * ETags make a URL revalidatable; the event number keeps them apart across restarts. Called before any body is
     * looked up or built, so a revalidation costs no body work.
     */
    public static boolean notModified(HttpServletRequest request, HttpServletResponse response, String etag) {
        response.setHeader("ETag", etag);
        response.setHeader("Access-Control-Allow-Origin", "*");
        String match = request.getHeader("If-None-Match");
        if (match != null && match.contains(etag)) {
            response.setStatus(304);
            return true;
        }
        return false;
    }

    public static void send(HttpServletResponse response, byte[] body) throws IOException {
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    public static void error(HttpServletResponse response, int status, String message) throws IOException {
        response.setHeader("Access-Control-Allow-Origin", "*");
        PlainText.answer(response, status, message);
    }
}
