package org.openlss.mp4;

/**
 * The first sample entry of a track's {@code stsd}: its type ({@code avc1}, {@code mp4a},
 * {@code encv}, …), the original format behind PIFF protection ({@code sinf/frma}), the visual or
 * audio fields, and the codec configuration found in it ({@code avcC}, {@code esds}).
 */
public record SampleEntry(String type, String originalFormat, int width, int height,
                          int channelCount, int sampleSize, int sampleRate,
                          AvcDecoderConfig avcConfig, EsDescriptor esDescriptor) {
    /** SampleEntry (8) + VisualSampleEntry fields (70) before the child boxes. */
    private static final int VISUAL_FIELDS = 78;
    /** SampleEntry (8) + AudioSampleEntry fields (20) before the child boxes. */
    private static final int AUDIO_FIELDS = 28;
    /** QuickTime sound description versions 1 and 2 append 16 and 36 bytes. */
    private static final int[] QUICKTIME_AUDIO_EXTRA = {0, 16, 36};

    /** Parses the first entry of an {@code stsd} whose children start after its 8-byte FullBox/count. */
    static SampleEntry parseFirst(ChildBoxes stsdEntries, String handler) {
        if (!stsdEntries.next()) {
            return null;
        }
        String type = FourCC.toString(stsdEntries.type());
        FieldReader in = stsdEntries.payload();
        if ("vide".equals(handler)) {
            in.skip(24);
            int width = in.u16();
            int height = in.u16();
            Children children = Children.read(stsdEntries, VISUAL_FIELDS, type);
            return new SampleEntry(type, children.originalFormat, width, height, 0, 0, 0, children.avcConfig, null);
        }
        if ("soun".equals(handler)) {
            in.skip(8);
            int version = in.u16();
            in.skip(6);
            int channels = in.u16();
            int sampleSize = in.u16();
            in.skip(4);
            int sampleRate = (int) (in.u32() >>> 16);
            int extra = version < QUICKTIME_AUDIO_EXTRA.length ? QUICKTIME_AUDIO_EXTRA[version] : 0;
            Children children = Children.read(stsdEntries, AUDIO_FIELDS + extra, type);
            return new SampleEntry(type, children.originalFormat, 0, 0, channels, sampleSize, sampleRate, null,
                    children.esDescriptor);
        }
        return new SampleEntry(type, type, 0, 0, 0, 0, 0, null, null);
    }

    /** The configuration boxes inside a sample entry. */
    private static final class Children {
        private AvcDecoderConfig avcConfig;
        private EsDescriptor esDescriptor;
        private String originalFormat;

        static Children read(ChildBoxes entry, int fieldsLength, String type) {
            Children found = new Children();
            found.originalFormat = type;
            if (entry.size() - entry.headerSize() <= fieldsLength) {
                return found;
            }
            ChildBoxes boxes = entry.children(fieldsLength);
            while (boxes.next()) {
                if (boxes.type() == BoxTypes.AVCC) {
                    found.avcConfig = AvcDecoderConfig.parse(boxes.payload());
                } else if (boxes.type() == BoxTypes.ESDS) {
                    found.esDescriptor = EsDescriptor.parse(boxes.payload());
                } else if (boxes.type() == BoxTypes.SINF) {
                    ChildBoxes sinf = boxes.children(0);
                    if (sinf.find(BoxTypes.FRMA)) {
                        found.originalFormat = FourCC.toString(sinf.payload().i32());
                    }
                }
            }
            return found;
        }
    }
}
