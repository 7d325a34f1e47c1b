package org.openlss.web;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.openlss.platform.RequestPaths;
import org.openlss.player.PlayerOutput;
import org.openlss.player.PlayerRequests;
import org.openlss.player.SmoothUrl;
import org.openlss.pubpoint.PublishingPointUrl;

/**
 * The one entry point of every request: reads the path once, checks access ({@link AccessGuard}), and hands a
 * publishing point URL to what serves it. Servlet mappings cannot express {@code /<any path>/<name>.isml/...}, so
 * this splits the path at the {@code .isml} segment: player reads go in-process to a {@link PlayerOutput}, the
 * long-lived exchanges (ingest, pulls) to their servlets by a named forward, the point's management resources to the
 * API. Everything else (the API, the screens, the archive) continues down the chain, with the caller attached.
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
    Instance<PlayerOutput> outputBeans;
    private volatile List<PlayerOutput> outputs;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = RequestPaths.of(request);
        PublishingPointUrl url = path.startsWith("/services/") ? null : PublishingPointUrl.parse(path).orElse(null);
        Access access = guard.check(request, response, path, url);
        if (access.answered()) {
            return;
        }
        HttpServletRequest caller = access.caller() == null ? request
                : new CallerRequest(request, access.caller(), access.authType());
        if (url == null) {
            chain.doFilter(caller, response);
        } else {
            route(caller, response, path, url);
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
        } else if (("GET".equals(method) || "HEAD".equals(method)) && !url.resource().isEmpty()) {
            play(request, "HEAD".equals(method) ? new HeadResponse(response) : response, url);
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

    /** A player request: the resource is parsed here once, and the output that serves it answers. */
    private void play(HttpServletRequest request, HttpServletResponse response, PublishingPointUrl url)
            throws IOException {
        SmoothUrl resource;
        try {
            resource = SmoothUrl.parse(url.resource());
        } catch (SmoothUrl.Malformed e) {
            PlayerRequests.error(response, 400, e.getMessage());
            return;
        } catch (SmoothUrl.NotSmooth e) {
            PlayerRequests.error(response, 404, e.getMessage());
            return;
        }
        PlayerRequests.Target target = players.resolve(response, url, resource);
        if (target == null) {
            return;
        }
        for (PlayerOutput output : outputs()) {
            if (output.serves(resource)) {
                output.serve(request, response, target);
                return;
            }
        }
        PlayerRequests.error(response, 404, "'" + url.resource() + "' is not served on " + url.point().urlPath());
    }

    private List<PlayerOutput> outputs() {
        List<PlayerOutput> found = outputs;
        if (found == null) {
            outputs = found = outputBeans.stream().toList();
        }
        return found;
    }
}
