package org.openlss.player;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SmoothUrlTest {
    @ParameterizedTest
    @ValueSource(strings = {"Manifest", "manifest", "MANIFEST", "Manifest/"})
    void manifestInAnyCase(String resource) {
        SmoothUrl url = SmoothUrl.parse(resource);
        assertInstanceOf(SmoothUrl.Manifest.class, url);
        assertFalse(url.hls());
    }

    @Test
    void fragmentsWithEveryNounAndCustomAttributes() {
        SmoothUrl.Fragment f = (SmoothUrl.Fragment) SmoothUrl.parse(
                "QualityLevels(307200,hardwareProfile=1000)/Fragments(video=14332589090425811)");
        assertEquals(307200, f.bitrate());
        assertEquals(Map.of("hardwareProfile", "1000"), f.attributes());
        assertEquals(SmoothUrl.Noun.Fragments, f.noun());
        assertEquals("video", f.streamName());
        assertEquals(14332589090425811L, f.time());
        for (SmoothUrl.Noun noun : SmoothUrl.Noun.values()) {
            assertEquals(noun, ((SmoothUrl.Fragment) SmoothUrl.parse("qualitylevels(128000)/"
                    + noun.name().toLowerCase() + "(audio_und=0)")).noun());
        }
    }

    @Test
    void hlsForms() {
        assertTrue(SmoothUrl.parse("Manifest(format=m3u8-aapl)").hls());
        assertTrue(SmoothUrl.parse("manifest(format=m3u8-aapl).m3u8").hls());
        SmoothUrl.LevelManifest level = (SmoothUrl.LevelManifest) SmoothUrl.parse(
                "QualityLevels(700000)/Manifest(video,format=m3u8-aapl)");
        assertEquals("video", level.streamName());
        assertTrue(level.hls());
        SmoothUrl.Fragment segment = (SmoothUrl.Fragment) SmoothUrl.parse(
                "QualityLevels(700000)/Fragments(video=17184000000000000,format=m3u8-aapl).ts");
        assertTrue(segment.hls());
        assertEquals(17184000000000000L, segment.time());
        assertInstanceOf(SmoothUrl.KeyFile.class, SmoothUrl.parse("KeyFile(format=m3u8-aapl)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"QualityLevels(abc)/Fragments(video=1)", "QualityLevels(1)/Fragments(video=x)",
            "QualityLevels(1)/Fragments(video=-5)", "QualityLevels(1)/Fragments(video=99999999999999999999)",
            "QualityLevels(99999999999)/Fragments(video=1)", "QualityLevels(1)/Fragments(video)",
            "QualityLevels(1)", "QualityLevels(1,broken)/Fragments(video=1)", "QualityLevels()/Fragments(v=1)",
            "QualityLevels(1)/Fragments(video=1,formet=x)", "QualityLevels(1)/Fragments(video=1"})
    void malformedValuesAreA400(String resource) {
        assertThrows(SmoothUrl.Malformed.class, () -> SmoothUrl.parse(resource));
    }

    @Test
    void cmafFormsAndTheirHeaders() {
        SmoothUrl dash = SmoothUrl.parse("Manifest(format=MPD-time-CMAF)");
        assertEquals(SmoothUrl.DASH_CMAF, dash.format());
        assertTrue(dash.cmaf());
        assertFalse(dash.hls());
        assertEquals(SmoothUrl.HLS_CMAF, SmoothUrl.parse("QualityLevels(700000)/Manifest(video,format=m3u8-cmaf)")
                .format());
        SmoothUrl.Fragment segment = (SmoothUrl.Fragment) SmoothUrl.parse(
                "QualityLevels(700000)/Fragments(video=36000000000000,format=mpd-time-cmaf)");
        assertEquals(36000000000000L, segment.time());
        assertTrue(segment.cmaf());
        assertEquals(new SmoothUrl.Init(700000, Map.of("k", "v"), "video", SmoothUrl.HLS_CMAF),
                SmoothUrl.parse("QualityLevels(700000,k=v)/Fragments(video=i,format=m3u8-cmaf)"));
        assertEquals(null, SmoothUrl.parse("Manifest").format());
    }

    @ParameterizedTest
    @ValueSource(strings = {"QualityLevels(1)/Fragments(video=i)", "QualityLevels(1)/Fragments(video=i,format=m3u8-aapl)",
            "QualityLevels(1)/FragmentInfo(video=i,format=mpd-time-cmaf)"})
    void aHeaderExistsOnlyInTheCmafFormats(String resource) {
        assertThrows(SmoothUrl.Malformed.class, () -> SmoothUrl.parse(resource));
    }

    @ParameterizedTest
    @ValueSource(strings = {"index.html", "QualityLevels(1)/Chunks(video=1)", "Manifest(format=mpd-time-csf)",
            "Streams(x)"})
    void otherResourcesAreA404(String resource) {
        assertThrows(SmoothUrl.NotSmooth.class, () -> SmoothUrl.parse(resource));
    }
}
