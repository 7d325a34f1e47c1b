package org.openlss.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.openlss.testing.TestTools;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Reads an MPD the way a DASH player does, for system tests: its representations and their segment URLs. */
final class DashManifests {
    /** One Representation: its AdaptationSet's content type, its bandwidth, and its templates filled in. */
    record Representation(String contentType, long bandwidth, String initialization, String media, List<Long> times) {
        String segment(long time) {
            return media.replace("$Time$", String.valueOf(time));
        }
    }

    private DashManifests() {
    }

    /** The MPD of {@code point} in {@code format}, or null while there is none (404). */
    static Document get(Http http, String point, String manifest) {
        HttpResponse<byte[]> r = http.anonymous().getBytes(point + "/" + manifest);
        if (r.statusCode() == 404) {
            return null;
        }
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        assertEquals("application/dash+xml", r.headers().firstValue("Content-Type").orElse(""));
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(r.body()));
        } catch (Exception e) {
            throw new AssertionError("unparsable MPD", e);
        }
    }

    static List<Representation> representations(Document mpd) {
        List<Representation> all = new ArrayList<>();
        NodeList sets = mpd.getElementsByTagName("AdaptationSet");
        for (int i = 0; i < sets.getLength(); i++) {
            Element set = (Element) sets.item(i);
            Element template = (Element) set.getElementsByTagName("SegmentTemplate").item(0);
            List<Long> times = times(set);
            NodeList levels = set.getElementsByTagName("Representation");
            for (int j = 0; j < levels.getLength(); j++) {
                String bandwidth = ((Element) levels.item(j)).getAttribute("bandwidth");
                all.add(new Representation(set.getAttribute("contentType"), Long.parseLong(bandwidth),
                        template.getAttribute("initialization").replace("$Bandwidth$", bandwidth),
                        template.getAttribute("media").replace("$Bandwidth$", bandwidth), times));
            }
        }
        return all;
    }

    /** Segment start times of an AdaptationSet, expanding {@code t}, {@code d} and {@code r}. */
    static List<Long> times(Element adaptationSet) {
        List<Long> times = new ArrayList<>();
        NodeList entries = adaptationSet.getElementsByTagName("S");
        long next = 0;
        for (int i = 0; i < entries.getLength(); i++) {
            Element s = (Element) entries.item(i);
            long t = s.hasAttribute("t") ? Long.parseLong(s.getAttribute("t")) : next;
            long d = Long.parseLong(s.getAttribute("d"));
            int r = s.hasAttribute("r") ? Integer.parseInt(s.getAttribute("r")) : 0;
            for (int k = 0; k <= r; k++) {
                times.add(t);
                t += d;
            }
            next = t;
        }
        return times;
    }

    /** Every AdaptationSet's entries start at or after the end of the one before: no overlap, no duplicate. */
    static void assertNoOverlap(Document mpd) {
        NodeList sets = mpd.getElementsByTagName("AdaptationSet");
        for (int i = 0; i < sets.getLength(); i++) {
            NodeList entries = ((Element) sets.item(i)).getElementsByTagName("S");
            long end = Long.MIN_VALUE;
            for (int j = 0; j < entries.getLength(); j++) {
                Element s = (Element) entries.item(j);
                long t = s.hasAttribute("t") ? Long.parseLong(s.getAttribute("t")) : end;
                if (t < end) {
                    throw new AssertionError("S entry " + j + " at " + t + " starts before " + end);
                }
                long d = Long.parseLong(s.getAttribute("d"));
                end = t + d * (1 + (s.hasAttribute("r") ? Long.parseLong(s.getAttribute("r")) : 0));
            }
        }
    }

    /** ffprobe reading a level's header followed by one of its segments: "codec,packets". */
    static String probe(Http http, String point, Representation level, long time) {
        byte[] header = ok(http, point + "/" + level.initialization());
        byte[] segment = ok(http, point + "/" + level.segment(time));
        try {
            Path file = Files.createTempFile(Path.of(System.getProperty("openlss.build.dir", "target")), "cmaf",
                    ".mp4");
            Files.write(file, header);
            Files.write(file, segment, java.nio.file.StandardOpenOption.APPEND);
            return TestTools.run(List.of("ffprobe", "-v", "error", "-count_packets", "-show_entries",
                    "stream=codec_name,nb_read_packets", "-of", "csv=p=0", file.toString()), new byte[0]).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] ok(Http http, String path) {
        HttpResponse<byte[]> r = http.anonymous().getBytes(path);
        assertEquals(200, r.statusCode(), path + ": " + new String(r.body(), StandardCharsets.UTF_8));
        return r.body();
    }
}
