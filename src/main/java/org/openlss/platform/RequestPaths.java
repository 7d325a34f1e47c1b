package org.openlss.platform;

import jakarta.servlet.http.HttpServletRequest;

/** The request path the way the container matched it; never the raw URI, where {@code ..} and {@code %2f} hide. */
public final class RequestPaths {
    private RequestPaths() {
    }

    public static String of(HttpServletRequest request) {
        String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
        String pathInfo = request.getPathInfo();
        return pathInfo == null ? servletPath : servletPath + pathInfo;
    }
}
