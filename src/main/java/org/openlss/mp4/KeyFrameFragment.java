package org.openlss.mp4;

import java.util.List;

/**
 * The KeyFrames response (smooth-client.md §1): a fragment holding only its sync samples. The traf
 * keeps tfhd, tfdt and tfxd, gets one rebuilt trun (version 1, every field explicit) and optionally
 * a tfrf; each kept sample lasts until the next kept one so the fragment keeps its duration.
 * Per-sample side boxes (sdtp, senc, saiz, saio, …) no longer match and are dropped, so protected
 * content is not supported here.
 */
public final class KeyFrameFragment {
    private static final int TRUN_FLAGS = FragmentSamples.DATA_OFFSET_PRESENT | FragmentSamples.SAMPLE_DURATION_PRESENT
            | FragmentSamples.SAMPLE_SIZE_PRESENT | FragmentSamples.SAMPLE_FLAGS_PRESENT
            | FragmentSamples.SAMPLE_COMPOSITION_OFFSET_PRESENT;
    private static final int TRUN_FIXED = Boxes.HEADER + Boxes.FULL_BOX + 8;
    private static final int TRUN_PER_SAMPLE = 16;

    private KeyFrameFragment() {
    }

    /** moof+mdat with only the sync samples of a single-traf fragment; {@code lookahead} null = no tfrf. */
    public static byte[] build(byte[] moof, byte[] mdat, TrackExtends trex, List<Tfrf.Entry> lookahead) {
        Box mdatBox = Box.of(mdat);
        MovieFragment fragment = MovieFragment.parse(moof);
        if (fragment.trackFragments().size() != 1) {
            throw BoxFormatException.malformed("key frames need a single-traf fragment");
        }
        TrackFragment traf = fragment.trackFragments().get(0);
        FragmentSamples samples = FragmentSamples.parse(moof, traf, trex, mdatBox.headerSize(), mdat.length);
        int kept = 0;
        long keptBytes = 0;
        for (int i = 0; i < samples.count(); i++) {
            if (samples.isSync(i)) {
                kept++;
                keptBytes += samples.size(i);
            }
        }
        ChildBoxes moofChildren = ChildBoxes.of(moof, BoxTypes.MOOF);
        int mfhdOffset = moofChildren.find(BoxTypes.MFHD) ? moofChildren.offset() : -1;
        int mfhdSize = mfhdOffset < 0 ? 0 : moofChildren.size();
        int trafSize = Boxes.HEADER + TRUN_FIXED + TRUN_PER_SAMPLE * kept
                + (lookahead == null ? 0 : Tfrf.size(lookahead.size()));
        ChildBoxes trafChildren = traf.children(moof);
        while (trafChildren.next()) {
            if (isTiming(trafChildren) || trafChildren.is(SmoothUuid.TFXD)) {
                trafSize += trafChildren.size();
            }
        }
        int moofSize = Boxes.HEADER + mfhdSize + trafSize;
        byte[] out = new byte[Math.toIntExact(moofSize + Boxes.HEADER + keptBytes)];
        int at = Boxes.header(out, 0, moofSize, BoxTypes.MOOF);
        if (mfhdOffset >= 0) {
            System.arraycopy(moof, mfhdOffset, out, at, mfhdSize);
            at += mfhdSize;
        }
        at = Boxes.header(out, at, trafSize, BoxTypes.TRAF);
        at = copyKept(moof, traf, false, out, at);
        at = writeTrun(samples, kept, moofSize + Boxes.HEADER, out, at);
        at = copyKept(moof, traf, true, out, at);
        if (lookahead != null) {
            at = Tfrf.write(lookahead, out, at);
        }
        at = Boxes.header(out, at, Math.toIntExact(Boxes.HEADER + keptBytes), BoxTypes.MDAT);
        for (int i = 0; i < samples.count(); i++) {
            if (samples.isSync(i)) {
                System.arraycopy(mdat, samples.mdatOffset(i), out, at, samples.size(i));
                at += samples.size(i);
            }
        }
        return out;
    }

    private static boolean isTiming(ChildBoxes child) {
        return child.type() == BoxTypes.TFHD || child.type() == BoxTypes.TFDT;
    }

    /** Copies tfhd and tfdt (before the trun), or the tfxd (after it), in their original order. */
    private static int copyKept(byte[] moof, TrackFragment traf, boolean tfxd, byte[] out, int offset) {
        int at = offset;
        ChildBoxes children = traf.children(moof);
        while (children.next()) {
            if (tfxd ? children.is(SmoothUuid.TFXD) : isTiming(children)) {
                System.arraycopy(moof, children.offset(), out, at, children.size());
                at += children.size();
            }
        }
        return at;
    }

    private static int writeTrun(FragmentSamples samples, int kept, int dataOffset, byte[] out, int offset) {
        int at = Boxes.fullBox(out, Boxes.header(out, offset, TRUN_FIXED + TRUN_PER_SAMPLE * kept, BoxTypes.TRUN), 1, TRUN_FLAGS);
        Bytes.putU32(out, at, kept);
        Bytes.putU32(out, at + 4, dataOffset);
        at += 8;
        int previous = -1;
        for (int i = 0; i <= samples.count(); i++) {
            if (i < samples.count() && !samples.isSync(i)) {
                continue;
            }
            if (previous >= 0) {
                long end = i < samples.count() ? samples.decodeOffset(i) : samples.totalDuration();
                long duration = end - samples.decodeOffset(previous);
                if (duration > 0xFFFF_FFFFL) {
                    throw BoxFormatException.malformed("key frame duration " + duration + " does not fit 32 bits");
                }
                Bytes.putU32(out, at, duration);
                Bytes.putU32(out, at + 4, samples.size(previous));
                Bytes.putU32(out, at + 8, samples.flags(previous));
                Bytes.putU32(out, at + 12, samples.compositionOffset(previous));
                at += TRUN_PER_SAMPLE;
            }
            previous = i;
        }
        return at;
    }
}
