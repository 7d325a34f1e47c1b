package org.openlss.pubpoint.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openlss.pubpoint.ErrorCode;
import org.openlss.pubpoint.InvalidSettingException;
import org.openlss.pubpoint.ManagementException;
import org.openlss.pubpoint.rest.ManagementDocument.ErrorBody;

/**
 * Every failure of a management request becomes the IIS error body (HRESULT code and a readable message), in the
 * representation the client speaks. Unexpected failures are logged and answered 500 with the same shape.
 */
@Provider
public class ManagementExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(ManagementExceptionMapper.class.getName());

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(Throwable failure) {
        ErrorBody body;
        if (failure instanceof ManagementException e) {
            body = new ErrorBody(e.code(), e.getMessage(),
                    e instanceof InvalidSettingException s ? s.field() : null);
        } else if (failure instanceof WebApplicationException e && e.getResponse().getStatus() < 500) {
            body = fromStatus(e.getResponse().getStatus());
        } else {
            LOG.log(Level.SEVERE, "Management request failed", failure);
            body = new ErrorBody(ErrorCode.MPE_MGMT_INTERNAL_ERROR,
                    "The server failed to carry out the request: " + failure, null);
        }
        return Response.status(body.code().httpStatus()).type(representation()).entity(body)
                .header("Cache-Control", "no-store").build();
    }

    private static ErrorBody fromStatus(int status) {
        return switch (status) {
            case 404 -> new ErrorBody(ErrorCode.MPE_MGMT_PUBLISHING_POINT_NOT_FOUND, "No such resource.", null);
            case 405 -> new ErrorBody(ErrorCode.MPE_MGMT_METHOD_NOT_ALLOWED,
                    "This method is not allowed on this resource.", null);
            case 415 -> new ErrorBody(ErrorCode.MPE_MGMT_CONTENT_TYPE_NOT_SUPPORTED,
                    "Send the body as application/atom+xml (or application/json).", null);
            case 406 -> new ErrorBody(ErrorCode.MPE_MGMT_CONTENT_TYPE_NOT_SUPPORTED,
                    "Ask for application/atom+xml or application/json.", null);
            default -> new ErrorBody(ErrorCode.MPE_MGMT_INVALID_DATA, "The request is invalid (HTTP " + status + ").",
                    null);
        };
    }

    /** JSON when the client sends or asks for JSON, otherwise the IIS XML. */
    private MediaType representation() {
        if (headers != null) {
            MediaType sent = headers.getMediaType();
            if (sent != null && sent.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return MediaType.APPLICATION_JSON_TYPE;
            }
            for (MediaType accepted : headers.getAcceptableMediaTypes()) {
                if (accepted.isWildcardType()) {
                    break;
                }
                if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                    return MediaType.APPLICATION_JSON_TYPE;
                }
                if (accepted.getSubtype().endsWith("xml")) {
                    break;
                }
            }
        }
        return MediaType.APPLICATION_XML_TYPE;
    }
}
