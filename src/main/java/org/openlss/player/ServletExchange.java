package org.openlss.player;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.openlss.platform.ResponseBody;

/** A player request served through the servlet container: the portable path, on every server. */
public final class ServletExchange implements PlayerExchange {
    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final boolean head;

    public ServletExchange(HttpServletRequest request, HttpServletResponse response) {
        this.request = request;
        this.response = response;
        this.head = "HEAD".equals(request.getMethod());
    }

    @Override
    public String requestHeader(String name) {
        return request.getHeader(name);
    }

    @Override
    public String localAddress() {
        return request.getLocalAddr();
    }

    @Override
    public String remoteAddress() {
        return request.getRemoteAddr();
    }

    @Override
    public void header(String name, String value) {
        response.setHeader(name, value);
    }

    @Override
    public void send(int status, String contentType, ResponseBody body) throws IOException {
        response.setStatus(status);
        response.setContentType(contentType);
        if (head) {
            response.setContentLengthLong(body.contentLength());
        } else {
            body.send(response);
        }
    }

    @Override
    public void sendEmpty(int status) {
        response.setStatus(status);
        if (status != HttpServletResponse.SC_NOT_MODIFIED) {
            response.setContentLength(0);
        }
    }
}
