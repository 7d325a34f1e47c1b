package org.openlss.web.grizzly;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import org.glassfish.grizzly.EmptyCompletionHandler;
import org.glassfish.grizzly.WriteResult;
import org.glassfish.grizzly.http.io.OutputBuffer;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.grizzly.http.util.Header;
import org.glassfish.grizzly.http2.Http2Stream;
import org.openlss.platform.ResponseBody;
import org.openlss.player.PlayerExchange;

/**
 * A player request answered straight on Payara's HTTP server (Grizzly): bodies in memory are handed to the
 * connection as they are, without a copy into the servlet stream's buffers, and the region of a file in a body (an
 * older TS segment, an archived fragment, a DVR fragment after its rewritten {@code moof}) goes from the page cache to
 * the socket by sendfile.
 */
final class GrizzlyExchange implements PlayerExchange {
    private final Request request;
    private final Response response;
    private final boolean head;
    /** Read before a transfer starts: once it is done, Grizzly recycles the request (see {@link #sendfile}). */
    private String localAddress;
    private String remoteAddress;

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
        if (localAddress == null) {
            localAddress = request.getLocalAddr();
        }
        return localAddress;
    }

    @Override
    public String remoteAddress() {
        if (remoteAddress == null) {
            remoteAddress = request.getRemoteAddr();
        }
        return remoteAddress;
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
        if ((body.open() != null || body.file() != null) && body.length() > 0 && plainHttp1()
                && sendfile(out, body)) {
            return;
        }
        if (body.head().length > 0) {
            out.writeByteBuffer(ByteBuffer.wrap(body.head()));
        }
        if (body.length() > 0) {
            body.writeRegionTo(out::write);
        }
    }

    /**
     * Whether the response goes on an unencrypted HTTP/1.x connection, the only kind a raw file region may be
     * written to: TLS encrypts every byte in memory, and HTTP/2 (also h2c, which a request asking to upgrade is
     * answered in) frames every byte of a stream.
     */
    private boolean plainHttp1() {
        // a request on an HTTP/2 stream may still report HTTP/1.1 as its protocol: its stream is what tells
        return !request.isSecure() && request.getHeader(Header.Upgrade) == null
                && Http2Stream.getStreamFor(request.getRequest()) == null;
    }

    /**
     * The head, then the file region by sendfile; false (nothing sent) when the file cannot be opened, for the caller
     * to send the body the plain way (and fail as it does). Payara makes its responses without Grizzly's HTTP server
     * filter, which leaves Grizzly's own sendfile switched off, so the region goes to the connection as a
     * {@link FileRegion}, after the head has committed the response with the whole {@code Content-Length}. The
     * response waits (suspended) until the transfer is done.
     */
    private boolean sendfile(OutputBuffer out, ResponseBody body) throws IOException {
        FileRegion transfer;
        if (body.open() != null) {
            transfer = new FileRegion(body.open(), body.offset(), body.length(), false);
        } else {
            try {
                transfer = new FileRegion(FileChannel.open(body.file(), StandardOpenOption.READ), body.offset(),
                        body.length(), true);
            } catch (IOException e) {
                return false;
            }
        }
        try {
            if (body.head().length > 0) {
                out.writeByteBuffer(ByteBuffer.wrap(body.head()));
            }
            out.flush();
        } catch (IOException | RuntimeException e) {
            transfer.release();
            throw e;
        }
        // once the transfer is done the response resumes and Grizzly recycles the request, maybe before this thread
        // returns: what the caller still asks about the exchange (the addresses, for statistics) is read now
        localAddress();
        remoteAddress();
        // the connection's write queue releases (closes) the transfer when it is done, but not when it failed
        response.suspend();
        request.getContext().write(transfer, new EmptyCompletionHandler<>() {
            @Override
            public void completed(WriteResult result) {
                response.resume();
            }

            @Override
            public void failed(Throwable error) {
                transfer.release();
                response.resume();
            }

            @Override
            public void cancelled() {
                transfer.release();
                response.resume();
            }
        });
        return true;
    }

    @Override
    public void sendEmpty(int status) {
        response.setStatus(status);
        if (status != 304) {
            response.setContentLength(0);
        }
    }
}
