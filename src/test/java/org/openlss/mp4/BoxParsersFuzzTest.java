package org.openlss.mp4;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import java.util.List;

/**
 * The public parsers and rewriters one by one, on arbitrary bytes: the first byte picks the target,
 * the rest is its input (seeds in {@code BoxParsersFuzzTestInputs/parse/} hold real boxes from the
 * captures). Only {@link BoxFormatException} may escape.
 */
class BoxParsersFuzzTest {
    private static final List<Tfrf.Entry> LOOKAHEAD = List.of(new Tfrf.Entry(1, 2));

    @FuzzTest
    void parse(byte[] input) {
        if (input.length == 0) {
            return;
        }
        byte[] data = Arrays.copyOfRange(input, 1, input.length);
        try {
            switch (input[0] & 7) {
                case 0 -> fragment(data);
                case 1 -> MovieHeader.parse(data);
                case 2 -> MovieFragmentRandomAccess.parse(data);
                case 3 -> LiveServerManifest.parse(data);
                case 4 -> StreamManifest.parse(data);
                case 5 -> AudioSpecificConfig.parse(data);
                case 6 -> WaveFormatEx.parse(data);
                default -> avc(data);
            }
        } catch (BoxFormatException expected) {
            // the one allowed outcome for bad input
        }
    }

    /** A moof (the first box) and an mdat (the rest). */
    private static void fragment(byte[] data) {
        int moofSize = data.length >= 4 ? (int) Math.min(Bytes.u32(data, 0), data.length) : data.length;
        byte[] moof = Arrays.copyOf(data, Math.max(moofSize, 0));
        byte[] mdat = Arrays.copyOfRange(data, moof.length, data.length);
        try {
            FragmentRewriter.moof(moof, LOOKAHEAD);
        } catch (BoxFormatException expected) {
            // checked below on a validated fragment
        }
        IngestFragment fragment = IngestFragment.parse(moof, mdat, TrackExtends.none(1));
        FragmentRewriter.fragment(fragment.moof(), fragment.mdat(), null);
        KeyFrameFragment.build(fragment.moof(), fragment.mdat(), TrackExtends.none(fragment.trackId()), LOOKAHEAD);
    }

    private static void avc(byte[] data) {
        try {
            AvcDecoderConfig.parse(data, 0, data.length);
        } catch (BoxFormatException expected) {
            // also try the Annex-B form
        }
        AvcDecoderConfig.fromCodecPrivateData(data, 4).toAvcC();
    }
}
