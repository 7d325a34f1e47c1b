package org.openlss.mp4;

import static org.openlss.mp4.BoxBuilder.box;
import static org.openlss.mp4.BoxBuilder.concat;
import static org.openlss.mp4.BoxBuilder.fourCCs;
import static org.openlss.mp4.BoxBuilder.fullBox;
import static org.openlss.mp4.BoxBuilder.u16;
import static org.openlss.mp4.BoxBuilder.u32;
import static org.openlss.mp4.BoxBuilder.u8;
import static org.openlss.mp4.BoxBuilder.zeros;

import java.nio.charset.StandardCharsets;

/**
 * The CMAF header (ISO/IEC 23000-19 §7.3) of one quality level: {@code ftyp} with the {@code cmfc} brand and a
 * {@code moov} of one track, built from the level's description (the codec data the ingest normalised), so a live
 * level and an archived one get the same header. The track is always track 1 and carries no samples; its fragments
 * ({@link CmafSegment}) say everything per fragment, so the {@code trex} defaults are zero.
 */
public final class CmafInit {
    /** The track_ID of every CMAF track here: one track per header. */
    public static final int TRACK_ID = 1;
    private static final int[] UNITY_MATRIX = {0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000};

    private CmafInit() {
    }

    /** {@code ftyp} + {@code moov}; {@link BoxFormatException} (415) when the codec is not H.264 or AAC. */
    public static byte[] build(TrackDescription description) {
        CmafCodecs.of(description);
        byte[] ftyp = box("ftyp", fourCCs("cmfc"), u32(0), fourCCs("cmfc", "iso6", "dash", "msix"));
        byte[] mvhd = fullBox("mvhd", 0, 0, u32(0, 0, description.timescale(), 0), u32(0x00010000), u16(0x0100),
                zeros(10), matrix(), zeros(24), u32(TRACK_ID + 1));
        byte[] mvex = box("mvex", fullBox("trex", 0, 0, u32(TRACK_ID, 1, 0, 0, 0)));
        return concat(ftyp, box("moov", mvhd, trak(description), mvex));
    }

    private static byte[] trak(TrackDescription d) {
        boolean video = d.type() == TrackType.VIDEO;
        byte[] tkhd = fullBox("tkhd", 0, 0x7, u32(0, 0, TRACK_ID, 0, 0), zeros(8), u16(0, 0, video ? 0 : 0x0100, 0),
                matrix(), u32((long) (video ? d.displayWidth() : 0) << 16, (long) (video ? d.displayHeight() : 0) << 16));
        byte[] mdhd = fullBox("mdhd", 0, 0, u32(0, 0, d.timescale(), 0), u16(language(d.language()), 0));
        byte[] hdlr = fullBox("hdlr", 0, 0, u32(0), fourCCs(video ? "vide" : "soun"), zeros(12),
                (video ? "VideoHandler\0" : "SoundHandler\0").getBytes(StandardCharsets.US_ASCII));
        byte[] header = video ? fullBox("vmhd", 0, 1, zeros(8)) : fullBox("smhd", 0, 0, zeros(4));
        byte[] dinf = box("dinf", fullBox("dref", 0, 0, u32(1), fullBox("url ", 0, 1)));
        byte[] stbl = box("stbl", fullBox("stsd", 0, 0, u32(1), video ? avc1(d) : mp4a(d)),
                fullBox("stts", 0, 0, u32(0)), fullBox("stsc", 0, 0, u32(0)), fullBox("stsz", 0, 0, u32(0, 0)),
                fullBox("stco", 0, 0, u32(0)));
        return box("trak", tkhd, box("mdia", mdhd, hdlr, box("minf", header, dinf, stbl)));
    }

    private static byte[] avc1(TrackDescription d) {
        return box("avc1", zeros(6), u16(1), zeros(16), u16(d.maxWidth(), d.maxHeight()),
                u32(0x00480000, 0x00480000, 0), u16(1), zeros(32), u16(0x0018, 0xFFFF),
                box("avcC", CmafCodecs.config(d).toAvcC()));
    }

    private static byte[] mp4a(TrackDescription d) {
        AudioSpecificConfig config = AudioSpecificConfig.parse(d.codecPrivateData());
        int channels = d.channels() > 0 ? d.channels() : config.channelConfiguration();
        int rate = d.samplingRate() > 0 ? d.samplingRate() : config.samplingRate();
        return box("mp4a", zeros(6), u16(1), zeros(8), u16(channels, 16, 0, 0), u32((long) rate << 16),
                esds(config.bytes(), d.bitrate()));
    }

    /** ES_Descriptor → DecoderConfigDescriptor (MPEG-4 audio, audio stream) → DecoderSpecificInfo, SLConfig. */
    private static byte[] esds(byte[] audioSpecificConfig, long bitrate) {
        byte[] specific = descriptor(5, audioSpecificConfig);
        byte[] decoderConfig = descriptor(4, concat(u8(0x40, 0x15), zeros(3), u32(bitrate, bitrate), specific));
        byte[] es = descriptor(3, concat(u16(TRACK_ID), u8(0), decoderConfig, descriptor(6, u8(2))));
        return fullBox("esds", 0, 0, es);
    }

    private static byte[] descriptor(int tag, byte[] body) {
        if (body.length > 0x7F) {
            throw BoxFormatException.malformed("esds descriptor " + tag + " of " + body.length + " bytes");
        }
        return concat(u8(tag, body.length), body);
    }

    private static byte[] matrix() {
        long[] values = new long[UNITY_MATRIX.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = UNITY_MATRIX[i] & 0xFFFF_FFFFL;
        }
        return u32(values);
    }

    /** ISO 639-2/T packed as three 5-bit letters; {@code und} when the language is not three lower-case letters. */
    static int language(String language) {
        String code = language != null && language.matches("[a-z]{3}") ? language : "und";
        return ((code.charAt(0) - 0x60) << 10) | ((code.charAt(1) - 0x60) << 5) | (code.charAt(2) - 0x60);
    }
}
