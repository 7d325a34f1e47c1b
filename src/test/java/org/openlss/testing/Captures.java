package org.openlss.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.openlss.mp4.IngestBody;

/** What a real encoder (ffmpeg 5.1) sent, from the captures under src/test/resources/org/openlss/mp4/. */
public final class Captures {
    private Captures() {
    }

    public static IngestBody of(String name) {
        try (InputStream in = Captures.class.getResourceAsStream("/org/openlss/mp4/" + name)) {
            return IngestBody.parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
