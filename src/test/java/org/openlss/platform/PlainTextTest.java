package org.openlss.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlainTextTest {
    @Test
    void answersWithTheStatusAndTheMessageAsAnUncachedUtf8Line() throws IOException {
        RecordedResponse recorded = new RecordedResponse();
        PlainText.answer(recorded.response, 404, "no publishing point at /live/café.isml");
        assertEquals(404, recorded.status);
        assertEquals("text/plain;charset=utf-8", recorded.contentType);
        assertEquals(Map.of("Cache-Control", "no-cache"), recorded.headers);
        assertEquals("no publishing point at /live/café.isml\n", recorded.body.toString(StandardCharsets.UTF_8));
        assertEquals(recorded.body.size(), recorded.contentLength, "the length in bytes, not characters");
    }
}
