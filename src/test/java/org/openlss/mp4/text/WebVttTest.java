package org.openlss.mp4.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WebVttTest {
    private static final long MS = Cue.TICKS_PER_SECOND / 1000;

    @Test
    void readsCuesSkippingNotesStylesIdentifiersAndMarkup() {
        String file = "\uFEFFWEBVTT - captions\r\nKind: captions\r\n\r\nNOTE a comment\r\nspanning --> lines\r\n\r\n"
                + "STYLE\n::cue { color: red }\n\n"
                + "intro\n00:01.000 --> 00:02.500 line:0 position:10%\n<v Anna>Hello</v> &amp; <i>welcome</i>\n\n"
                + "1:00:00.000 --> 1:00:01.000\nfirst\nsecond\n";
        assertEquals(List.of(new Cue(1000 * MS, 2500 * MS, "Hello & welcome"),
                new Cue(3_600_000 * MS, 3_601_000 * MS, "first\nsecond")), WebVtt.read(file));
    }

    @Test
    void badFilesAreNamedByLine() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WebVtt.read("1\n00:01.000 --> 00:02.000\nx"))
                .getMessage().contains("first line is not \"WEBVTT\""));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> WebVtt.read("WEBVTT\n\n00:01 --> 00:02\nx")).getMessage().startsWith("line 3:"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> WebVtt.read("WEBVTT\n\n00:03.000 --> 00:02.000\nx")).getMessage().contains("ends before"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> WebVtt.read("WEBVTT\n\n00:61.000 --> 01:02.000\nx")).getMessage().contains("not a valid time"));
    }

    @Test
    void segmentsMapPresentationTimeToTransportStreamTime() {
        String segment = WebVtt.segment(List.of(new Cue(12_000 * MS, 14_500 * MS, "a < b\nc")), 10_000 * MS, 900_000);
        assertEquals("WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:900000,LOCAL:00:00:10.000\n\n"
                + "00:00:12.000 --> 00:00:14.500\na &lt; b\nc\n", segment);
        assertEquals(List.of(new Cue(12_000 * MS, 14_500 * MS, "a < b\nc")), WebVtt.read(segment));
    }
}
