package org.openlss.player;

import java.io.IOException;
import org.openlss.platform.ResponseBody;

/**
 * One player request and its answer, as the outputs see them: through the servlet container, or through a lane of
 * the container's own HTTP server that skips the servlet machinery. A HEAD gets the headers of the GET, no body.
 */
public interface PlayerExchange {
    /** A request header, or null. */
    String requestHeader(String name);

    /** The address the request came in on, for the connection details. */
    String localAddress();

    /** The address the request came from, to count a destination's clients. */
    String remoteAddress();

    /** Sets a response header. */
    void header(String name, String value);

    /** Answers {@code status} with {@code body} (its Content-Length set). */
    void send(int status, String contentType, ResponseBody body) throws IOException;

    /** Answers {@code status} with no body (304, 412). */
    void sendEmpty(int status) throws IOException;
}
