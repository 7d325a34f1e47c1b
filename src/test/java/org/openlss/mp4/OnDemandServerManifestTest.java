package org.openlss.mp4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openlss.testing.Captures;

/** The archive's {@code .ism}: the shape of archive-and-syndication.md §1.4, and tracks described again from it. */
class OnDemandServerManifestTest {
    @Test
    void namesEachTracksFileAndDescribesTheTracksAgainFromItAndTheMoov() {
        IngestHeader stream1 = Captures.of("ffmpeg-stream1.body").header();
        IngestHeader audio0 = Captures.of("ffmpeg-audio0.body").header();
        List<OnDemandServerManifest.Track> tracks = new ArrayList<>();
        stream1.tracks().forEach(t -> tracks.add(new OnDemandServerManifest.Track("stream1.ismv", t)));
        audio0.tracks().forEach(t -> tracks.add(new OnDemandServerManifest.Track("audio0.isma", t)));

        byte[] ism = OnDemandServerManifest.write("channel1.ismc", tracks);
        String xml = new String(ism, StandardCharsets.UTF_8);
        assertTrue(xml.contains("<meta name=\"clientManifestRelativePath\" content=\"channel1.ismc\""), xml);
        assertTrue(xml.contains("<video src=\"stream1.ismv\" systemBitrate="), xml);
        assertTrue(xml.contains("<audio src=\"audio0.isma\" systemBitrate="), xml);

        OnDemandServerManifest parsed = OnDemandServerManifest.parse(ism);
        assertEquals("channel1.ismc", parsed.clientManifest());
        assertEquals(List.of("stream1.ismv", "audio0.isma"), parsed.sources());
        List<OnDemandServerManifest.Track> described = parsed.describe(src -> src.equals("stream1.ismv")
                ? stream1.movieHeader() : audio0.movieHeader());
        assertEquals(tracks, described);
    }

    @Test
    void aTrackWithoutItsFileIsRefused() {
        byte[] ism = """
                <?xml version="1.0" encoding="utf-8"?>
                <smil xmlns="http://www.w3.org/2001/SMIL20/Language"><body><switch>
                  <video systemBitrate="1000"><param name="trackID" value="1" valuetype="data"/></video>
                </switch></body></smil>
                """.getBytes(StandardCharsets.UTF_8);
        assertThrows(BoxFormatException.class, () -> OnDemandServerManifest.parse(ism));
    }
}
