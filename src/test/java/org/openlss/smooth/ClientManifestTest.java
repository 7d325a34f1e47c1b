package org.openlss.smooth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openlss.mp4.IngestBody;
import org.openlss.live.IncomingStream;
import org.openlss.live.Presentation;
import org.openlss.live.PresentationSettings;
import org.openlss.live.Timeline;
import org.openlss.live.TrackKey;
import org.openlss.mp4.TrackDescription;
import org.openlss.mp4.TrackType;
import org.openlss.mp4.IngestFragment;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.openlss.testing.Captures;

/** The client manifest against smooth-client.md §2 and what dash.js requires (§6.1), from a real ffmpeg push. */
class ClientManifestTest {
    @TempDir
    Path dir;

    @Test
    void everyLevelCarriesWhatDashJsNeedsAndTimesMatchTheFragments() throws Exception {
        Presentation p = Presentation.open(dir, new PresentationSettings(2, Duration.ZERO, 4));
        p.resume();
        IngestBody capture = Captures.of("ffmpeg-stream1.body");
        IncomingStream stream = p.connect("stream1", "", capture.header(), "h", "Push");
        capture.fragments().forEach(stream::append);

        Document live = parse(ClientManifest.write(p.streamIndexes(), new ClientManifest.Options(true, 2, 0, false)));
        Element root = live.getDocumentElement();
        assertEquals("SmoothStreamingMedia", root.getTagName());
        assertEquals("2", root.getAttribute("MajorVersion"));
        assertEquals("TRUE", root.getAttribute("IsLive"));
        assertEquals("0", root.getAttribute("Duration"), "dash.js treats a live Duration > 0 as start-over");
        assertEquals("2", root.getAttribute("LookaheadCount"));
        assertEquals("2", root.getAttribute("LookAheadFragmentCount"));
        assertEquals("0", root.getAttribute("DVRWindowLength"));
        NodeList levels = live.getElementsByTagName("QualityLevel");
        assertEquals(3, levels.getLength());
        for (int i = 0; i < levels.getLength(); i++) {
            Element level = (Element) levels.item(i);
            assertFalse(level.getAttribute("FourCC").isEmpty());
            assertEquals(level.getAttribute("FourCC").toUpperCase(), level.getAttribute("FourCC"));
            assertTrue(level.hasAttribute("CodecPrivateData"));
            Element index = (Element) level.getParentNode();
            if (index.getAttribute("Type").equals("video")) {
                assertTrue(level.getAttribute("CodecPrivateData").startsWith("00000001"));
                assertTrue(Integer.parseInt(level.getAttribute("MaxWidth")) > 0);
            } else {
                assertEquals("48000", level.getAttribute("SamplingRate"));
                assertEquals("2", level.getAttribute("Channels"));
            }
        }
        for (Element index : elements(live, "StreamIndex")) {
            String url = index.getAttribute("Url");
            assertTrue(url.contains("{bitrate}") && url.contains("{start time}") && url.contains("/Fragments("), url);
            List<Long> times = times(index);
            assertEquals(2, times.size(), "4 fragments with 2 held back");
            Set<Long> ingested = new HashSet<>();
            for (IngestFragment f : capture.fragments()) {
                ingested.add(f.time());
            }
            assertTrue(ingested.containsAll(times), "manifest times are the tfxd times: " + times);
            assertTrue(times.stream().allMatch(t -> t < (1L << 53)));
        }

        stream.endOfStream();
        Document ended = parse(ClientManifest.write(p.streamIndexes(), new ClientManifest.Options(false, 2, 0, false)));
        Element r = ended.getDocumentElement();
        assertFalse(r.hasAttribute("IsLive"));
        assertFalse(r.hasAttribute("LookaheadCount"));
        assertFalse(r.hasAttribute("DVRWindowLength"));
        assertTrue(Long.parseLong(r.getAttribute("Duration")) > 30_000_000L);
        assertEquals(4, times(elements(ended, "StreamIndex").get(0)).size());
    }

