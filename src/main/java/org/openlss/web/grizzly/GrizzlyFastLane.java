package org.openlss.web.grizzly;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.openlss.player.PlayerRequests;
import org.openlss.pubpoint.PublishingPointUrl;
import org.openlss.web.HttpEdge;

/**
 * Payara's HTTP handler with a lane for player reads in front: a GET or HEAD of a publishing point's player resource
 * is answered here, by the same player gate as on the servlet path, without the servlet pipeline (mapping, valves,
 * filter chain, facades) that costs more than the answer itself; every other request goes on to the container's own
 * handler untouched. Only plain paths take the lane: anything the servlet container would have to decode or
 * normalise (escapes, dot segments, path parameters) goes the servlet way.
 */
final class GrizzlyFastLane extends HttpHandler {
    private static final Logger LOG = Logger.getLogger(GrizzlyFastLane.class.getName());

    private final HttpHandler container;
    private final String contextPath;
    private final PlayerRequests players;
    private final ClassLoader application;

    /**
     * @param container   the handler this one stands in front of, and gives back when the application stops
     * @param contextPath where the application is deployed ("" at the root)
     */
    GrizzlyFastLane(HttpHandler container, String contextPath, PlayerRequests players, ClassLoader application) {
        super(container.getName());
        this.container = container;
        this.contextPath = contextPath;
        this.players = players;
        this.application = application;
        setAllowEncodedSlash(container.isAllowEncodedSlash());
        setAllowCustomStatusMessage(container.isAllowCustomStatusMessage());
        setRequestURIEncoding(container.getRequestURIEncoding());
    }

    HttpHandler container() {
        return container;
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        PublishingPointUrl url = playerRead(request);
        if (url == null) {
            container.service(request, response);
            return;
        }
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(application);
        try {
            players.serve(new GrizzlyExchange(request, response, request.getMethod() == Method.HEAD), url);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Player request " + request.getRequestURI() + " failed", e);
            if (!response.isCommitted()) {
                response.reset();
                response.sendError(500, "the server failed to answer: " + e);
            }
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    /** The publishing point URL of a public player read this lane answers, or null for the container. */
    private PublishingPointUrl playerRead(Request request) {
        Method method = request.getMethod();
        if (method != Method.GET && method != Method.HEAD) {
            return null;
        }
        String uri = request.getRequestURI();
        if (!uri.startsWith(contextPath) || !plain(uri, contextPath.length())) {
            return null;
        }
        return HttpEdge.publicPlayerRead(uri.substring(contextPath.length()));
    }

    /** A path the container would take as it is: rooted, no escapes, no dot segments, no path parameters. */
    static boolean plain(String uri, int from) {
        if (uri.length() <= from || uri.charAt(from) != '/') {
            return false;
        }
        for (int i = from; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c == '%' || c == ';' || c == '\\' || c == '/' && i + 1 < uri.length()
                    && (uri.charAt(i + 1) == '/' || uri.charAt(i + 1) == '.')) {
                return false;
            }
        }
        return true;
    }
}
