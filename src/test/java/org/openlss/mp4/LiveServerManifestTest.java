package org.openlss.mp4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveServerManifestTest {
    /** The example of smooth-ingest.md §4.2, with Microsoft's UTF-16 declaration. */
    private static final String SPEC_EXAMPLE = """
            <?xml version="1.0" encoding="utf-16"?>
            <smil xmlns="http://www.w3.org/2001/SMIL20/Language">
              <head>
                <meta name="creator" content="openlss-pushencoder" />
              </head>
              <body>
                <switch>
                  <video systemBitrate="1500000">
                    <param name="trackID" value="1" valuetype="data" />
                    <param name="trackName" value="video" valuetype="data" />
                    <param name="timescale" value="10000000" valuetype="data" />
                    <param name="FourCC" value="H264" valuetype="data" />
                    <param name="CodecPrivateData" value="000000016764001FACD9405005BB011000000300100000030320F18319600000000168EBECB22C" valuetype="data" />
                    <param name="MaxWidth" value="1280" valuetype="data" />
                    <param name="MaxHeight" value="720" valuetype="data" />
                  </video>
                  <audio systemBitrate="128000" systemLanguage="eng">
                    <param name="trackID" value="2" valuetype="data" />
                    <param name="fourcc" value="AACL" valuetype="data" />
                    <param name="CodecPrivateData" value="1190" valuetype="data" />
                  </audio>
                </switch>
              </body>
            </smil>
            """;

    private static byte[] utf16WithBom(String xml) {
        byte[] text = xml.getBytes(StandardCharsets.UTF_16LE);
        return TestBoxes.concat(TestBoxes.u8(0xFF, 0xFE), text);
    }

    @Test
    void readsUtf16WithBom() {
        LiveServerManifest manifest = LiveServerManifest.parse(utf16WithBom(SPEC_EXAMPLE));
        assertEquals("openlss-pushencoder", manifest.meta().get("creator"));
        assertEquals(2, manifest.tracks().size());
        SmilTrack video = manifest.tracks().get(0);
        assertEquals(TrackType.VIDEO, video.type());
        assertEquals("1500000", video.systemBitrate());
        assertEquals("1280", video.param("maxwidth"), "names compare case-insensitively");
        SmilTrack audio = manifest.tracks().get(1);
        assertEquals("eng", audio.systemLanguage());
        assertEquals("AACL", audio.param("FourCC"));
        assertNull(audio.param("MaxWidth"));
        assertEquals(List.of("trackID", "fourcc", "CodecPrivateData"), List.copyOf(audio.params().keySet()));
    }

    @Test
    void readsUtf8AndUtf16BigEndian() {
        String utf8 = SPEC_EXAMPLE.replace("utf-16", "utf-8");
        assertEquals(2, LiveServerManifest.parse(utf8.getBytes(StandardCharsets.UTF_8)).tracks().size());
        byte[] be = TestBoxes.concat(TestBoxes.u8(0xFE, 0xFF), SPEC_EXAMPLE.getBytes(StandardCharsets.UTF_16BE));
        assertEquals(2, LiveServerManifest.parse(be).tracks().size());
    }

    @Test
    void refusesDoctypesAndExternalEntities() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE smil [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<smil><body><switch><video systemBitrate=\"1\"><param name=\"trackName\" value=\"&x;\"/>"
                + "<param name=\"trackID\" value=\"1\"/></video></switch></body></smil>";
        BoxFormatException e = assertThrows(BoxFormatException.class, () -> LiveServerManifest.parse(xxe.getBytes(StandardCharsets.UTF_8)));
        assertEquals(400, e.suggestedStatus());
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE smil [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
                + "<smil><body><switch><video><param name=\"x\" value=\"&b;\"/></video></switch></body></smil>";
        assertThrows(BoxFormatException.class, () -> LiveServerManifest.parse(bomb.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void refusesBrokenDocuments() {
        for (String bad : new String[] {"", "<smil>", "not xml", "<html/>", "<smil><body/></smil>", "\u0000\u0001"}) {
            assertEquals(400, assertThrows(BoxFormatException.class,
                    () -> LiveServerManifest.parse(bad.getBytes(StandardCharsets.UTF_8)), bad).suggestedStatus());
        }
        assertThrows(BoxFormatException.class, () -> LiveServerManifest.parse(TestBoxes.u8(0xFF, 0xFE, 0x3C)));
        assertThrows(BoxFormatException.class, () -> LiveServerManifest.parse(
                "<smil><body><switch><video><param name=\"MaxWidth\" value=\"12a\"/></video></switch></body></smil>"
                .getBytes(StandardCharsets.UTF_8)).tracks().get(0).number("maxWidth", 0));
    }

    @Test
    void refusesTooManyElements() {
        StringBuilder xml = new StringBuilder("<smil><body><switch><video>");
        for (int i = 0; i < SmilXml.MAX_ELEMENTS; i++) {
            xml.append("<x/>");
        }
        xml.append("</video></switch></body></smil>");
        assertThrows(BoxFormatException.class, () -> LiveServerManifest.parse(xml.toString().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void writtenManifestDescribesTheSameTracks() {
        IngestHeader header = Vectors.ingest(Vectors.resource(Vectors.STREAM1), 0, 0).headers.get(0);
        Map<String, String> custom = new LinkedHashMap<>();
        custom.put("hardwareProfile", "1000");
        custom.put("ns_camera", "left & <right>");
        TrackDescription first = header.tracks().get(0);
        TrackDescription withCustom = new TrackDescription(first.trackId(), first.type(), first.trackName(), first.bitrate(),
                first.timescale(), first.fourCC(), first.codecPrivateData(), first.nalLengthSize(), first.maxWidth(),
                first.maxHeight(), first.displayWidth(), first.displayHeight(), 0, 0, 0, 0, 0, null, null, false,
                first.language(), custom);
        List<TrackDescription> tracks = List.of(withCustom, header.tracks().get(1), header.tracks().get(2));
        byte[] smil = LiveServerManifest.write(tracks, "openlss-test");
        assertTrue(new String(smil, StandardCharsets.UTF_8).startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>"));
        LiveServerManifest parsed = LiveServerManifest.parse(smil);
        assertEquals("openlss-test", parsed.meta().get("creator"));
        assertEquals(tracks, TrackDescriptions.describe(parsed, header.movieHeader()));
        assertEquals(List.of("hardwareProfile", "ns_camera"),
                List.copyOf(TrackDescriptions.describe(parsed, header.movieHeader()).get(0).customAttributes().keySet()));
    }
}
