package org.openlss.mp4;

import static org.openlss.mp4.BoxBuilder.box;
import static org.openlss.mp4.BoxBuilder.fourCCs;
import static org.openlss.mp4.BoxBuilder.fullBox;
import static org.openlss.mp4.BoxBuilder.u16;
import static org.openlss.mp4.BoxBuilder.u32;
import static org.openlss.mp4.BoxBuilder.u64;
import static org.openlss.mp4.BoxBuilder.zeros;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.MissingResourceException;

/**
 * The boxes a caption inserter sends for a sparse TTML text track: a {@code moov} of one {@code subt} track whose
 * sample entry is {@code stpp} (ISO/IEC 14496-30 §6.3, namespace {@value #TTML_NAMESPACE}), and fragments of one
 * sample each (a whole TTML document), so that every fragment can be shown on its own, as sparse fragments are fetched
 * one at a time.
 */
public final class TextTrackBoxes {
    public static final String TTML_NAMESPACE = "http://www.w3.org/ns/ttml";
    /** tfhd: default-base-is-moof, so the trun data offset counts from the moof. */
    private static final int DEFAULT_BASE_IS_MOOF = 0x020000;
    /** trun: data offset, sample duration and sample size present. */
    private static final int TRUN_FLAGS = 0x000301;

    private TextTrackBoxes() {
    }

    /** The {@code moov} of {@code track} (its trackId, timescale and language). */
    public static byte[] moov(TrackDescription track) {
        int id = track.trackId();
        byte[] mvhd = fullBox("mvhd", 0, 0, u32(0, 0, track.timescale(), 0), u32(0x00010000), u16(0x0100),
                zeros(10), u32(0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000), zeros(24), u32(id + 1L));
        byte[] tkhd = fullBox("tkhd", 0, 0x7, u32(0, 0, id, 0, 0), zeros(8), u16(0, 0, 0, 0),
                u32(0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000), u32(0, 0));
        byte[] mdhd = fullBox("mdhd", 0, 0, u32(0, 0, track.timescale(), 0),
                u16(CmafInit.language(iso639(track.language())), 0));
        byte[] hdlr = fullBox("hdlr", 0, 0, u32(0), fourCCs("subt"), zeros(12),
                "SubtitleHandler\0".getBytes(StandardCharsets.US_ASCII));
        byte[] stpp = box("stpp", zeros(6), u16(1), (TTML_NAMESPACE + "\0\0\0").getBytes(StandardCharsets.UTF_8));
        byte[] stbl = box("stbl", fullBox("stsd", 0, 0, u32(1), stpp), fullBox("stts", 0, 0, u32(0)),
                fullBox("stsc", 0, 0, u32(0)), fullBox("stsz", 0, 0, u32(0, 0)), fullBox("stco", 0, 0, u32(0)));
        byte[] minf = box("minf", fullBox("sthd", 0, 0), box("dinf", fullBox("dref", 0, 0, u32(1),
                fullBox("url ", 0, 1))), stbl);
        byte[] trak = box("trak", tkhd, box("mdia", mdhd, hdlr, minf));
        byte[] mvex = box("mvex", fullBox("trex", 0, 0, u32(id, 1, 0, 0, 0)));
        return box("moov", mvhd, trak, mvex);
    }

    /** {moof, mdat} of fragment {@code sequence} (from 1): {@code sample} from {@code time} for {@code duration}. */
    public static byte[][] fragment(long sequence, int trackId, long time, long duration, byte[] sample) {
        byte[] mfhd = fullBox("mfhd", 0, 0, u32(sequence));
        byte[] tfhd = fullBox("tfhd", 0, DEFAULT_BASE_IS_MOOF, u32(trackId));
        byte[] tfdt = fullBox("tfdt", 1, 0, u64(time));
        int trunSize = Boxes.HEADER + 4 + 4 * 4;
        int moofSize = Boxes.HEADER + mfhd.length + Boxes.HEADER + tfhd.length + tfdt.length + trunSize;
        byte[] trun = fullBox("trun", 0, TRUN_FLAGS, u32(1, moofSize + Boxes.HEADER, duration, sample.length));
        byte[] moof = box("moof", mfhd, box("traf", tfhd, tfdt, trun));
        return new byte[][] {moof, box("mdat", sample)};
    }

    /** The ISO 639-2/T code the mdhd holds for a few common BCP 47 languages; {@code und} otherwise. */
    private static String iso639(String language) {
        if (language == null) {
            return "und";
        }
        String primary = language.split("-", 2)[0].toLowerCase(Locale.ROOT);
        if (primary.length() == 3) {
            return primary;
        }
        try {
            return Locale.forLanguageTag(primary).getISO3Language();
        } catch (MissingResourceException e) {
            return "und";
        }
    }
}
