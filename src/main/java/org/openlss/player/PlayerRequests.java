package org.openlss.player;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.openlss.live.Presentation;
import org.openlss.platform.ResponseBody;
import org.openlss.pubpoint.LivePresentations;
import org.openlss.pubpoint.PublishingPoint;
import org.openlss.pubpoint.PublishingPointState;
import org.openlss.pubpoint.PublishingPointUrl;
import org.openlss.pubpoint.PublishingPoints;

/**
 * The gate every player request (Smooth or Apple HLS) goes through, whichever lane brought it: the URL grammar (parsed
 * once), the publishing point, "allow client connections", a start on request, and the live event; then the output
 * that serves the resource. Also how the answers look.
 */
@ApplicationScoped
public class PlayerRequests {
    private static final String CORS = "Access-Control-Allow-Origin";

    @Inject
    PublishingPoints points;
    @Inject
    LivePresentations presentations;
    @Inject
    Instance<PlayerOutput> outputBeans;
    private volatile List<PlayerOutput> outputs;

    /** A player request that may be served: its resource, its publishing point and the point's current event. */
    public record Target(PublishingPointUrl url, SmoothUrl resource, PublishingPoint point, Presentation presentation) {
    }

    /** Serves a GET or HEAD of a resource of a publishing point. */
    public void serve(PlayerExchange exchange, PublishingPointUrl url) throws IOException {
        SmoothUrl resource;
        try {
            resource = SmoothUrl.parse(url.resource());
        } catch (SmoothUrl.Malformed e) {
            error(exchange, 400, e.getMessage());
            return;
        } catch (SmoothUrl.NotSmooth e) {
            error(exchange, 404, e.getMessage());
            return;
        }
        Target target = resolve(exchange, url, resource);
        if (target == null) {
            return;
        }
        for (PlayerOutput output : outputs()) {
            if (output.serves(resource)) {
                output.serve(exchange, target);
                return;
            }
        }
        error(exchange, 404, "'" + url.resource() + "' is not served on " + url.point().urlPath());
    }

    /** Whether a read of {@code url} would start its point (shut down, starting on request). */
    public boolean wouldStart(PublishingPointUrl url) {
        return points.find(url.point()).map(p -> p.state() == PublishingPointState.Idle
                && p.settings().clientConnections().enabled()).orElse(false);
    }

    /** The target of a request for {@code resource} of {@code url}, or null once it was answered with 403 or 404. */
    private Target resolve(PlayerExchange exchange, PublishingPointUrl url, SmoothUrl resource) throws IOException {
        Optional<PublishingPoint> found = points.find(url.point());
        if (found.isEmpty()) {
            error(exchange, 404, "no publishing point at " + url.point().urlPath());
            return null;
        }
        PublishingPoint point = found.get();
        if (!point.settings().clientConnections().enabled()) {
            error(exchange, 403, url.point().urlPath() + " does not allow client connections");
            return null;
        }
        if (point.state() == PublishingPointState.Idle) {
            point = points.startOnRequest(point.path(), false);
        }
        Presentation presentation = presentations.find(point.path()).orElse(null);
        if (presentation == null) {
            error(exchange, 404, url.point().urlPath() + " is " + point.state().uiName().toLowerCase()
                    + (point.settings().autoStart() ? "" : " (it starts on request only with AutoStart)"));
            return null;
        }
        return new Target(url, resource, point, presentation);
    }

    private List<PlayerOutput> outputs() {
        List<PlayerOutput> found = outputs;
        if (found == null) {
            outputs = found = outputBeans.stream().toList();
        }
        return found;
    }

    /**
     * ETags make a URL revalidatable; the event number keeps them apart across restarts. Called before any body is
     * looked up or built, so a revalidation costs no body work.
     */
    public static boolean notModified(PlayerExchange exchange, String etag) throws IOException {
        exchange.header("ETag", etag);
        exchange.header(CORS, "*");
        String match = exchange.requestHeader("If-None-Match");
        if (match != null && match.contains(etag)) {
            exchange.sendEmpty(304);
            return true;
        }
        return false;
    }

    /** A 200 with {@code body}, readable by players of any origin. */
    public static void send(PlayerExchange exchange, String contentType, ResponseBody body) throws IOException {
        exchange.header(CORS, "*");
        exchange.send(200, contentType, body);
    }

    /** A short plain-text answer that is never cached: what is wrong, or why there is nothing. */
    public static void error(PlayerExchange exchange, int status, String message) throws IOException {
        exchange.header(CORS, "*");
        exchange.header("Cache-Control", "no-cache");
        exchange.send(status, "text/plain;charset=utf-8",
                ResponseBody.of((message + "\n").getBytes(StandardCharsets.UTF_8)));
    }
}
