package org.openlss.ingest;

import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.logging.Logger;
import org.openlss.platform.ConnectionAbort;
import org.openlss.platform.PlainText;
import org.openlss.pubpoint.LivePresentations;
import org.openlss.pubpoint.PointEvents;
import org.openlss.pubpoint.PublishingPoint;
import org.openlss.pubpoint.PublishingPointState;
import org.openlss.pubpoint.PublishingPointUrl;
import org.openlss.pubpoint.PublishingPoints;
import org.openlss.pubpoint.SourceType;

/**
 * Smooth live ingest: {@code POST /<path>/<name>.isml/[Events(e)/]Streams(id)}, chunked or with a length, open for the
 * whole event. An empty POST (or one to the point itself) is the encoder's probe and is answered at once. Reading is
 * asynchronous ({@link IngestReader}); this servlet only decides whether the point takes the stream (smooth-ingest
 * §2.2): 404 no such or shut-down point, 403 a Pull point or an event that ended, 503 while the point is changing state.
 */
public class IngestServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(IngestServlet.class.getName());

    @Inject
    PublishingPoints points;
    @Inject
    LivePresentations presentations;
    @Inject
    IngestConnections connections;
    @Inject
    PointEvents events;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        PublishingPointUrl url = (PublishingPointUrl) request.getAttribute(PublishingPointUrl.class.getName());
        Optional<StreamAddress> address = StreamAddress.parse(url.resource());
        if (!url.resource().isEmpty() && address.isEmpty()) {
            refuse(request, response, 400, "'" + url.resource() + "' is not an ingest address; POST to "
                    + url.point().urlPath() + "/Streams(<id>) or /Events(<event>)/Streams(<id>)");
            return;
        }
        Optional<PublishingPoint> found = points.find(url.point());
        if (found.isEmpty()) {
            refuse(request, response, 404, "no publishing point at " + url.point().urlPath());
            return;
        }
        PublishingPoint point = admit(found.get());
        String refusal = refusal(point);
        if (refusal != null) {
            refuse(request, response, refusal.startsWith("404") ? 404 : refusal.startsWith("503") ? 503 : 403,
                    refusal.substring(4));
            return;
        }
        if (!hasBody(request)) {
            PlainText.answer(response, 200, url.point().urlPath() + " accepts streams (" + point.state() + ")");
            return;
        }
        if (address.isEmpty()) {
            refuse(request, response, 400, "POST the stream to " + url.point().urlPath() + "/Streams(<id>)");
            return;
        }
        AsyncContext async = request.startAsync();
        async.setTimeout(0);
        IngestSession session = new IngestSession(address.get(), request.getRemoteAddr(), "Push",
                () -> presentations.find(url.point()).orElse(null), () -> points.streamArrived(url.point()),
                (kind, stream, text) -> events.record(point.path(), kind, stream, text));
        ServletInputStream in = request.getInputStream();
        IngestReader reader = new IngestReader(async, in, session, connections);
        connections.opened(reader);
        in.setReadListener(reader);
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    /** Starts the point when a stream may start it (AutoStart; AutoRestartOnEncoderReconnect for a stopped point). */
    private PublishingPoint admit(PublishingPoint point) {
        PublishingPointState state = point.state();
        if (state == PublishingPointState.Idle || state == PublishingPointState.Stopped) {
            return points.startOnRequest(point.path(), true);
        }
        return point;
    }

    /** Why the point cannot take a stream now ("404 ..." / "403 ..." / "503 ..."), or null. */
    private static String refusal(PublishingPoint point) {
        if (point.settings().sourceType() == SourceType.Pull) {
            return "403 " + point.path().urlPath() + " is a Pull publishing point; it fetches its streams itself";
        }
        return switch (point.state()) {
            case Starting, Started -> null;
            case Idle -> "404 " + point.path().urlPath() + " is " + point.state().wording()
                    + "; start it (or set AutoStart)";
            case Stopped -> "403 " + point.path().urlPath() + " is " + point.state().wording()
                    + ": the event has ended; shut it down and start it for a new event";
            case Stopping, ShuttingDown -> "503 " + point.path().urlPath() + " is " + point.state().wording() + "; retry";
            case Error -> "403 " + point.path().urlPath() + " is in error: " + point.lastError();
        };
    }

    /**
     * Refuses before reading: an encoder that already sends its stream (ffmpeg sends no probe and never reads the
     * answer) only notices a closed connection.
     */
    private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String message)
            throws IOException {
        LOG.info("Ingest refused (" + status + "): " + message);
        response.setHeader("Connection", "close");
        PlainText.answer(response, status, message);
        response.flushBuffer();
        if (hasBody(request)) {
            ConnectionAbort.close(request);
        }
    }

}
