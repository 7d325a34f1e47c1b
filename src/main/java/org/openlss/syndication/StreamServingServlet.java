package org.openlss.syndication;

import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.openlss.ingest.StreamAddress;
import org.openlss.live.IncomingStream;
import org.openlss.live.Presentation;
import org.openlss.mp4.StreamManifest;
import org.openlss.platform.PlainText;
import org.openlss.pubpoint.Destinations;
import org.openlss.pubpoint.LivePresentations;
import org.openlss.pubpoint.PublishingPoint;
import org.openlss.pubpoint.PublishingPointState;
import org.openlss.pubpoint.PublishingPointUrl;
import org.openlss.pubpoint.PublishingPoints;

/**
 * Serves pulls from downstream servers ("Allow server connections"): {@code GET <point>.isml/streammanifest} lists
 * the input streams, and {@code GET <point>.isml/[Events(e)/]Streams(id)[?from=<t>]} answers with that stream in ingest
 * format, long-lived and chunked: header boxes, the stored fragments after {@code t} (all of the DVR content without
 * it, so a late downstream gets the whole window), then live fragments as they arrive, then end of stream.
 */
public class StreamServingServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String OUTPUT = "HTTP Pull";

    @Inject
    PublishingPoints points;
    @Inject
    LivePresentations presentations;
    @Inject
    Destinations destinations;
    @Inject
    SyndicationHttp http;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        PublishingPointUrl url = (PublishingPointUrl) request.getAttribute(PublishingPointUrl.class.getName());
        Optional<PublishingPoint> found = points.find(url.point());
        if (found.isEmpty()) {
            PlainText.answer(response, 404, "no publishing point at " + url.point().urlPath());
            return;
        }
        PublishingPoint point = found.get();
        if (!point.settings().serverConnections().enabled()) {
            PlainText.answer(response, 403, url.point().urlPath() + " does not allow server connections");
            return;
        }
        if (point.state() == PublishingPointState.Idle) {
            point = points.startOnRequest(point.path(), false);
        }
        Presentation presentation = presentations.find(point.path()).orElse(null);
        if (presentation == null) {
            PlainText.answer(response, 404, url.point().urlPath() + " has no event (" + point.state() + ")");
            return;
        }
        if (url.resource().toLowerCase(Locale.ROOT).equals("streammanifest")) {
            listStreams(response, presentation);
            return;
        }
        Optional<StreamAddress> address = StreamAddress.parse(url.resource());
        IncomingStream stream = address.map(a -> presentation.stream(a.streamId())).orElse(null);
        if (stream == null) {
            PlainText.answer(response, 404, "no stream '" + url.resource() + "' on " + url.point().urlPath() + " (yet)");
            return;
        }
        long after;
        try {
            String from = request.getParameter("from");
            after = from == null ? Long.MIN_VALUE : Long.parseLong(from);
        } catch (NumberFormatException e) {
            PlainText.answer(response, 400, "from must be a fragment time (a whole number)");
            return;
        }
        serve(request, response, point, presentation, stream, after);
    }

    private void serve(HttpServletRequest request, HttpServletResponse response, PublishingPoint point,
                       Presentation presentation, IncomingStream stream, long after) throws IOException {
        response.setStatus(200);
        response.setContentType("video/mp4");
        response.setHeader("Cache-Control", "no-store");
        AsyncContext async = request.startAsync();
        async.setTimeout(0);
        String host = request.getRemoteAddr();
        String name = "Pull of " + point.path().urlPath() + "/Streams(" + stream.id() + ") by " + host;
        destinations.connection(point.path(), host, OUTPUT, stream.id(), "connected");
        FeedWriter writer = new FeedWriter(async, response.getOutputStream(), http.executor(), name,
                w -> destinations.closed(point.path(), host, OUTPUT, stream.id()));
        writer.start(new StreamFeed(presentation, stream, after, 0, http.maxBehind(),
                point.settings().serverConnections().sendEndOfStreamOnStop(), writer::wake));
    }

    private static void listStreams(HttpServletResponse response, Presentation presentation) throws IOException {
        List<String> refs = presentation.streams().stream()
                .map(s -> (s.eventId().isEmpty() ? "" : "Events(" + s.eventId() + ")/") + "Streams(" + s.id() + ")")
                .toList();
        byte[] smil = new StreamManifest(refs).toSmil();
        response.setContentType("application/smil+xml;charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(smil.length);
        response.getOutputStream().write(smil);
    }

}
