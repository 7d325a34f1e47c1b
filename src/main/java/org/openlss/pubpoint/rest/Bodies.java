package org.openlss.pubpoint.rest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.openlss.pubpoint.ErrorCode;
import org.openlss.pubpoint.ManagementException;

/** Request bodies of the management API are small documents; anything larger is refused before it is parsed. */
final class Bodies {
    static final int MAX_BYTES = 64 * 1024;

    private Bodies() {
    }

    static InputStream bounded(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BYTES + 1);
        if (body.length > MAX_BYTES) {
            throw new ManagementException(ErrorCode.MPE_MGMT_INVALID_DATA,
                    "The request body is larger than " + MAX_BYTES + " bytes.");
        }
        if (body.length == 0) {
            throw new ManagementException(ErrorCode.MPE_MGMT_INVALID_SCHEMA, "The request body is empty.");
        }
        return new ByteArrayInputStream(body);
    }
}
