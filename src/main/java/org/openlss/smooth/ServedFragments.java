package org.openlss.smooth;

import org.openlss.player.SmoothUrl;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.openlss.live.FragmentRef;
import org.openlss.live.LiveTrack;
import org.openlss.mp4.Bytes;
import org.openlss.mp4.FragmentRewriter;
import org.openlss.mp4.KeyFrameFragment;
import org.openlss.mp4.Tfrf;

/**
 * Builds fragment responses from stored fragments: the server's {@code tfrf} in place of the encoder's, sizes and
 * data offsets fixed. A response is immutable once its {@code tfrf} is complete (the lookahead is full, or the event
 * ended), so the newest ones per quality level are kept: live clients all ask for the same few.
 */
public final class ServedFragments {
    private static final int CACHED_PER_TRACK = 8;
    private final Map<LiveTrack, Map<Long, byte[]>> cache = Collections.synchronizedMap(new WeakHashMap<>());

    /** The requested form of the fragment at {@code ref}, or null when its bytes are gone (left the DVR window). */
    public byte[] serve(LiveTrack track, FragmentRef ref, SmoothUrl.Noun noun, int lookahead, boolean ended) {
        boolean full = noun == SmoothUrl.Noun.Fragments;
        if (full) {
            byte[] cached = cached(track, ref.time());
            if (cached != null) {
                return cached;
            }
        }
        byte[] stored = track.read(ref);
        if (stored == null) {
            return null;
        }
        int moofSize = (int) Bytes.u32(stored, 0);
        byte[] moof = java.util.Arrays.copyOf(stored, moofSize);
        List<Tfrf.Entry> next = lookahead == 0 ? null : track.lookahead(ref, lookahead);
        switch (noun) {
            case FragmentInfo:
                return FragmentRewriter.moof(moof, next);
            case RawFragments:
                return java.util.Arrays.copyOfRange(stored, moofSize + 8, stored.length);
            case KeyFrames:
                return KeyFrameFragment.build(moof, java.util.Arrays.copyOfRange(stored, moofSize, stored.length),
                        track.movieTrack().defaults(), next);
            default:
                int served = FragmentRewriter.moofSize(moof, next);
                byte[] out = new byte[served + stored.length - moofSize];
                FragmentRewriter.writeMoof(moof, next, served, out, 0);
                System.arraycopy(stored, moofSize, out, served, stored.length - moofSize);
                if (ended || next == null || next.size() == lookahead) {
                    remember(track, ref.time(), out);
                }
                return out;
        }
    }

    private byte[] cached(LiveTrack track, long time) {
        Map<Long, byte[]> entries = cache.get(track);
        if (entries == null) {
            return null;
        }
        synchronized (entries) {
            return entries.get(time);
        }
    }

    private void remember(LiveTrack track, long time, byte[] bytes) {
        Map<Long, byte[]> entries = cache.computeIfAbsent(track, t -> new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, byte[]> eldest) {
                return size() > CACHED_PER_TRACK;
            }
        });
        synchronized (entries) {
            entries.put(time, bytes);
        }
    }
}
