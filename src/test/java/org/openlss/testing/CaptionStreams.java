package org.openlss.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.openlss.mp4.IngestBody;
import org.openlss.mp4.ManifestBoxes;
import org.openlss.mp4.TextTrackBoxes;
import org.openlss.mp4.text.Cue;
import org.openlss.mp4.text.Ttml;

/**
 * A sparse caption track as an encoder pushes it (the contract of the push encoder's caption option): a text stream,
 * FourCC {@code TTML}, Subtype {@code CAPT}, attached to its video stream, 10 MHz, one fragment per caption span,
 * each holding one TTML document whose times count from the fragment's start. The {@code moov} is ffmpeg's audio
 * capture's relabelled as text, as the tests of sparse tracks do.
 */
public final class CaptionStreams {
    /** The id of the capture's audio track, which becomes the caption track. */
    private static final int TRACK_ID = Captures.of("ffmpeg-audio0.body").fragments().get(0).trackId();

    private CaptionStreams() {
    }

    /** {@code ftyp}, live server manifest and {@code moov} of the caption stream {@code trackName} of {@code parent}. */
    public static byte[] header(String trackName, String parent, String language) {
        IngestBody audio = Captures.of("ffmpeg-audio0.body");
        String param = "<param name=\"%s\" value=\"%s\" valuetype=\"data\"/>";
        String smil = "<smil xmlns=\"http://www.w3.org/2001/SMIL20/Language\"><body><switch>"
                + "<textstream systemBitrate=\"1000\" systemLanguage=\"" + language + "\">"
                + param.formatted("trackID", TRACK_ID) + param.formatted("trackName", trackName)
                + param.formatted("parentTrackName", parent) + param.formatted("FourCC", "TTML")
                + param.formatted("Subtype", "CAPT") + param.formatted("timeScale", "10000000")
                + "</textstream></switch></body></smil>";
        byte[] moov = audio.header().moov().clone();
        String text = new String(moov, StandardCharsets.ISO_8859_1);
        System.arraycopy("text".getBytes(StandardCharsets.ISO_8859_1), 0, moov, text.indexOf("soun"), 4);
        return concat(audio.header().ftyp(), ManifestBoxes.liveServerManifestBox(smil.getBytes(StandardCharsets.UTF_8)),
                moov);
    }

    /** The fragment {@code [time, time + duration)} (ticks) holding the TTML document of {@code cues}. */
    public static byte[] fragment(long time, long duration, List<Cue> cues, String language) {
        return fragment(time, duration, Ttml.write(cues, time, language));
    }

    /** The fragment {@code [time, time + duration)} (ticks) holding {@code sample}, as the push encoder sends it. */
    public static byte[] fragment(long time, long duration, byte[] sample) {
        return concat(TextTrackBoxes.fragment(1, TRACK_ID, time, duration, sample));
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
