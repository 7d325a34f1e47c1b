package org.openlss.mp4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientManifestCodecsTest {
    /** As IIS wrote .ismc files: UTF-16 with a byte order mark, two audio languages at one bitrate. */
    private static final String ISMC = "\uFEFF<?xml version=\"1.0\" encoding=\"utf-16\"?>"
            + "<SmoothStreamingMedia MajorVersion=\"2\" MinorVersion=\"0\" Duration=\"1\">"
            + "<StreamIndex Type=\"video\" Name=\"video\"><QualityLevel Index=\"0\" Bitrate=\"2962000\" FourCC=\"WVC1\""
            + " Width=\"1280\" Height=\"720\" CodecPrivateData=\"250000010F\"/></StreamIndex>"
            + "<StreamIndex Type=\"audio\" Name=\"audio_eng\"><QualityLevel Bitrate=\"64000\" FourCC=\"WMA2\""
            + " AudioTag=\"353\" CodecPrivateData=\"008800\"/></StreamIndex>"
            + "<StreamIndex Type=\"audio\" Name=\"audio_fra\"><QualityLevel Bitrate=\"64000\" FourCC=\"WMA2\""
            + " AudioTag=\"353\" CodecPrivateData=\"008801\"/></StreamIndex></SmoothStreamingMedia>";

    @Test
    void aServerManifestTrackFindsItsLevelByTypeBitrateAndStreamName() {
        ClientManifestCodecs codecs = ClientManifestCodecs.parse(ISMC.getBytes(StandardCharsets.UTF_16BE));

        assertEquals(Map.of("FourCC", "WVC1", "CodecPrivateData", "250000010F", "Width", "1280", "Height", "720",
                "trackName", "video"), codecs.codecOf(track(TrackType.VIDEO, "2962000", null)));
        assertEquals("008801", codecs.codecOf(track(TrackType.AUDIO, "64000", "audio_fra")).get("CodecPrivateData"));
        assertEquals("353", codecs.codecOf(track(TrackType.AUDIO, "64000", "audio_eng")).get("AudioTag"));
        assertEquals(Map.of(), codecs.codecOf(track(TrackType.VIDEO, "1000", null)), "no level at that bitrate");
    }

    @Test
    void anotherDocumentIsNoClientManifest() {
        BoxFormatException e = assertThrows(BoxFormatException.class,
                () -> ClientManifestCodecs.parse("<smil/>".getBytes(StandardCharsets.UTF_8)));
        assertEquals(400, e.suggestedStatus());
        assertTrue(e.getMessage().contains("not a client manifest (root smil)"), e.getMessage());
        assertEquals(400, assertThrows(BoxFormatException.class,
                () -> ClientManifestCodecs.parse("<SmoothStreamingMedia".getBytes(StandardCharsets.UTF_8)))
                .suggestedStatus());
    }

    private static SmilTrack track(TrackType type, String bitrate, String trackName) {
        SmilTrack track = new SmilTrack(type, bitrate, null);
        if (trackName != null) {
            track.addParam("trackName", trackName);
        }
        return track;
    }
}
