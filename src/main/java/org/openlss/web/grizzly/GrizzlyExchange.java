package org.openlss.web.grizzly;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.glassfish.grizzly.EmptyCompletionHandler;
import org.glassfish.grizzly.WriteResult;
import org.glassfish.grizzly.http.io.OutputBuffer;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.openlss.platform.ResponseBody;
import org.openlss.player.PlayerExchange;

/**
 * A player request answered straight on Payara's HTTP server (Grizzly): bodies in memory are handed to the
 * connection as they are, without a copy into the servlet stream's buffers, and a body that is a region of a file
 * alone (an older TS segment, an archived fragment as stored) goes from the page cache to the socket by sendfile.
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
        if (body.head().length == 0 && body.file() != null && body.length() > 0 && response.isSendFileEnabled()) {
            sendfile(out, body);
            return;
        }
        if (body.head().length > 0) {
            out.writeByteBuffer(ByteBuffer.wrap(body.head()));
        }
        if (body.length() > 0) {
            body.writeRegionTo(out::write);
        }
    }

    /** The file region by sendfile: the response waits (suspended) until the transfer is done. */
    private void sendfile(OutputBuffer out, ResponseBody body) {
        response.suspend();
        try {
            out.sendfile(body.file().toFile(), body.offset(), body.length(), new EmptyCompletionHandler<>() {
                @Override
                public void completed(WriteResult result) {
                    response.resume();
                }

                @Override
                public void failed(Throwable error) {
                    response.resume();
                }

                @Override
                public void cancelled() {
                    response.resume();
                }
            });
        } catch (RuntimeException e) {
            response.resume();
            throw e;
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
