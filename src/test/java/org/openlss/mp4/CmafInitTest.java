package org.openlss.mp4;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openlss.testing.Captures;

class CmafInitTest {
    private static final List<TrackDescription> TRACKS = Captures.of(Vectors.STREAM1).header().tracks();

    private static MovieHeader moov(byte[] init) {
        int ftyp = (int) Bytes.u32(init, 0);
        assertEquals("ftyp", FourCC.toString(Bytes.i32(init, 4)));
        assertEquals("cmfc", FourCC.toString(Bytes.i32(init, 8)), "CMAF brand");
        return MovieHeader.parse(Arrays.copyOfRange(init, ftyp, init.length));
    }

    @Test
    void videoHeaderCarriesTheParameterSetsOfTheLevel() {
        TrackDescription video = TRACKS.get(0);
        MovieHeader moov = moov(CmafInit.build(video));
        TrackHeader track = moov.track(CmafInit.TRACK_ID);
        assertEquals("vide", track.handler());
        assertEquals(video.timescale(), track.timescale());
        assertEquals("avc1", track.sampleEntryType());
        assertEquals(video.maxWidth(), track.width());
        assertArrayEquals(video.codecPrivateData(), track.avcConfig().codecPrivateData());
        assertEquals(TrackExtends.none(1), track.defaults());
    }

    @Test
    void audioHeaderCarriesTheAudioSpecificConfigAndLanguage() {
        TrackDescription audio = TRACKS.get(2);
        TrackDescription french = new TrackDescription(audio.trackId(), audio.type(), "audio_fra", audio.bitrate(),
                audio.timescale(), audio.fourCC(), audio.codecPrivateData(), 0, 0, 0, 0, 0, audio.samplingRate(),
                audio.channels(), 16, 4, 255, null, null, false, "fra", audio.customAttributes());
        TrackHeader track = moov(CmafInit.build(french)).track(CmafInit.TRACK_ID);
        assertEquals("soun", track.handler());
        assertEquals("mp4a", track.sampleEntryType());
        assertEquals("fra", track.language());
        assertEquals(audio.samplingRate(), track.sampleRate());
        assertEquals(audio.channels(), track.channelCount());
        assertArrayEquals(audio.codecPrivateData(), track.audioSpecificConfig());
    }

    @Test
    void codecStringsComeFromTheCodecData() {
        assertEquals("avc1.64000b", CmafCodecs.of(TRACKS.get(0)));
        assertEquals("mp4a.40.2", CmafCodecs.of(TRACKS.get(2)));
        TrackDescription vc1 = new TrackDescription(1, TrackType.VIDEO, "video", 1000, 10_000_000, "WVC1",
                new byte[] {1}, 0, 16, 16, 16, 16, 0, 0, 0, 0, 0, null, null, false, null, java.util.Map.of());
        assertEquals(415, assertThrows(BoxFormatException.class, () -> CmafInit.build(vc1)).suggestedStatus());
        assertEquals(false, CmafCodecs.carried(vc1));
    }
}
