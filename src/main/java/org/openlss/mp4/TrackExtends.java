package org.openlss.mp4;

/** The {@code trex} defaults of one track (ISO/IEC 14496-12 §8.8.3), used when tfhd and trun omit a field. */
public record TrackExtends(int trackId, long defaultSampleDescriptionIndex, long defaultSampleDuration,
                           long defaultSampleSize, int defaultSampleFlags) {

    /** The all-zero defaults of a track whose moov has no trex. */
    public static TrackExtends none(int trackId) {
        return new TrackExtends(trackId, 1, 0, 0, 0);
    }

    /** Parses a {@code trex} payload. */
    static TrackExtends parse(FieldReader in) {
        in.skip(4); // version, flags
        return new TrackExtends(in.i32(), in.u32(), in.u32(), in.u32(), in.i32());
    }
}
