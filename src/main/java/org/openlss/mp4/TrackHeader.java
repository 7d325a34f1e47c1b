package org.openlss.mp4;

/**
 * What a {@code moov/trak} (plus its {@code trex}) says about one track.
 *
 * @param handler      hdlr type: {@code vide}, {@code soun}, {@code text}, {@code sbtl}, {@code meta}, …
 * @param timescale    mdhd timescale (units per second)
 * @param language     mdhd ISO 639-2/T code, {@code und} when unset
 * @param width        tkhd width in pixels (integer part of 16.16), else the sample entry's
 * @param height       tkhd height in pixels, else the sample entry's
 * @param sampleEntry  first stsd entry, null when stsd is empty
 * @param defaults     trex defaults ({@link TrackExtends#none} when mvex has none)
 */
public record TrackHeader(int trackId, String handler, long timescale, String language, int width, int height,
                          SampleEntry sampleEntry, TrackExtends defaults) {

    TrackHeader withDefaults(TrackExtends trex) {
        return new TrackHeader(trackId, handler, timescale, language, width, height, sampleEntry, trex);
    }

    /** The sample entry type ({@code avc1}, {@code mp4a}, {@code encv}, …), null without one. */
    public String sampleEntryType() {
        return sampleEntry == null ? null : sampleEntry.type();
    }

    /** The avcC configuration, null when the track has none. */
    public AvcDecoderConfig avcConfig() {
        return sampleEntry == null ? null : sampleEntry.avcConfig();
    }

    /** The AudioSpecificConfig from esds, null when absent. */
    public byte[] audioSpecificConfig() {
        return sampleEntry == null || sampleEntry.esDescriptor() == null
                ? null : sampleEntry.esDescriptor().decoderSpecificInfo();
    }

    public int channelCount() {
        return sampleEntry == null ? 0 : sampleEntry.channelCount();
    }

    public int sampleRate() {
        return sampleEntry == null ? 0 : sampleEntry.sampleRate();
    }

    public int sampleSize() {
        return sampleEntry == null ? 0 : sampleEntry.sampleSize();
    }

    /** Parses one {@code trak} box, the cursor standing on it. */
    static TrackHeader parse(ChildBoxes trak) {
        int trackId = -1;
        int width = 0;
        int height = 0;
        long timescale = 0;
        String language = "und";
        String handler = null;
        SampleEntry entry = null;
        ChildBoxes children = trak.children(0);
        while (children.next()) {
            if (children.type() == BoxTypes.TKHD) {
                FieldReader in = children.payload();
                int version = in.u8();
                in.skip(3 + (version == 1 ? 16 : 8));
                trackId = in.i32();
                in.skip(4 + (version == 1 ? 8 : 4) + 8 + 8 + 36);
                width = (int) (in.u32() >>> 16);
                height = (int) (in.u32() >>> 16);
            } else if (children.type() == BoxTypes.MDIA) {
                ChildBoxes mdia = children.children(0);
                ChildBoxes stsd = null;
                while (mdia.next()) {
                    if (mdia.type() == BoxTypes.MDHD) {
                        FieldReader in = mdia.payload();
                        int version = in.u8();
                        in.skip(3 + (version == 1 ? 16 : 8));
                        timescale = in.u32();
                        in.skip(version == 1 ? 8 : 4);
                        language = language(in.u16());
                    } else if (mdia.type() == BoxTypes.HDLR) {
                        FieldReader in = mdia.payload();
                        in.skip(8);
                        handler = FourCC.toString(in.i32());
                    } else if (mdia.type() == BoxTypes.MINF) {
                        stsd = findStsd(mdia.children(0));
                    }
                }
                if (stsd != null) {
                    entry = SampleEntry.parseFirst(stsd, handler);
                }
            }
        }
        if (trackId <= 0 || handler == null || timescale == 0) {
            throw BoxFormatException.badHeaders("trak without a valid tkhd track_ID, hdlr or mdhd timescale");
        }
        if (entry != null && width == 0 && height == 0) {
            width = entry.width();
            height = entry.height();
        }
        return new TrackHeader(trackId, handler, timescale, language, width, height, entry, TrackExtends.none(trackId));
    }

    /** The sample entries of minf/stbl/stsd, or null. */
    private static ChildBoxes findStsd(ChildBoxes minf) {
        if (minf.find(BoxTypes.STBL)) {
            ChildBoxes stbl = minf.children(0);
            if (stbl.find(BoxTypes.STSD)) {
                return stbl.children(8); // version, flags, entry_count
            }
        }
        return null;
    }

    /** ISO 639-2/T packed as three 5-bit letters offset by 0x60. */
    private static String language(int packed) {
        if (packed == 0 || packed == 0x7FFF) {
            return "und";
        }
        char[] letters = new char[3];
        for (int i = 0; i < 3; i++) {
            int c = ((packed >> (10 - 5 * i)) & 0x1F) + 0x60;
            if (c < 'a' || c > 'z') {
                return "und";
            }
            letters[i] = (char) c;
        }
        return new String(letters);
    }
}
