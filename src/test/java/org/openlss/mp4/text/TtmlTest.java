package org.openlss.mp4.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TtmlTest {
    private static final long SECOND = Cue.TICKS_PER_SECOND;

    private static List<Cue> read(String document, long offset, long duration) {
        return Ttml.read(document.getBytes(StandardCharsets.UTF_8), offset, duration);
    }

    @Test
    void readsClockTimesFromTheSampleStartWithLineBreaksAndSpans() {
        String sample = """
                <?xml version="1.0" encoding="utf-8"?>
                <tt xmlns="http://www.w3.org/ns/ttml" xml:lang="en"><body><div>
                  <p begin="00:00:00.500" end="00:00:02.250">Hello
                     <span>there,</span><br/>  second line </p>
                  <p begin="00:00:03" dur="1.5s">Two</p>
                </div></body></tt>""";
        List<Cue> cues = read(sample, 100 * SECOND, 5 * SECOND);
        assertEquals(List.of(new Cue(100 * SECOND + SECOND / 2, 102 * SECOND + SECOND / 4, "Hello there,\nsecond line"),
                new Cue(103 * SECOND, 104 * SECOND + SECOND / 2, "Two")), cues);
    }

    @Test
    void readsTicksFramesOffsetsAndNestedBegins() {
        String document = """
                <tt xmlns="http://www.w3.org/2006/10/ttaf1" xmlns:ttp="http://www.w3.org/ns/ttml#parameter"
                    ttp:tickRate="10000000" ttp:frameRate="25">
                  <body begin="10s"><div begin="00:00:01:05">
                    <p begin="5000000t" end="2s">a</p>
                    <p begin="500ms">open-ended</p>
                    <p begin="0.01h" end="0.75m">b</p>
                  </div></body></tt>""";
        List<Cue> cues = read(document, 0, 60 * SECOND);
        // div begins at 10 s + 1 s 5 frames (0.2 s); its children count from there
        assertEquals(new Cue(11_700_000_0L, 13_200_000_0L, "a"), cues.get(0));
        assertEquals(new Cue(11_700_000_0L, 60 * SECOND, "open-ended"), cues.get(1));
        assertEquals(new Cue(11_200_000_0L + 36 * SECOND, 11_200_000_0L + 45 * SECOND, "b"), cues.get(2));
    }

    @Test
    void aSampleEndsTheCaptionsItHolds() {
        assertEquals(List.of(new Cue(3 * SECOND, 4 * SECOND, "cut")), read(
                "<tt xmlns='http://www.w3.org/ns/ttml'><body><p begin='1s' end='5s'>cut</p></body></tt>", 2 * SECOND,
                2 * SECOND));
    }

    @Test
    void aCaptionWithoutAnEndIsAnErrorInASidecar() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read(
                "<tt xmlns='http://www.w3.org/ns/ttml'><body><p begin='1s'>x</p></body></tt>", 0, Long.MAX_VALUE));
        assertTrue(e.getMessage().contains("has no end"), e.getMessage());
    }

    @Test
    void badInputIsNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> read("<smil/>", 0, SECOND)).getMessage()
                .contains("root is <smil>"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> read("<tt><p begin='soon' end='1s'>x</p></tt>", 0, SECOND)).getMessage()
                .contains("begin=\"soon\" is not a TTML time"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> read("<tt><p begin='5t' end='1s'>x</p></tt>", 0, SECOND)).getMessage()
                .contains("no ttp:tickRate"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> read("<tt><p>", 0, SECOND)).getMessage()
                .contains("not well-formed"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> read(
                "<!DOCTYPE tt [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><tt><p end='1s'>&x;</p></tt>", 0, SECOND))
                .getMessage().startsWith("the TTML document"));
    }

    @Test
    void writtenDocumentsReadBackRelativeToTheirSample() {
        List<Cue> cues = List.of(new Cue(95 * SECOND, 101 * SECOND, "started before"),
                new Cue(102 * SECOND, 103 * SECOND + 1_230_000, "two\nlines & <markup>"));
        byte[] sample = Ttml.write(cues, 100 * SECOND, "en");
        String text = new String(sample, StandardCharsets.UTF_8);
        assertTrue(text.contains("begin=\"00:00:00.000\" end=\"00:00:01.000\""), text);
        assertTrue(text.contains("xml:lang=\"en\""), text);
        assertEquals(List.of(new Cue(100 * SECOND, 101 * SECOND, "started before"), cues.get(1)),
                Ttml.read(sample, 100 * SECOND, 4 * SECOND));
    }
}
