package org.openlss.pubpoint.rest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import org.openlss.pubpoint.ErrorCode;
import org.openlss.pubpoint.ManagementException;

/** Request bodies of the management API are small documents; anything larger is refused before it is parsed. */
final class Bodies {
    static final int MAX_BYTES = 64 * 1024;
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private Bodies() {
    }

    static InputStream bounded(InputStream in) throws IOException {
        return new ByteArrayInputStream(bytes(in));
    }

    /**
     * The body as text: JSON is UTF-8 (RFC 8259), so other bytes are refused rather than read as replacement
     * characters into a setting; a leading byte order mark is ignored.
     */
    static String utf8(InputStream in) throws IOException {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes(in))).toString();
            return !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new ManagementException(ErrorCode.MPE_MGMT_INVALID_XML,
                    "The request body is not UTF-8 text; send JSON in UTF-8.");
        }
    }

    static byte[] bytes(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BYTES + 1);
        if (body.length > MAX_BYTES) {
            throw new ManagementException(ErrorCode.MPE_MGMT_INVALID_DATA,
                    "The request body is larger than " + MAX_BYTES + " bytes.");
        }
        if (body.length == 0) {
            throw new ManagementException(ErrorCode.MPE_MGMT_INVALID_SCHEMA, "The request body is empty.");
        }
        return body;
    }
}
