package org.openlss.smooth;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.openlss.live.FragmentBytes;
import org.openlss.live.FragmentRef;
import org.openlss.live.LiveTrack;
import org.openlss.mp4.Bytes;
import org.openlss.mp4.FragmentRewriter;
import org.openlss.mp4.KeyFrameFragment;
import org.openlss.mp4.Tfrf;
import org.openlss.platform.ResponseBody;
import org.openlss.player.NewestResponses;
import org.openlss.player.SmoothUrl;

/**
 * Fragment responses from stored fragments: the server's {@code tfrf} in place of the encoder's, sizes and data
 * offsets fixed, the {@code mdat} as ingested. A response is final once its {@code tfrf} is complete (the lookahead is
 * full, or the event ended); the newest final ones per quality level are built once, in memory, and shared, since live
 * clients all ask for them. Older (DVR) fragments are answered with their rewritten {@code moof} followed by the
 * {@code mdat} straight from the fragment store's file: no heap copy of the media per request.
 */
public final class ServedFragments {
    private ServedFragments() {
    }

    /** The requested form of the fragment at {@code ref}, or null when its bytes are gone (left the DVR window). */
    public static ResponseBody serve(LiveTrack track, FragmentRef ref, SmoothUrl.Noun noun, int lookahead,
                                     boolean ended) throws IOException {
        NewestResponses built = track.outputStates().of(NewestResponses.class,
                () -> new NewestResponses(NewestResponses.PER_LEVEL));
        if (noun == SmoothUrl.Noun.Fragments) {
            byte[] cached = built.get(ref.time());
            if (cached != null) {
                return ResponseBody.of(cached);
            }
        }
        FragmentBytes stored = track.stored(ref);
        if (stored == null) {
            return null;
        }
        List<Tfrf.Entry> next = lookahead == 0 ? null : track.lookahead(ref, lookahead);
        int moofSize = (int) Bytes.u32(stored.read(0, 4), 0);
        byte[] moof = stored.read(0, moofSize);
        switch (noun) {
            case FragmentInfo:
                return ResponseBody.of(FragmentRewriter.moof(moof, next));
            case RawFragments:
                return region(new byte[0], stored, moofSize + 8);
            case KeyFrames:
                byte[] all = stored.all();
                return ResponseBody.of(KeyFrameFragment.build(moof, Arrays.copyOfRange(all, moofSize, all.length),
                        track.movieTrack().defaults(), next));
            default:
                if (!stored.inMemory()) {
                    return region(FragmentRewriter.moof(moof, next), stored, moofSize);
                }
                boolean complete = ended || next == null || next.size() == lookahead;
                return ResponseBody.of(complete ? built.get(ref.time(), () -> whole(stored.memory(), moof, next))
                        : whole(stored.memory(), moof, next));
        }
    }

    /** The fragment with the server's {@code moof}, as one array. */
    private static byte[] whole(byte[] stored, byte[] moof, List<Tfrf.Entry> next) {
        int served = FragmentRewriter.moofSize(moof, next);
        byte[] out = new byte[served + stored.length - moof.length];
        FragmentRewriter.writeMoof(moof, next, served, out, 0);
        System.arraycopy(stored, moof.length, out, served, stored.length - moof.length);
        return out;
    }

    /** {@code head}, then the stored bytes from {@code from} on: from memory, or as a region of the store's file. */
    private static ResponseBody region(byte[] head, FragmentBytes stored, int from) {
        if (stored.inMemory()) {
            byte[] tail = stored.memory();
            byte[] out = Arrays.copyOf(head, head.length + tail.length - from);
            System.arraycopy(tail, from, out, head.length, tail.length - from);
            return ResponseBody.of(out);
        }
        return ResponseBody.of(head, stored.file(), stored.offset() + from, stored.size() - from);
    }
}
