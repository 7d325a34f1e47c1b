package org.openlss.platform;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/** An HttpServletResponse that records what is set on it and written to it; any other call fails the test. */
final class RecordedResponse {
    int status;
    String contentType;
    long contentLength = -1;
    final Map<String, String> headers = new HashMap<>();
    final ByteArrayOutputStream body = new ByteArrayOutputStream();

    final HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(
            RecordedResponse.class.getClassLoader(), new Class<?>[]{HttpServletResponse.class}, (p, m, args) -> {
                switch (m.getName()) {
                    case "setStatus" -> status = (int) args[0];
                    case "setContentType" -> contentType = (String) args[0];
                    case "setContentLength" -> contentLength = (int) args[0];
                    case "setContentLengthLong" -> contentLength = (long) args[0];
                    case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                    case "getOutputStream" -> {
                        return output();
                    }
                    default -> throw new UnsupportedOperationException(m.getName());
                }
                return null;
            });

    private ServletOutputStream output() {
        return new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener writeListener) {
                throw new UnsupportedOperationException("blocking writes only");
            }

            @Override
            public void write(int b) {
                body.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                body.write(b, off, len);
            }
        };
    }
}
