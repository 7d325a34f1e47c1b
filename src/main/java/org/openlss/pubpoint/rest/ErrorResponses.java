package org.openlss.pubpoint.rest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import org.openlss.pubpoint.ErrorCode;
import org.openlss.pubpoint.rest.ManagementDocument.ErrorBody;

/** The management error body for answers given outside JAX-RS (e.g. by the authentication mechanism). */
public final class ErrorResponses {
    private ErrorResponses() {
    }

    public static void send(HttpServletRequest request, HttpServletResponse response, ErrorCode code, String message)
            throws IOException {
        boolean json = String.valueOf(request.getHeader("Accept")).contains(ManagementMediaTypes.JSON)
                || String.valueOf(request.getContentType()).contains(ManagementMediaTypes.JSON);
        ErrorBody body = new ErrorBody(code, message, null);
        response.setStatus(code.httpStatus());
        response.setHeader("Cache-Control", "no-store");
        response.setContentType((json ? ManagementMediaTypes.JSON : "application/xml") + ";charset=utf-8");
        try (OutputStream out = response.getOutputStream()) {
            if (json) {
                new JsonProvider().writeTo(body, ErrorBody.class, ErrorBody.class, new Annotation[0], null, null, out);
            } else {
                new AtomXmlProvider().writeTo(body, ErrorBody.class, ErrorBody.class, new Annotation[0], null, null,
                        out);
            }
        }
    }
}
