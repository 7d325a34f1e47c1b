package org.openlss.mp4;

import static org.openlss.mp4.BoxBuilder.box;
import static org.openlss.mp4.BoxBuilder.concat;
import static org.openlss.mp4.BoxBuilder.fourCCs;
import static org.openlss.mp4.BoxBuilder.fullBox;
import static org.openlss.mp4.BoxBuilder.u32;
import static org.openlss.mp4.BoxBuilder.u64;

import java.io.ByteArrayOutputStream;

/**
 * A stored Smooth fragment re-wrapped as a CMAF fragment (ISO/IEC 23000-19 §7.3.2.2) of the track {@link CmafInit}
 * describes: {@code styp}, then a {@code moof} whose {@code traf} holds a new {@code tfhd} (track 1, the defaults the
 * ingest's {@code tfhd}/{@code trex} gave, relative to the {@code moof}), a {@code tfdt} (version 1: a 10-hour offset
 * in 100 ns units needs more than 32 bits) at the fragment's time, and the ingested {@code trun} (data offsets moved
 * by the change of {@code moof} size) and {@code sdtp}; no {@code tfxd}, {@code tfrf} or padding. The {@code mdat}
 * follows unchanged, so callers send it from where it is stored. Sample encryption boxes are not carried.
 */
public final class CmafSegment {
    private static final int SDTP = FourCC.of("sdtp");
    private static final byte[] STYP = box("styp", fourCCs("msdh"), u32(0), fourCCs("msdh", "msix", "cmfs", "cmff"));

    private CmafSegment() {
    }

    /**
     * {@code styp} + the CMAF {@code moof} of a stored single-traf {@code moof} (its {@code trun} data offsets relative
     * to it, as the ingest and the Smooth rewrite take them) timed at {@code time}; {@code sequence} counts from 0.
     */
    public static byte[] head(byte[] moof, long time, long sequence, TrackExtends trex) {
        MovieFragment fragment = MovieFragment.parse(moof);
        if (fragment.trackFragments().size() != 1) {
            throw BoxFormatException.malformed("a moof with " + fragment.trackFragments().size()
                    + " traf boxes is not one CMAF track fragment");
        }
        TrackFragment traf = fragment.trackFragments().get(0);
        if (traf.trunCount() == 0) {
            throw BoxFormatException.malformed("traf without trun");
        }
        if (time < 0) {
            throw BoxFormatException.malformed("fragment time " + time + " is negative: a tfdt cannot carry it");
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(tfhd(traf.header(), trex));
        body.writeBytes(fullBox("tfdt", 1, 0, u64(time)));
        int[] truns = new int[traf.trunCount()];
        int trun = 0;
        ChildBoxes children = traf.children(moof);
        while (children.next()) {
            if (children.type() == BoxTypes.TRUN) {
                truns[trun++] = body.size();
            }
            if (children.type() == BoxTypes.TRUN || children.type() == SDTP) {
                body.write(moof, children.offset(), children.size());
            }
        }
        byte[] mfhd = fullBox("mfhd", 0, 0, u32((sequence + 1) & 0xFFFF_FFFFL));
        byte[] served = box("moof", mfhd, box("traf", body.toByteArray()));
        int trafBody = Boxes.HEADER + mfhd.length + Boxes.HEADER;
        for (int at : truns) {
            FragmentRewriter.shiftDataOffset(served, trafBody + at, served.length - moof.length);
        }
        return concat(STYP, served);
    }

    /** The whole segment: {@link #head} followed by the stored {@code mdat}. */
    public static byte[] segment(byte[] moof, byte[] mdat, long time, long sequence, TrackExtends trex) {
        return concat(head(moof, time, sequence, trex), mdat);
    }

    /** The sample defaults the fragment relied on, made explicit: the CMAF header's {@code trex} has none. */
    private static byte[] tfhd(TrackFragmentHeader header, TrackExtends trex) {
        long duration = header.sampleDuration(trex);
        long size = header.sampleSize(trex);
        int flags = TrackFragmentHeader.DEFAULT_BASE_IS_MOOF | TrackFragmentHeader.DEFAULT_SAMPLE_FLAGS
                | (duration > 0 ? TrackFragmentHeader.DEFAULT_SAMPLE_DURATION : 0)
                | (size > 0 ? TrackFragmentHeader.DEFAULT_SAMPLE_SIZE : 0);
        return fullBox("tfhd", 0, flags, u32(CmafInit.TRACK_ID), duration > 0 ? u32(duration) : new byte[0],
                size > 0 ? u32(size) : new byte[0], u32(header.sampleFlags(trex) & 0xFFFF_FFFFL));
    }
}
