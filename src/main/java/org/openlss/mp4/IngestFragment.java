package org.openlss.mp4;

/**
 * One fragment of one track as ingested: the raw {@code moof} and {@code mdat} boxes (kept apart so
 * serving can rewrite the moof and write the mdat as is) and what they mean. Time and duration come
 * from tfxd; without tfxd from tfdt and the sum of the sample durations.
 * The byte arrays are shared, not copied: treat them as immutable.
 */
public final class IngestFragment {
    private final int trackId;
    private final long time;
    private final long duration;
    private final byte[] moof;
    private final byte[] mdat;
    private final FragmentSamples samples;

    private IngestFragment(int trackId, long time, long duration, byte[] moof, byte[] mdat, FragmentSamples samples) {
        this.trackId = trackId;
        this.time = time;
        this.duration = duration;
        this.moof = moof;
        this.mdat = mdat;
        this.samples = samples;
    }

    /**
     * Parses a fragment whose moof holds exactly one traf; {@code mdat} is the complete mdat box.
     * {@code trex} gives the track's defaults ({@link TrackExtends#none} when unknown).
     */
    public static IngestFragment parse(byte[] moof, byte[] mdat, TrackExtends trex) {
        Box mdatBox = Box.of(mdat);
        if (mdatBox.type() != BoxTypes.MDAT) {
            throw BoxFormatException.malformed("fragment data is not an mdat box");
        }
        MovieFragment fragment = MovieFragment.parse(moof);
        if (fragment.trackFragments().size() != 1) {
            throw BoxFormatException.malformed("fragment moof holds " + fragment.trackFragments().size() + " traf boxes, not one");
        }
        return of(moof, mdatBox, fragment.trackFragments().get(0), trex);
    }

    static IngestFragment of(byte[] moof, Box mdat, TrackFragment traf, TrackExtends trex) {
        FragmentSamples samples = FragmentSamples.parse(moof, traf, trex, mdat.headerSize(), mdat.size());
        long time;
        long duration;
        if (traf.tfxd() != null) {
            time = traf.tfxd().time();
            duration = traf.tfxd().duration();
        } else if (traf.baseMediaDecodeTime() >= 0) {
            time = traf.baseMediaDecodeTime();
            duration = samples.totalDuration();
        } else {
            throw BoxFormatException.malformed("fragment of track " + traf.trackId() + " has neither tfxd nor tfdt");
        }
        return new IngestFragment(traf.trackId(), time, duration, moof, mdat.bytes(), samples);
    }

    /** track_ID from tfhd. */
    public int trackId() {
        return trackId;
    }

    /** Absolute time of the first sample, track timescale (the fragment's key in URLs). */
    public long time() {
        return time;
    }

    public long duration() {
        return duration;
    }

    /** Whether the first sample is a sync sample (a video fragment should start with a key frame). */
    public boolean startsWithSyncSample() {
        return samples.count() > 0 && samples.isSync(0);
    }

    public int sampleCount() {
        return samples.count();
    }

    public FragmentSamples samples() {
        return samples;
    }

    /** The complete moof box. */
    public byte[] moof() {
        return moof;
    }

    /** The complete mdat box. */
    public byte[] mdat() {
        return mdat;
    }

    /** moof + mdat bytes. */
    public long size() {
        return (long) moof.length + mdat.length;
    }

    @Override
    public String toString() {
        return "IngestFragment[track " + trackId + " t=" + time + " d=" + duration + " samples=" + samples.count() + "]";
    }
}
