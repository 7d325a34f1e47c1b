package org.openlss.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.openlss.platform.ServerConfig;
import org.openlss.pubpoint.PublishingPoint;
import org.openlss.pubpoint.PublishingPoints;

/**
 * Serves the cross-domain policy files ({@link CrossDomainPolicy}) to anyone: {@code OPENLSS_CROSS_DOMAIN_ORIGINS}
 * (comma-separated origins, default {@code *}) may read the publishing points and the archives. A point created later
 * appears in Silverlight's policy within the minute the policy may be cached.
 */
@WebServlet(urlPatterns = {PolicyFileServlet.SILVERLIGHT, PolicyFileServlet.FLASH})
public class PolicyFileServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String SILVERLIGHT = "/clientaccesspolicy.xml";
    static final String FLASH = "/crossdomain.xml";
    static final String ORIGINS_KEY = "openlss.cross.domain.origins";

    @Inject
    transient ServerConfig config;
    @Inject
    transient PublishingPoints points;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<String> origins = origins(config.value(ORIGINS_KEY).orElse(CrossDomainPolicy.ANY));
        byte[] body = SILVERLIGHT.equals(request.getServletPath())
                ? CrossDomainPolicy.clientAccessPolicy(origins, mediaPaths())
                : CrossDomainPolicy.crossDomain(origins);
        response.setContentType("text/xml;charset=utf-8");
        response.setHeader("Cache-Control", "public, max-age=60");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The configured list, e.g. {@code https://a.example, https://b.example}; blanks between commas are skipped. */
    static List<String> origins(String configured) {
        return Arrays.stream(configured.split(",")).map(String::trim).filter(o -> !o.isEmpty()).toList();
    }

    private List<String> mediaPaths() {
        List<String> paths = new ArrayList<>();
        for (PublishingPoint point : points.all()) {
            paths.add(point.path().urlPath());
        }
        paths.add(PublicReads.ARCHIVE + "/");
        return paths;
    }
}
