package org.openlss.cmaf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.openlss.live.Timeline;
import org.openlss.mp4.TrackDescription;
import org.openlss.mp4.TrackType;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class MpdWriterTest {
    private static final long TEN_HOURS = 36_000L * 10_000_000L;
    private static final Instant START = Instant.parse("2026-12-04T10:00:00Z");
    private static final byte[] SPS_PPS = {0, 0, 0, 1, 0x67, 0x64, 0, 0x1f, (byte) 0xac, 0, 0, 0, 1, 0x68, (byte) 0xee};

    static TrackDescription video(long bitrate, int width) {
        return new TrackDescription(1, TrackType.VIDEO, "video", bitrate, 10_000_000, "H264", SPS_PPS, 4, width,
                width * 9 / 16, width, width * 9 / 16, 0, 0, 0, 0, 0, null, null, false, null, Map.of());
    }

    static TrackDescription audio(String language) {
        return new TrackDescription(2, TrackType.AUDIO, "audio", 64000, 10_000_000, "AACL", new byte[] {0x11, (byte) 0x90},
                0, 0, 0, 0, 0, 48000, 2, 16, 4, 255, null, null, false, language, Map.of());
    }

    /** Fragments of {@code duration} from {@code start}, {@code count} of them. */
    static Timeline contiguous(long start, long duration, int count) {
        long[] times = new long[count];
        long[] durations = new long[count];
        for (int i = 0; i < count; i++) {
            times[i] = start + i * duration;
            durations[i] = duration;
        }
        return new Timeline(times, durations);
    }

    private static List<CmafStream> streams(Timeline video, Timeline audio) {
        return List.of(new CmafStream(TrackType.VIDEO, "video", 10_000_000,
                        List.of(new CmafStream.Level(1_000_000, video(1_000_000, 640)),
                                new CmafStream.Level(300_000, video(300_000, 320))), video),
                new CmafStream(TrackType.AUDIO, "audio_eng", 10_000_000,
                        List.of(new CmafStream.Level(64000, audio("eng"))), audio));
    }

    private static MpdWriter.Timing live(long anchor, Duration window) {
        return new MpdWriter.Timing(true, anchor, 10_000_000, START, START.plusSeconds(60), window, 1,
                "Manifest(format=mpd-time-cmaf)");
    }

    private static Document parse(byte[] mpd) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(mpd));
    }

    private static List<String> entries(Element adaptationSet) {
        NodeList s = adaptationSet.getElementsByTagName("S");
        List<String> list = new ArrayList<>();
        for (int i = 0; i < s.getLength(); i++) {
            Element e = (Element) s.item(i);
            list.add(e.getAttribute("t") + "/" + e.getAttribute("d") + "/" + e.getAttribute("r"));
        }
        return list;
    }

    private static Element adaptationSet(Document mpd, int i) {
        return (Element) mpd.getElementsByTagName("AdaptationSet").item(i);
    }

    @Test
    void liveIsDynamicWithTheClockAndWindowAndARunPerContiguousStretch() throws Exception {
        Document mpd = parse(MpdWriter.write(streams(contiguous(TEN_HOURS, 20_000_000, 30),
                contiguous(TEN_HOURS, 20_000_000, 30)), live(TEN_HOURS, Duration.ZERO)));
        Element root = mpd.getDocumentElement();
        assertEquals("dynamic", root.getAttribute("type"));
        assertEquals("2026-12-04T10:00:00Z", root.getAttribute("availabilityStartTime"));
        assertEquals("2026-12-04T10:01:00Z", root.getAttribute("publishTime"));
        assertEquals("PT60.000S", root.getAttribute("timeShiftBufferDepth"), "whole event: the event so far");
        assertEquals("PT2.000S", root.getAttribute("minimumUpdatePeriod"));
        assertEquals("PT6.000S", root.getAttribute("suggestedPresentationDelay"), "lookahead 1 + 2 fragments");
        assertEquals("urn:mpeg:dash:utc:http-head:2014", ((Element) mpd.getElementsByTagName("UTCTiming").item(0))
                .getAttribute("schemeIdUri"));
        assertEquals(1, mpd.getElementsByTagName("Period").getLength());

        Element video = adaptationSet(mpd, 0);
        assertEquals(List.of(TEN_HOURS + "/20000000/29"), entries(video));
        Element template = (Element) video.getElementsByTagName("SegmentTemplate").item(0);
        assertEquals(String.valueOf(TEN_HOURS), template.getAttribute("presentationTimeOffset"),
                "a 10-hour timestamp is presentation time 0");
        assertEquals("QualityLevels($Bandwidth$)/Fragments(video=$Time$,format=mpd-time-cmaf)",
                template.getAttribute("media"));
        assertEquals("QualityLevels($Bandwidth$)/Fragments(video=i,format=mpd-time-cmaf)",
                template.getAttribute("initialization"));
        NodeList representations = video.getElementsByTagName("Representation");
        assertEquals(2, representations.getLength());
        Element first = (Element) representations.item(0);
        assertEquals("1000000", first.getAttribute("bandwidth"));
        assertEquals("avc1.64001f", first.getAttribute("codecs"));
        assertEquals("640", first.getAttribute("width"));

        Element audio = adaptationSet(mpd, 1);
        assertEquals("audio", audio.getAttribute("contentType"));
        assertEquals("eng", audio.getAttribute("lang"));
        Element level = (Element) audio.getElementsByTagName("Representation").item(0);
        assertEquals("mp4a.40.2", level.getAttribute("codecs"));
        assertEquals("48000", level.getAttribute("audioSamplingRate"));
    }

    @Test
    void aGapStaysAGapAndUnequalDurationsBreakTheRun() throws Exception {
        Timeline gappy = new Timeline(new long[] {100, 120, 140, 200, 220, 245},
                new long[] {20, 20, 20, 20, 25, 20});
        Document mpd = parse(MpdWriter.write(streams(gappy, gappy), live(100, Duration.ZERO)));
        assertEquals(List.of("100/20/2", "200/20/", "/25/", "/20/"), entries(adaptationSet(mpd, 0)));
    }

    @Test
    void aSlidingWindowStartsAtItsFirstListedFragmentAndSaysItsDepth() throws Exception {
        Document mpd = parse(MpdWriter.write(streams(contiguous(400_000_000, 20_000_000, 15),
                contiguous(400_000_000, 20_000_000, 15)), live(0, Duration.ofSeconds(30))));
        assertEquals("PT30.000S", mpd.getDocumentElement().getAttribute("timeShiftBufferDepth"));
        assertEquals(List.of("400000000/20000000/14"), entries(adaptationSet(mpd, 0)));
        assertEquals("0", ((Element) adaptationSet(mpd, 0).getElementsByTagName("SegmentTemplate").item(0))
                .getAttribute("presentationTimeOffset"), "the anchor stays where the event began");
    }

    @Test
    void afterTheEventItIsStaticWithTheEventsDuration() throws Exception {
        MpdWriter.Timing ended = new MpdWriter.Timing(false, TEN_HOURS, 10_000_000, null, START, Duration.ZERO, 1,
                "Manifest(format=mpd-time-cmaf)");
        Document mpd = parse(MpdWriter.write(streams(contiguous(TEN_HOURS, 20_000_000, 30),
                contiguous(TEN_HOURS + 1000, 20_000_000, 30)), ended));
        Element root = mpd.getDocumentElement();
        assertEquals("static", root.getAttribute("type"));
        assertEquals("PT60.000S", root.getAttribute("mediaPresentationDuration"));
        assertFalse(root.hasAttribute("availabilityStartTime"));
        assertFalse(root.hasAttribute("minimumUpdatePeriod"));
        assertEquals(0, mpd.getElementsByTagName("UTCTiming").getLength());
    }

    @Test
    void nothingListedIsNoMpdAndAStreamWithoutFragmentsIsLeftOut() throws Exception {
        Timeline empty = new Timeline(new long[0], new long[0]);
        assertNull(MpdWriter.write(streams(empty, empty), live(0, Duration.ZERO)));
        Document mpd = parse(MpdWriter.write(streams(contiguous(0, 20, 3), empty), live(0, Duration.ZERO)));
        assertEquals(1, mpd.getElementsByTagName("AdaptationSet").getLength());
        assertTrue(adaptationSet(mpd, 0).getAttribute("contentType").equals("video"));
    }
}
