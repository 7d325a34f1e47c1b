package org.openlss.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.openlss.platform.ResponseBody;

/** What a response body sends, as one array. */
public final class Bodies {
    private Bodies() {
    }

    /** The bytes {@code body} sends, or null for no body. */
    public static byte[] bytes(ResponseBody body) {
        if (body == null) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            body.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
