package org.openlss.cmaf;

import java.io.IOException;
import java.util.Arrays;
import org.openlss.live.FragmentBytes;
import org.openlss.live.FragmentRef;
import org.openlss.live.LiveTrack;
import org.openlss.mp4.Bytes;
import org.openlss.mp4.CmafInit;
import org.openlss.mp4.CmafSegment;
import org.openlss.platform.ResponseBody;
import org.openlss.player.NewestResponses;

/**
 * CMAF responses of a live quality level: its header, built once, and its segments re-wrapped from the stored
 * fragments. A segment is final as soon as its fragment is listed (it announces nothing), so the newest per level are
 * built once in memory and shared; older (DVR) ones are the new {@code moof} followed by the {@code mdat} straight
 * from the fragment store's file.
 */
final class CmafSegments {
    private final NewestResponses newest = new NewestResponses(NewestResponses.PER_LEVEL);
    private volatile byte[] header;

    private CmafSegments() {
    }

    private static CmafSegments of(LiveTrack track) {
        return track.outputStates().of(CmafSegments.class, CmafSegments::new);
    }

    /** The level's CMAF header. */
    static byte[] header(LiveTrack track) {
        CmafSegments segments = of(track);
        byte[] built = segments.header;
        if (built == null) {
            segments.header = built = CmafInit.build(track.description());
        }
        return built;
    }

    /** The segment of the fragment at {@code ref}, or null when its bytes are gone (it left the DVR window). */
    static ResponseBody segment(LiveTrack track, FragmentRef ref) throws IOException {
        NewestResponses newest = of(track).newest;
        byte[] cached = newest.get(ref.time());
        if (cached != null) {
            return ResponseBody.of(cached);
        }
        FragmentBytes stored = track.stored(ref);
        if (stored == null) {
            return null;
        }
        int moofSize = (int) Bytes.u32(stored.read(0, 4), 0);
        byte[] head = CmafSegment.head(stored.read(0, moofSize), ref.time(), ref.sequence(),
                track.movieTrack().defaults());
        if (!stored.inMemory()) {
            return ResponseBody.of(head, stored.file(), stored.offset() + moofSize,
                    stored.size() - moofSize);
        }
        byte[] memory = stored.memory();
        return ResponseBody.of(newest.get(ref.time(), () -> {
            byte[] out = Arrays.copyOf(head, head.length + memory.length - moofSize);
            System.arraycopy(memory, moofSize, out, head.length, memory.length - moofSize);
            return out;
        }));
    }
}
