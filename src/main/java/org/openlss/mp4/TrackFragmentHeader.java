package org.openlss.mp4;

/**
 * {@code tfhd} (ISO/IEC 14496-12 §8.8.7): the track and the defaults of its fragment. Absent
 * optional fields are -1 (durations/sizes/index) so callers fall back to the {@code trex} values.
 */
public record TrackFragmentHeader(int trackId, int flags, long baseDataOffset, long sampleDescriptionIndex,
                                  long defaultSampleDuration, long defaultSampleSize, int defaultSampleFlags) {
    public static final int BASE_DATA_OFFSET = 0x000001;
    public static final int SAMPLE_DESCRIPTION_INDEX = 0x000002;
    public static final int DEFAULT_SAMPLE_DURATION = 0x000008;
    public static final int DEFAULT_SAMPLE_SIZE = 0x000010;
    public static final int DEFAULT_SAMPLE_FLAGS = 0x000020;
    public static final int DURATION_IS_EMPTY = 0x010000;
    public static final int DEFAULT_BASE_IS_MOOF = 0x020000;

    static TrackFragmentHeader parse(FieldReader in) {
        int flags = in.i32() & 0xFFFFFF;
        int trackId = in.i32();
        long base = (flags & BASE_DATA_OFFSET) != 0 ? in.u64() : -1;
        long index = (flags & SAMPLE_DESCRIPTION_INDEX) != 0 ? in.u32() : -1;
        long duration = (flags & DEFAULT_SAMPLE_DURATION) != 0 ? in.u32() : -1;
        long size = (flags & DEFAULT_SAMPLE_SIZE) != 0 ? in.u32() : -1;
        int sampleFlags = (flags & DEFAULT_SAMPLE_FLAGS) != 0 ? in.i32() : 0;
        return new TrackFragmentHeader(trackId, flags, base, index, duration, size, sampleFlags);
    }

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }

    /** The sample duration when trun omits it: tfhd default, else trex default. */
    public long sampleDuration(TrackExtends trex) {
        return defaultSampleDuration >= 0 ? defaultSampleDuration : trex.defaultSampleDuration();
    }

    /** The sample size when trun omits it: tfhd default, else trex default. */
    public long sampleSize(TrackExtends trex) {
        return defaultSampleSize >= 0 ? defaultSampleSize : trex.defaultSampleSize();
    }

    /** The sample flags when trun omits them: tfhd default, else trex default. */
    public int sampleFlags(TrackExtends trex) {
        return has(DEFAULT_SAMPLE_FLAGS) ? defaultSampleFlags : trex.defaultSampleFlags();
    }
}
