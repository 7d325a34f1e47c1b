package org.openlss.mp4;

/**
 * The samples of one track fragment: the {@code trun} entries resolved against the tfhd and trex
 * defaults and located in the mdat. Held as parallel primitive arrays, no object per sample.
 * Data offsets are taken relative to the first byte of the moof (Smooth/PIFF rule; a tfhd
 * base-data-offset is refused), and the mdat is the box right after the moof.
 */
public final class FragmentSamples {
    /** More samples than this in one fragment is not a real encoder (10 s of 48 kHz AAC is 469). */
    public static final int MAX_SAMPLES = 65_536;
    public static final int DATA_OFFSET_PRESENT = 0x000001;
    public static final int FIRST_SAMPLE_FLAGS_PRESENT = 0x000004;
    public static final int SAMPLE_DURATION_PRESENT = 0x000100;
    public static final int SAMPLE_SIZE_PRESENT = 0x000200;
    public static final int SAMPLE_FLAGS_PRESENT = 0x000400;
    public static final int SAMPLE_COMPOSITION_OFFSET_PRESENT = 0x000800;
    /** sample_is_non_sync_sample in the sample flags. */
    public static final int NON_SYNC = 0x00010000;

    private final long[] decodeOffsets;
    private final long[] durations;
    private final int[] sizes;
    private final int[] flags;
    private final int[] compositionOffsets;
    private final int[] mdatOffsets;
    private final long totalDuration;

    private FragmentSamples(long[] decodeOffsets, long[] durations, int[] sizes, int[] flags,
                            int[] compositionOffsets, int[] mdatOffsets, long totalDuration) {
        this.decodeOffsets = decodeOffsets;
        this.durations = durations;
        this.sizes = sizes;
        this.flags = flags;
        this.compositionOffsets = compositionOffsets;
        this.mdatOffsets = mdatOffsets;
        this.totalDuration = totalDuration;
    }

    /**
     * Parses the samples of {@code traf} in {@code moof}, whose mdat box (following the moof) has
     * {@code mdatSize} bytes including its {@code mdatHeaderSize}-byte header. Every sample must lie
     * inside the mdat payload.
     */
    public static FragmentSamples parse(byte[] moof, TrackFragment traf, TrackExtends trex,
                                        int mdatHeaderSize, long mdatSize) {
        TrackFragmentHeader tfhd = traf.header();
        if (tfhd.has(TrackFragmentHeader.BASE_DATA_OFFSET)) {
            throw BoxFormatException.malformed("tfhd base-data-offset is not allowed: Smooth data offsets are moof-relative");
        }
        int total = 0;
        for (int t = 0; t < traf.trunCount(); t++) {
            FieldReader in = trun(moof, traf.trunOffset(t));
            int trFlags = in.i32() & 0xFFFFFF;
            int count = in.u32Within(MAX_SAMPLES, "sample_count");
            int fixed = ((trFlags & DATA_OFFSET_PRESENT) != 0 ? 4 : 0) + ((trFlags & FIRST_SAMPLE_FLAGS_PRESENT) != 0 ? 4 : 0);
            if ((long) count * perSampleBytes(trFlags) > in.remaining() - fixed) {
                throw BoxFormatException.malformed("trun sample_count " + count + " exceeds the box");
            }
            total += count;
            if (total > MAX_SAMPLES) {
                throw BoxFormatException.malformed("fragment has more than " + MAX_SAMPLES + " samples");
            }
        }
        long[] decodeOffsets = new long[total];
        long[] durations = new long[total];
        int[] sizes = new int[total];
        int[] flags = new int[total];
        int[] cto = new int[total];
        int[] mdatOffsets = new int[total];
        long payloadStart = (long) moof.length + mdatHeaderSize;
        long payloadEnd = moof.length + mdatSize;
        long time = 0;
        long position = -1;
        int i = 0;
        for (int t = 0; t < traf.trunCount(); t++) {
            FieldReader in = trun(moof, traf.trunOffset(t));
            int version = in.peekU8();
            int trFlags = in.i32() & 0xFFFFFF;
            int count = (int) in.u32();
            if ((trFlags & DATA_OFFSET_PRESENT) != 0) {
                position = in.i32();
            } else if (position < 0) {
                throw BoxFormatException.malformed("first trun has no data_offset");
            }
            int firstFlags = (trFlags & FIRST_SAMPLE_FLAGS_PRESENT) != 0 ? in.i32() : tfhd.sampleFlags(trex);
            for (int s = 0; s < count; s++, i++) {
                durations[i] = (trFlags & SAMPLE_DURATION_PRESENT) != 0 ? in.u32() : tfhd.sampleDuration(trex);
                long size = (trFlags & SAMPLE_SIZE_PRESENT) != 0 ? in.u32() : tfhd.sampleSize(trex);
                flags[i] = (trFlags & SAMPLE_FLAGS_PRESENT) != 0 ? in.i32() : s == 0 ? firstFlags : tfhd.sampleFlags(trex);
                if ((trFlags & SAMPLE_COMPOSITION_OFFSET_PRESENT) != 0) {
                    cto[i] = in.i32();
                    if (version == 0 && cto[i] < 0) {
                        throw BoxFormatException.malformed("trun v0 composition offset above 2^31");
                    }
                }
                if (position < payloadStart || size > payloadEnd - position) {
                    throw BoxFormatException.malformed("trun sample " + i + " lies outside the mdat payload");
                }
                decodeOffsets[i] = time;
                time += durations[i];
                sizes[i] = (int) size;
                mdatOffsets[i] = (int) (position - moof.length);
                position += size;
            }
        }
        return new FragmentSamples(decodeOffsets, durations, sizes, flags, cto, mdatOffsets, time);
    }

    private static FieldReader trun(byte[] moof, int offset) {
        ChildBoxes box = new ChildBoxes(moof, offset, moof.length);
        box.next();
        return box.payload();
    }

    private static int perSampleBytes(int trFlags) {
        return Integer.bitCount(trFlags & (SAMPLE_DURATION_PRESENT | SAMPLE_SIZE_PRESENT | SAMPLE_FLAGS_PRESENT
                | SAMPLE_COMPOSITION_OFFSET_PRESENT)) * 4;
    }

    public int count() {
        return sizes.length;
    }

    /** Decode time of sample i from the start of the fragment, in the track timescale. */
    public long decodeOffset(int i) {
        return decodeOffsets[i];
    }

    public long duration(int i) {
        return durations[i];
    }

    public int size(int i) {
        return sizes[i];
    }

    /** The sample flags (ISO/IEC 14496-12 §8.8.3.1). */
    public int flags(int i) {
        return flags[i];
    }

    /** Whether sample i is a sync (key) sample: sample_is_non_sync_sample clear. */
    public boolean isSync(int i) {
        return (flags[i] & NON_SYNC) == 0;
    }

    /** Composition time offset (signed for trun version 1; 0 when absent). */
    public int compositionOffset(int i) {
        return compositionOffsets[i];
    }

    /** Offset of sample i's first byte from the first byte of the mdat box (header included). */
    public int mdatOffset(int i) {
        return mdatOffsets[i];
    }

    /** Sum of all sample durations. */
    public long totalDuration() {
        return totalDuration;
    }
}
