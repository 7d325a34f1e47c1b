package org.openlss.web;

import org.openlss.platform.RequestPaths;
import org.openlss.player.DirectHandler;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.openlss.pubpoint.PublishingPointUrl;

/**
 * The one entry point for publishing point URLs. Servlet mappings cannot express {@code /<any path>/<name>.isml/...},
 * so this filter splits the path at the {@code .isml} segment and hands the request to what serves it: a
 * {@link DirectHandler} in-process, or a servlet by a named forward; every other request passes through untouched.
 */
@WebFilter(filterName = "PublishingPointRouter", urlPatterns = "/*", asyncSupported = true)
public class PublishingPointRouter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    /** Where the management API serves a point's own settings/state/statistics resources. */
    static final String MANAGEMENT_TARGET = "/services/smoothstreaming/publishingpoint/";

    @Inject
    Instance<DirectHandler> handlers;
    private volatile Map<String, DirectHandler> direct;

    private DirectHandler direct(String name) {
        Map<String, DirectHandler> byName = direct;
        if (byName == null) {
            Map<String, DirectHandler> found = new HashMap<>();
            handlers.forEach(h -> found.put(h.name(), h));
            direct = byName = Map.copyOf(found);
        }
        return byName.get(name);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = RequestPaths.of(request);
        if (path.startsWith("/services/")) {
            chain.doFilter(request, response);
            return;
        }
        Optional<PublishingPointUrl> url = PublishingPointUrl.parse(path);
        if (url.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        if (url.get().isManagement()) {
            request.getRequestDispatcher(MANAGEMENT_TARGET + url.get().point().value() + "/"
                    + url.get().resource().toLowerCase(Locale.ROOT)).forward(request, response);
            return;
        }
        for (PublishingPointHandler handler : PublishingPointHandler.ALL) {
            if (handler.handles(request, url.get())) {
                request.setAttribute(PublishingPointUrl.class.getName(), url.get());
                DirectHandler direct = direct(handler.target());
                if (direct != null) {
                    direct.serve(request, "HEAD".equals(request.getMethod()) ? new HeadResponse(response) : response);
                } else {
                    getServletContext().getNamedDispatcher(handler.target()).forward(request, response);
                }
                return;
            }
        }
        boolean stream = url.get().isStream() || url.get().resource().isEmpty();
        response.setStatus(stream ? HttpServletResponse.SC_METHOD_NOT_ALLOWED : HttpServletResponse.SC_NOT_FOUND);
        if (stream) {
            response.setHeader("Allow", "POST, GET");
        }
        response.setHeader("Cache-Control", "no-cache");
        response.setContentType("text/plain;charset=utf-8");
        response.getWriter().println(stream ? request.getMethod() + " is not supported on " + path
                : "No resource '" + url.get().resource() + "' on publishing point " + url.get().point().urlPath());
    }
}
