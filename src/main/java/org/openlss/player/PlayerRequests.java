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

    /**
     * Serves a GET or HEAD of a resource of a publishing point. A lane outside the container's threads passes
     * {@code mayStart} false: a read that would start its point is then left unanswered (false), since starting is
     * lifecycle work (events, executors, the database) that belongs on the container's threads.
     */
    public boolean serve(PlayerExchange exchange, PublishingPointUrl url, boolean mayStart) throws IOException {
        SmoothUrl resource = parse(exchange, url.resource());
        if (resource == null) {
            return true;
        }
        Optional<PublishingPoint> found = points.find(url.point());
        if (found.isEmpty()) {
            error(exchange, 404, "no publishing point at " + url.point().urlPath());
            return true;
        }
        PublishingPoint point = found.get();
        if (!point.settings().clientConnections().enabled()) {
            error(exchange, 403, url.point().urlPath() + " does not allow client connections");
            return true;
        }
        if (point.state() == PublishingPointState.Idle) {
            if (!mayStart) {
                return false;
            }
            point = points.startOnRequest(point.path(), false);
        }
        Presentation presentation = presentations.find(point.path()).orElse(null);
        if (presentation == null) {
            error(exchange, 404, url.point().urlPath() + " is " + point.state().wording()
                    + (point.settings().autoStart() ? "" : " (it starts on request only with AutoStart)"));
            return true;
        }
        Target target = new Target(url, resource, point, presentation);
        for (PlayerOutput output : outputs()) {
            if (output.serves(resource)) {
                output.serve(exchange, target);
                return true;
            }
        }
        error(exchange, 404, "'" + url.resource() + "' is not served on " + url.point().urlPath());
        return true;
    }

    /** The resource named by {@code text}, or null once it was answered: 400 when malformed, 404 when not Smooth. */
    public static SmoothUrl parse(PlayerExchange exchange, String text) throws IOException {
        try {
            return SmoothUrl.parse(text);
        } catch (SmoothUrl.Malformed e) {
            error(exchange, 400, e.getMessage());
        } catch (SmoothUrl.NotSmooth e) {
            error(exchange, 404, e.getMessage());
        }
        return null;
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
