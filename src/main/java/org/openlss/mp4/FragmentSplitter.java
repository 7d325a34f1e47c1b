package org.openlss.mp4;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Splits a moof with several trafs into one fragment per traf (Smooth stores one track per moof,
 * smooth-ingest.md §4.5): each gets a moof of mfhd + its traf, an mdat of just the bytes its truns
 * reference, and data offsets moved accordingly.
 */
final class FragmentSplitter {
    private FragmentSplitter() {
    }

    static List<IngestFragment> split(byte[] moof, MovieFragment fragment, Box mdat, IntFunction<TrackExtends> defaults) {
        int mfhdOffset = -1;
        int mfhdSize = 0;
        ChildBoxes children = ChildBoxes.of(moof, BoxTypes.MOOF);
        if (children.find(BoxTypes.MFHD)) {
            mfhdOffset = children.offset();
            mfhdSize = children.size();
        }
        List<IngestFragment> fragments = new ArrayList<>(fragment.trackFragments().size());
        for (TrackFragment traf : fragment.trackFragments()) {
            TrackExtends trex = defaults.apply(traf.trackId());
            FragmentSamples samples = FragmentSamples.parse(moof, traf, trex, mdat.headerSize(), mdat.size());
            int first = mdat.headerSize();
            int end = first;
            if (samples.count() > 0) {
                first = Integer.MAX_VALUE;
                for (int i = 0; i < samples.count(); i++) {
                    first = Math.min(first, samples.mdatOffset(i));
                    end = Math.max(end, samples.mdatOffset(i) + samples.size(i));
                }
            }
            int newMoofSize = Boxes.HEADER + mfhdSize + traf.size();
            byte[] newMoof = new byte[newMoofSize];
            int at = Boxes.header(newMoof, 0, newMoofSize, BoxTypes.MOOF);
            if (mfhdOffset >= 0) {
                System.arraycopy(moof, mfhdOffset, newMoof, at, mfhdSize);
                at += mfhdSize;
            }
            System.arraycopy(moof, traf.offset(), newMoof, at, traf.size());
            int delta = newMoofSize + Boxes.HEADER - moof.length - first;
            for (int t = 0; t < traf.trunCount(); t++) {
                FragmentRewriter.shiftDataOffset(newMoof, traf.trunOffset(t) - traf.offset() + at, delta);
            }
            byte[] newMdat = new byte[Boxes.HEADER + end - first];
            Boxes.header(newMdat, 0, newMdat.length, BoxTypes.MDAT);
            System.arraycopy(mdat.bytes(), first, newMdat, Boxes.HEADER, end - first);
            fragments.add(IngestFragment.parse(newMoof, newMdat, trex));
        }
        return fragments;
    }
}
