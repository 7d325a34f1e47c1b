package org.openlss.pubpoint.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.openlss.pubpoint.ErrorCode;
import org.openlss.pubpoint.InvalidSettingException;
import org.openlss.pubpoint.ManagementException;

/**
 * Reads a management request body in the representation its Content-Type names. Done here rather than by JAX-RS
 * readers so that no server-provided JSON binding can take the body first.
 */
final class RequestBodies {
    private RequestBodies() {
    }

    static <T> T read(Class<T> type, HttpHeaders headers, InputStream body) {
        MediaType sent = headers.getMediaType();
        try {
            if (json(sent)) {
                return type.cast(JsonProvider.read(type, body));
            }
            if (sent != null && (sent.isCompatible(MediaType.valueOf(ManagementMediaTypes.ATOM))
                    || sent.isCompatible(MediaType.APPLICATION_XML_TYPE))) {
                return type.cast(AtomXmlProvider.read(type, body));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the request body", e);
        }
        throw new ManagementException(ErrorCode.MPE_MGMT_CONTENT_TYPE_NOT_SUPPORTED,
                "Send the body as application/atom+xml (or application/json), not " + sent + ".");
    }

    /**
     * A refusal of a {@code type} read from the body, made after reading (a credential that is not stored), with the
     * model's field name turned into the path the body's representation uses.
     */
    static InvalidSettingException named(Class<?> type, HttpHeaders headers, InvalidSettingException refusal) {
        String field = json(headers.getMediaType()) ? ModelFields.json(JsonProvider.resource(type), refusal.field())
                : ModelFields.atom(AtomXmlProvider.resource(type), refusal.field());
        return new InvalidSettingException(refusal.code(), field, refusal.problem());
    }

    private static boolean json(MediaType sent) {
        return sent != null && sent.isCompatible(MediaType.APPLICATION_JSON_TYPE);
    }
}
