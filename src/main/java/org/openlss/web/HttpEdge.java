package org.openlss.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.openlss.platform.AuditTrail;
import org.openlss.platform.RequestPaths;
import org.openlss.player.PlayerRequests;
import org.openlss.player.ServletExchange;
import org.openlss.pubpoint.PublishingPointUrl;

/**
 * The one entry point of every request: reads the path once, checks access ({@link AccessGuard}), and hands a
 * publishing point URL to what serves it. Servlet mappings cannot express {@code /<any path>/<name>.isml/...}, so
 * this splits the path at the {@code .isml} segment: player reads go in-process to the player gate, the
 * long-lived exchanges (ingest, pulls) to their servlets by a named forward, the point's management resources to the
 * API. Everything else (the API, the screens, the archive) continues down the chain, with the caller attached and
 * named to the audit trail as the one the request acts for.
 */
@WebFilter(filterName = "HttpEdge", urlPatterns = "/*", asyncSupported = true)
public class HttpEdge extends HttpFilter {
    private static final long serialVersionUID = 1L;
    /** Where the management API serves a point's own settings/state/statistics resources. */
    static final String MANAGEMENT_TARGET = "/services/smoothstreaming/publishingpoint/";
    private static final String INGEST = "IngestServlet";
    private static final String STREAM_SOURCE = "StreamServingServlet";

    @Inject
    AccessGuard guard;
    @Inject
    PlayerRequests players;
    @Inject
    AuditTrail audit;
    @Inject
    AdminResponses adminResponses;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = RequestPaths.of(request);
        PublishingPointUrl url = path.startsWith("/services/") ? null : PublishingPointUrl.parse(path).orElse(null);
        if (AdminSignIn.covers(path) || path.equals("/") || path.equals("/index.html")) {
            request = adminResponses.harden(request, response);
        }
        Access access = guard.check(request, response, path, url);
        if (access.answered()) {
            return;
        }
        if (access.caller() == null) {
            pass(request, response, chain, path, url);
            return;
        }
        try (AuditTrail.Acting acting = audit.actingAs(access.caller().name(), request.getRemoteAddr())) {
            pass(new CallerRequest(request, access.caller(), access.authType()), response, chain, path, url);
        }
    }

    private void pass(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String path,
                      PublishingPointUrl url) throws IOException, ServletException {
        if (url == null) {
            chain.doFilter(request, response);
        } else {
            route(request, response, path, url);
        }
    }

    private void route(HttpServletRequest request, HttpServletResponse response, String path, PublishingPointUrl url)
            throws IOException, ServletException {
        String method = request.getMethod();
        if (url.isManagement()) {
            request.getRequestDispatcher(MANAGEMENT_TARGET + url.point().value() + "/"
                    + url.resource().toLowerCase(Locale.ROOT)).forward(request, response);
        } else if ("POST".equals(method) && (url.isStream() || url.resource().isEmpty())) {
            request.setAttribute(PublishingPointUrl.class.getName(), url);
            getServletContext().getNamedDispatcher(INGEST).forward(request, response);
        } else if ("GET".equals(method) && url.isStreamSource()) {
            request.setAttribute(PublishingPointUrl.class.getName(), url);
            getServletContext().getNamedDispatcher(STREAM_SOURCE).forward(request, response);
        } else if (("GET".equals(method) || "HEAD".equals(method)) && isPlayerResource(url)) {
            players.serve(new ServletExchange(request, response), url, true);
        } else {
            boolean stream = url.isStream() || url.resource().isEmpty();
            response.setStatus(stream ? HttpServletResponse.SC_METHOD_NOT_ALLOWED : HttpServletResponse.SC_NOT_FOUND);
            if (stream) {
                response.setHeader("Allow", "POST, GET");
            }
            response.setHeader("Cache-Control", "no-cache");
            response.setContentType("text/plain;charset=utf-8");
            response.getWriter().println(stream ? method + " is not supported on " + path
                    : "No resource '" + url.resource() + "' on publishing point " + url.point().urlPath());
        }
    }

    /**
     * The publishing point URL of {@code path} when it is a player resource anyone may read, else null: what a lane
     * in front of the servlet container may answer by itself (for a GET or HEAD).
     */
    public static PublishingPointUrl publicPlayerRead(String path) {
        if (path.startsWith("/services/") || AdminSignIn.covers(path)) {
            return null;
        }
        PublishingPointUrl url = PublishingPointUrl.parse(path).orElse(null);
        return url != null && isPlayerResource(url) ? url : null;
    }

    /** What the player gate serves: not the point itself, its management resources or its streams for pulling. */
    private static boolean isPlayerResource(PublishingPointUrl url) {
        return !url.resource().isEmpty() && !url.isManagement() && !url.isStreamSource();
    }
}
