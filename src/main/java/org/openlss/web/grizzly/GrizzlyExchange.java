package org.openlss.web.grizzly;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.glassfish.grizzly.http.io.OutputBuffer;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.openlss.platform.ResponseBody;
import org.openlss.player.PlayerExchange;

/**
 * A player request answered straight on Payara's HTTP server (Grizzly): bodies in memory are handed to the
 * connection as they are, without a copy into the servlet stream's buffers; the region of a file in a body (a TS
 * segment, an archived fragment, a DVR fragment after its rewritten {@code moof}) is read in pieces into the
 * connection's buffers. Not by sendfile: a file region written to the connection's queue (a Grizzly {@code FileChunk},
 * as Grizzly's own sendfile does) leaves the queue's byte count unbalanced in Grizzly 4.0.2, and its selector then
 * spins at a full core for as long as a slow client keeps the connection open.
 */
final class GrizzlyExchange implements PlayerExchange {
    private final Request request;
    private final Response response;
    private final boolean head;

    GrizzlyExchange(Request request, Response response, boolean head) {
        this.request = request;
        this.response = response;
        this.head = head;
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
        response.setContentLengthLong(body.contentLength());
        if (head) {
            return;
        }
        OutputBuffer out = response.getOutputBuffer();
        if (body.head().length > 0) {
            out.writeByteBuffer(ByteBuffer.wrap(body.head()));
        }
        if (body.length() > 0) {
            body.writeRegionTo(out::write);
        }
    }

    @Override
    public void sendEmpty(int status) {
        response.setStatus(status);
        if (status != 304) {
            response.setContentLength(0);
        }
    }
}
