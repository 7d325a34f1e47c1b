package org.openlss.web.grizzly;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.openlss.web.PublicReads;

/**
 * Payara's HTTP handler with a lane for public reads in front: a GET or HEAD of a publishing point's player resource
 * or of an archive is answered here, by the same code as on the servlet path ({@link PublicReads}), without the
 * servlet pipeline (mapping, valves, filter chain, facades) that costs more than the answer itself; every other
 * request goes on to the container's own handler untouched. Only plain paths take the lane: anything the servlet container would have to decode or
 * normalise (escapes, dot segments, path parameters) goes the servlet way.
 */
final class GrizzlyFastLane extends HttpHandler {
    private static final Logger LOG = Logger.getLogger(GrizzlyFastLane.class.getName());

    private final HttpHandler container;
    private final String contextPath;
    private final PublicReads reads;
    private final ClassLoader application;

    /**
     * @param container   the handler this one stands in front of, and gives back when the application stops
     * @param contextPath where the application is deployed ("" at the root)
     */
    GrizzlyFastLane(HttpHandler container, String contextPath, PublicReads reads, ClassLoader application) {
        super(container.getName());
        this.container = container;
        this.contextPath = contextPath;
        this.reads = reads;
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
        Method method = request.getMethod();
        String uri = request.getRequestURI();
        if (method != Method.GET && method != Method.HEAD || !uri.startsWith(contextPath)
                || !plain(uri, contextPath.length())) {
            container.service(request, response);
            return;
        }
        if (!answered(request, response, method, uri)) {
            container.service(request, response);
        }
    }

    /** Answers a public read; false (nothing sent) for any other request. */
    private boolean answered(Request request, Response response, Method method, String uri) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(application);
        try {
            return reads.serve(new GrizzlyExchange(request, response, method == Method.HEAD), uri,
                    uri.substring(contextPath.length()));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Public read " + uri + " failed", e);
            if (!response.isCommitted()) {
                response.reset();
                response.sendError(500, "the server failed to answer: " + e);
            }
            return true;
        } finally {
            thread.setContextClassLoader(before);
        }
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
