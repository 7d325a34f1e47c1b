package org.openlss.mp4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MovieHeaderTest {
    @Test
    void readsEveryTrackOfAnFfmpegMoov() {
        MovieHeader moov = MovieHeader.parse(CaptureParts.moov(Vectors.resource(Vectors.STREAM1)));
        assertEquals(1000, moov.timescale());
        assertEquals(3, moov.tracks().size());
        TrackHeader video = moov.track(1);
        assertEquals("vide", video.handler());
        assertEquals(10_000_000L, video.timescale());
        assertEquals("avc1", video.sampleEntryType());
        assertEquals(160, video.width());
        assertEquals(90, video.height());
        assertEquals("und", video.language());
        assertEquals(new TrackExtends(1, 1, 0, 0, 0), video.defaults());
        TrackHeader small = moov.track(2);
        assertEquals(128, small.width());
        assertEquals("avc1.64000A", small.avcConfig().codecString());
        TrackHeader audio = moov.track(3);
        assertEquals("soun", audio.handler());
        assertEquals("mp4a", audio.sampleEntryType());
        assertEquals("mp4a", audio.sampleEntry().originalFormat());
        assertEquals(2, audio.channelCount());
        assertEquals(16, audio.sampleSize());
        assertEquals(48000, audio.sampleRate());
        assertEquals(0x40, audio.sampleEntry().esDescriptor().objectTypeIndication());
        assertEquals("119056E500", Bytes.hex(audio.audioSpecificConfig()));
        assertNull(audio.avcConfig());
        assertNull(moov.track(4));
    }

    @Test
    void readsTheMoovOfAnOnDemandFile() {
        MovieHeader moov = MovieHeader.parse(CaptureParts.moov(Vectors.resource(Vectors.ONDEMAND)));
        assertEquals(3, moov.tracks().size());
        assertEquals("avc1.64000B", moov.track(1).avcConfig().codecString());
    }

    @Test
    void refusesMoovsWithoutUsableTracks() {
        byte[] moov = CaptureParts.moov(Vectors.resource(Vectors.STREAM1));
        assertEquals(412, assertThrows(BoxFormatException.class, () -> MovieHeader.parse(TestBoxes.box("moov"))).suggestedStatus());
        assertEquals(412, assertThrows(BoxFormatException.class, () -> MovieHeader.parse(TestBoxes.box("moof"))).suggestedStatus());
        for (int cut = 8; cut < moov.length; cut += 97) {
            byte[] truncated = Arrays.copyOf(moov, cut);
            Bytes.putU32(truncated, 0, cut);
            try {
                MovieHeader.parse(truncated);
            } catch (BoxFormatException expected) {
                // a truncated moov is refused, never an unchecked exception
            }
        }
        byte[] duplicate = TestBoxes.box("moov", trak(moov, 0), trak(moov, 0));
        assertThrows(BoxFormatException.class, () -> MovieHeader.parse(duplicate));
    }

    private static byte[] trak(byte[] moov, int index) {
        ChildBoxes children = ChildBoxes.of(moov, BoxTypes.MOOV);
        for (int i = 0; i <= index; i++) {
            children.find(BoxTypes.TRAK);
        }
        return Arrays.copyOfRange(moov, children.offset(), children.end());
    }
}
