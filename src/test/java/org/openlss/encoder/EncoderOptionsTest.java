package org.openlss.encoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class EncoderOptionsTest {
    private static final String URL = "http://user:pw@127.0.0.1:8080/live/pp.isml";

    @Test
    void theDefaultsPushOnceInRealTimeFromZeroWithEndOfStream() throws Exception {
        EncoderOptions o = EncoderOptions.parse(URL, "movie.ism");
        assertFalse(o.help() || o.create() || o.loop() || o.liveArchive() || o.realtime() || o.noHeader());
        assertEquals(1.0, o.rate());
        assertEquals(-1, o.realtimeStart());
        assertNull(o.id());
        assertFalse(o.skips(0));
        assertTrue(o.sendsEndOfStream(false) && o.sendsEndOfStream(true));
        assertEquals(URL, o.pointUrl());
        assertEquals(List.of(Path.of("movie.ism")), o.media());
    }

    @Test
    void iisAndGnuSpellingsInAnyCaseMeanTheSame() throws Exception {
        for (String[] args : List.of(
                new String[] {"/create", "/LOOP", "/liveArchive", "/realtime:5000", "/id:enc1", "/noEOS", "/noHeader",
                    "/streammanifest:sm.xml", "/headers:X-A: 1,X-B:two", "/rate:0.999", "/skip:3,5", URL, "a.ismv", "a.ism"},
                new String[] {"--create", "--loop", "--livearchive", "--realtime=5000", "--id=enc1", "--noeos",
                    "--noheader", "--streammanifest=sm.xml", "--headers=X-A: 1,X-B:two", "--rate=0.999", "--skip=3,5",
                    URL, "a.ismv", "a.ism"})) {
            EncoderOptions o = EncoderOptions.parse(args);
            assertTrue(o.create() && o.loop() && o.liveArchive() && o.realtime() && o.noEndOfStream() && o.noHeader());
            assertEquals(5000, o.realtimeStart());
            assertEquals("enc1", o.id());
            assertEquals(Path.of("sm.xml"), o.streamManifest());
            assertEquals(List.of("X-A: 1", "X-B: two"), o.headers());
            assertEquals(0.999, o.rate());
            assertEquals(List.of(false, true, true, true, false), List.of(o.skips(2), o.skips(3), o.skips(4), o.skips(5),
                    o.skips(6)));
            assertEquals(List.of(Path.of("a.ismv"), Path.of("a.ism")), o.media());
        }
    }

    @Test
    void realtimeWithoutAValueStartsAtTheClock() throws Exception {
        EncoderOptions o = EncoderOptions.parse("/realtime", URL, "a.ismv");
        assertTrue(o.realtime());
        assertEquals(-1, o.realtimeStart());
    }

    @Test
    void noSparseEosOnlyAffectsStreamsOfSparseTracks() throws Exception {
        EncoderOptions o = EncoderOptions.parse("/noSparseEOS", URL, "a.ism");
        assertTrue(o.sendsEndOfStream(false));
        assertFalse(o.sendsEndOfStream(true));
    }

    @Test
    void anAbsoluteFilePathIsAnOperandNotAnOption() throws Exception {
        EncoderOptions o = EncoderOptions.parse("/loop", URL, "/data/loop/movie.ism");
        assertEquals(List.of(Path.of("/data/loop/movie.ism")), o.media());
    }

    @Test
    void helpNeedsNoOperands() throws Exception {
        assertTrue(EncoderOptions.parse("-h").help());
        assertTrue(EncoderOptions.parse("/?").help());
        assertTrue(EncoderOptions.USAGE.contains("/skip:<start>,<end>"));
    }

    @Test
    void wrongCommandLinesSayWhatIsWrong() {
        assertMessage("expected a publishing point URL and one or two media files", URL);
        assertMessage("must start with http://", "ftp://host/pp.isml", "a.ism");
        assertMessage("unknown option --fast", "--fast", URL, "a.ism");
        assertMessage("/rate: 'zero' is not a positive number", "/rate:zero", URL, "a.ism");
        assertMessage("/rate: '-1' is not a positive number", "/rate:-1", URL, "a.ism");
        assertMessage("/skip needs start,end", "/skip:3", URL, "a.ism");
        assertMessage("end comes before start", "/skip:5,3", URL, "a.ism");
        assertMessage("/id needs a value", "/id", URL, "a.ism");
        assertMessage("/loop takes no value", "/loop:1", URL, "a.ism");
        assertMessage("is not 'Name: value'", "/headers:NoColon", URL, "a.ism");
        assertMessage("/realtime: 'soon' is not a whole number", "/realtime:soon", URL, "a.ism");
    }

    private static void assertMessage(String expected, String... args) {
        EncoderOptions.UsageException e = assertThrows(EncoderOptions.UsageException.class, () -> EncoderOptions.parse(args));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
