package org.openlss.archive;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.openlss.player.ServletExchange;

/** The archives through the servlet container: {@code /archive/*}, answered by {@link ArchiveDelivery}. */
public class ArchiveServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    ArchiveDelivery delivery;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        delivery.serve(new ServletExchange(request, response), request.getRequestURI(), request.getPathInfo());
    }
}