    @Test
    void noStreamWithoutFragmentsAndNoManifestWithoutAny() throws Exception {
        Presentation p = Presentation.open(dir, new PresentationSettings(2, Duration.ZERO, 4));
        p.resume();
        IngestBody capture = Captures.of("ffmpeg-stream1.body");
        p.connect("stream1", "", capture.header(), "h", "Push");
        assertNull(ClientManifest.write(p.streamIndexes(), new ClientManifest.Options(true, 2, 0, false)));
    }

    @Test
    void aManifestOutputStreamCarriesEachSampleInlineInItsChunk() throws Exception {
        TrackDescription text = new TrackDescription(1, TrackType.TEXT, "textstream_en", 1000, 10_000_000, "TTML", null,
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0, "CAPT", "video", true, "en", Map.of());
        ManifestStream stream = new ManifestStream(TrackType.TEXT, "textstream_en", 10_000_000,
                List.of(new ManifestStream.Level(new TrackKey(TrackType.TEXT, "textstream_en", 1000, Map.of()), text)),
                new Timeline(new long[] {0, 20, 30}, new long[] {20, 10, 10}), List.of("PHR0Lz4=", "", "QUJD"));
        Document d = parse(ClientManifest.writeStreams(List.of(stream), new ClientManifest.Options(true, 2, 0, true)));
        Element index = elements(d, "StreamIndex").get(0);
        assertEquals("TRUE", index.getAttribute("ManifestOutput"));
        assertEquals("video", index.getAttribute("ParentStreamIndex"));
        List<Element> cs = children(index, "c");
        assertEquals(3, cs.size(), "no runs: each fragment has its own data");
        assertEquals(List.of("PHR0Lz4=", "", "QUJD"), cs.stream().map(c -> children(c, "f").get(0).getTextContent()).toList());
        assertEquals("0", children(cs.get(0), "f").get(0).getAttribute("i"));
    }

    @Test
    void chunksUseExplicitTimesAfterGapsAndRunsInVersionTwoPointTwo() throws Exception {
        Timeline timeline = new Timeline(new long[] {100, 120, 140, 160, 200, 219, 240},
                new long[] {20, 20, 20, 20, 19, 20, 20});
        assertEquals("<c t=\"100\" d=\"20\"/><c d=\"20\"/><c d=\"20\"/><c d=\"20\"/><c t=\"200\" d=\"19\"/>"
                + "<c d=\"20\"/><c t=\"240\" d=\"20\"/>", chunks(timeline, false));
        assertEquals("<c t=\"100\" d=\"20\" r=\"4\"/><c t=\"200\" d=\"19\"/><c d=\"20\"/><c t=\"240\" d=\"20\"/>",
                chunks(timeline, true));
    }

    private static String chunks(Timeline timeline, boolean runs) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "utf-8");
        ClientManifest.chunks(w, timeline, runs);
        w.writeEndDocument();
        w.close();
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<Long> times(Element streamIndex) {
        List<Long> times = new ArrayList<>();
        long next = 0;
        for (Element c : children(streamIndex, "c")) {
            long t = c.hasAttribute("t") ? Long.parseLong(c.getAttribute("t")) : next;
            long d = Long.parseLong(c.getAttribute("d"));
            int r = c.hasAttribute("r") ? Integer.parseInt(c.getAttribute("r")) : 1;
            for (int i = 0; i < r; i++) {
                times.add(t);
                t += d;
            }
            next = t;
        }
        return times;
    }

    private static Document parse(byte[] xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static List<Element> elements(Document d, String name) {
        List<Element> list = new ArrayList<>();
        NodeList nodes = d.getElementsByTagName(name);
        for (int i = 0; i < nodes.getLength(); i++) {
            list.add((Element) nodes.item(i));
        }
        return list;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> list = new ArrayList<>();
        NodeList nodes = parent.getElementsByTagName(name);
        for (int i = 0; i < nodes.getLength(); i++) {
            list.add((Element) nodes.item(i));
        }
        return list;
    }
}
