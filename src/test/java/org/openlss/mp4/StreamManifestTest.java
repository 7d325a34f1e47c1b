package org.openlss.mp4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamManifestTest {
    @Test
    void readsTheSpecExample() {
        String xml = """
                <?xml version="1.0" encoding="utf-8"?>
                <smil xmlns="http://www.w3.org/2001/SMIL20/Language">
                  <body>
                    <par>
                      <ref src="Streams(video_3000k)" />
                      <ref src="Streams(video_1500k)" />
                      <ref src="Events(e1)/Streams(audio_128k)" />
                    </par>
                  </body>
                </smil>
                """;
        assertEquals(List.of("Streams(video_3000k)", "Streams(video_1500k)", "Events(e1)/Streams(audio_128k)"),
                StreamManifest.parse(xml.getBytes(StandardCharsets.UTF_8)).streams());
    }

    @Test
    void writesWhatItReads() {
        StreamManifest manifest = new StreamManifest(List.of("Streams(a)", "Streams(b&c)"));
        assertEquals(manifest, StreamManifest.parse(manifest.toSmil()));
        assertThrows(BoxFormatException.class, () -> StreamManifest.parse("<par/>".getBytes(StandardCharsets.UTF_8)));
    }
}
