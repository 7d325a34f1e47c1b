package org.openlss.mp4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrackDescriptionsTest {
    private static final byte[] MOOV = CaptureParts.moov(Vectors.resource(Vectors.STREAM1));

    private static LiveServerManifest smil(String tracks) {
        return LiveServerManifest.parse(("<smil xmlns=\"http://www.w3.org/2001/SMIL20/Language\"><body><switch>"
                + tracks + "</switch></body></smil>").getBytes(StandardCharsets.UTF_8));
    }

    private static String param(String name, String value) {
        return "<param name=\"" + name + "\" value=\"" + value + "\" valuetype=\"data\"/>";
    }

    private static List<TrackDescription> describe(String tracks, byte[] moov) {
        return TrackDescriptions.describe(smil(tracks), MovieHeader.parse(moov));
    }

    /** The moov with the first occurrence of {@code from} replaced (same length). */
    private static byte[] patched(String from, String to) {
        byte[] moov = MOOV.clone();
        byte[] needle = from.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i + needle.length <= moov.length; i++) {
            if (java.util.Arrays.equals(moov, i, i + needle.length, needle, 0, needle.length)) {
                System.arraycopy(to.getBytes(StandardCharsets.ISO_8859_1), 0, moov, i, needle.length);
                return moov;
            }
        }
        throw new IllegalArgumentException(from);
    }

    @Test
    void fillsWhatTheSmilLeavesOutFromTheMoov() {
        List<TrackDescription> tracks = describe("<video systemBitrate=\"1000\">" + param("trackID", "1") + "</video>"
                + "<audio systemBitrate=\"64000\">" + param("trackID", "3") + "</audio>", MOOV);
        TrackDescription video = tracks.get(0);
        assertEquals("video", video.trackName());
        assertEquals("H264", video.fourCC());
        assertEquals("000000016764000BACB4146FC980880000030008000003019078A1550000000168EF3CB0", video.codecPrivateDataHex());
        assertEquals(160, video.maxWidth());
        assertEquals(90, video.maxHeight());
        assertEquals(160, video.displayWidth());
        assertEquals(4, video.nalLengthSize());
        assertEquals(10_000_000L, video.timescale());
        assertNull(video.language(), "mdhd says und");
        assertEquals(0, video.samplingRate());
        TrackDescription audio = tracks.get(1);
        assertEquals("audio", audio.trackName());
        assertEquals("AACL", audio.fourCC());
        assertEquals("119056E500", audio.codecPrivateDataHex());
        assertEquals(48000, audio.samplingRate());
        assertEquals(2, audio.channels());
        assertEquals(16, audio.bitsPerSample());
        assertEquals(4, audio.packetSize());
        assertEquals(255, audio.audioTag());
        assertEquals(0, audio.maxWidth());
        assertEquals(0, audio.nalLengthSize());
    }

    @Test
    void smilValuesWin() {
        TrackDescription video = describe("<video systemBitrate=\"1000\" systemLanguage=\"eng\">" + param("TRACKID", "1")
                + param("timescale", "90000") + param("fourcc", "avc1") + param("Width", "640") + param("Height", "360")
                + param("DisplayWidth", "600") + param("NALUnitLengthField", "2") + param("trackName", "cam")
                + param("CodecPrivateData", "00000167640020AC00000168EE3CB0") + param("hardwareProfile", "1000")
                + param("ns_angle", "left") + "</video>", MOOV).get(0);
        assertEquals(90_000L, video.timescale());
        assertEquals("AVC1", video.fourCC());
        assertEquals(640, video.maxWidth());
        assertEquals(360, video.maxHeight());
        assertEquals(600, video.displayWidth());
        assertEquals(360, video.displayHeight());
        assertEquals(2, video.nalLengthSize());
        assertEquals("cam", video.trackName());
        assertEquals("eng", video.language());
        assertEquals("0000000167640020AC0000000168EE3CB0", video.codecPrivateDataHex(), "4-byte start codes");
        assertEquals(Map.of("hardwareProfile", "1000", "ns_angle", "left"), video.customAttributes());
    }

    @Test
    void audioConfigurationFromWaveFormatExOrRateAndChannels() {
        TrackDescription fromWfx = describe("<audio systemBitrate=\"1\">" + param("trackID", "3")
                + param("WaveFormatEx", "FF00010044AC0000803E0000040010000200" + "1208") + "</audio>", MOOV).get(0);
        assertEquals("1208", fromWfx.codecPrivateDataHex());
        assertEquals("AACL", fromWfx.fourCC());
        assertEquals(44100, fromWfx.samplingRate());
        assertEquals(1, fromWfx.channels());

        byte[] noEsds = patched("esds", "xsds");
        TrackDescription built = describe("<audio systemBitrate=\"1\">" + param("trackID", "3") + param("FourCC", "AACL")
                + param("SamplingRate", "44100") + param("Channels", "2") + "</audio>", noEsds).get(0);
        assertEquals("1210", built.codecPrivateDataHex());
        assertEquals(415, assertThrows(BoxFormatException.class, () -> describe("<audio systemBitrate=\"1\">"
                + param("trackID", "3") + "</audio>", noEsds)).suggestedStatus());

        TrackDescription wma = describe("<audio systemBitrate=\"1\">" + param("trackID", "3") + param("FourCC", "WMAP")
                + param("CodecPrivateData", "0102") + param("AudioTag", "354") + "</audio>", MOOV).get(0);
        assertEquals("0102", wma.codecPrivateDataHex());
        assertEquals(354, wma.audioTag());
    }

    @Test
    void sparseTextTracks() {
        byte[] textMoov = patched("soun", "text");
        TrackDescription text = describe("<textstream systemBitrate=\"0\">" + param("trackID", "3")
                + param("parentTrackName", "video") + param("manifestOutput", "TRUE") + param("Subtype", "SCMD")
                + param("FourCC", "scmd") + "</textstream>", textMoov).get(0);
        assertEquals(TrackType.TEXT, text.type());
        assertEquals("textstream", text.trackName());
        assertEquals("video", text.parentTrackName());
        assertTrue(text.sparse());
        assertTrue(text.manifestOutput());
        assertEquals("SCMD", text.subtype());
        assertEquals("SCMD", text.fourCC());
        assertEquals(0, text.bitrate());
        assertEquals(0, text.codecPrivateData().length);
    }

    @Test
    void refusesHeadersThatDoNotMatch() {
        assertEquals(412, assertThrows(BoxFormatException.class,
                () -> describe("<video systemBitrate=\"1\">" + param("trackID", "9") + "</video>", MOOV)).suggestedStatus());
        assertEquals(412, assertThrows(BoxFormatException.class,
                () -> describe("<audio systemBitrate=\"1\">" + param("trackID", "1") + "</audio>", MOOV)).suggestedStatus());
        assertEquals(400, assertThrows(BoxFormatException.class,
                () -> describe("<video systemBitrate=\"1\"/>", MOOV)).suggestedStatus());
        assertEquals(400, assertThrows(BoxFormatException.class, () -> describe("<video systemBitrate=\"1\">" + param("trackID", "1")
                + "</video><video systemBitrate=\"2\">" + param("trackID", "1") + "</video>", MOOV)).suggestedStatus());
        assertEquals(400, assertThrows(BoxFormatException.class,
                () -> describe("<video systemBitrate=\"4294967296\">" + param("trackID", "1") + "</video>", MOOV)).suggestedStatus());
        assertEquals(400, assertThrows(BoxFormatException.class, () -> describe("<video systemBitrate=\"1\">" + param("trackID", "1")
                + param("CodecPrivateData", "0G") + "</video>", MOOV)).suggestedStatus());
        assertEquals(400, assertThrows(BoxFormatException.class, () -> describe("<video systemBitrate=\"1\">" + param("trackID", "1")
                + param("timescale", "0") + "</video>", MOOV)).suggestedStatus());
    }

    @Test
    void refusesCodecsItCannotDescribe() {
        assertEquals(415, assertThrows(BoxFormatException.class, () -> describe("<video systemBitrate=\"1\">"
                + param("trackID", "1") + "</video>", patched("avc1", "hvc1"))).suggestedStatus());
        assertEquals(415, assertThrows(BoxFormatException.class, () -> describe("<video systemBitrate=\"1\">"
                + param("trackID", "1") + param("FourCC", "WVC1") + "</video>", MOOV)).suggestedStatus());
        assertEquals(415, assertThrows(BoxFormatException.class, () -> describe("<video systemBitrate=\"1\">"
                + param("trackID", "1") + param("FourCC", "H264") + "</video>", patched("avcC", "avcX"))).suggestedStatus());
        assertEquals("0102", describe("<video systemBitrate=\"1\">" + param("trackID", "1") + param("FourCC", "WVC1")
                + param("CodecPrivateData", "0102") + "</video>", MOOV).get(0).codecPrivateDataHex());
    }

    @Test
    void missingBitrateIsZero() {
        assertEquals(0, describe("<video>" + param("trackID", "1") + "</video>", MOOV).get(0).bitrate());
        assertEquals(5, describe("<video>" + param("trackID", "1") + param("systemBitrate", "5") + "</video>", MOOV).get(0).bitrate());
    }
}
