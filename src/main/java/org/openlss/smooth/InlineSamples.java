package org.openlss.smooth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openlss.live.FragmentBytes;
import org.openlss.live.FragmentLookup;
import org.openlss.live.LiveTrack;
import org.openlss.live.Timeline;
import org.openlss.mp4.Bytes;

/**
 * The sample data a {@code ManifestOutput} sparse stream carries inline in the client manifest (smooth-client.md
 * §2.4: {@code <f i="<QualityLevel Index>">base64</f>} in each {@code c}): each fragment's {@code mdat} payload,
 * base64, read and encoded once per fragment and kept per track, not per manifest build.
 */
final class InlineSamples {
    private final Map<Long, String> encoded = new ConcurrentHashMap<>();

    /** The base64 sample data of every fragment of {@code timeline} in {@code track}; empty for one it lacks. */
    static List<String> of(LiveTrack track, Timeline timeline) {
        InlineSamples samples = track.outputStates().of(InlineSamples.class, InlineSamples::new);
        long[] times = timeline.times();
        List<String> data = new ArrayList<>(times.length);
        for (long time : times) {
            String sample = samples.encoded.computeIfAbsent(time, t -> read(track, t));
            data.add(sample == null ? "" : sample);
        }
        if (times.length > 0) {
            samples.encoded.keySet().removeIf(t -> t < times[0]); // left the window
        }
        return data;
    }

    private static String read(LiveTrack track, long time) {
        FragmentLookup lookup = track.lookup(time);
        FragmentBytes stored = lookup.outcome() == FragmentLookup.Outcome.AVAILABLE ? track.stored(lookup.ref()) : null;
        if (stored == null) {
            return null; // not kept: it may come yet
        }
        try {
            byte[] all = stored.all();
            int mdatData = (int) Bytes.u32(all, 0) + 8;
            return Base64.getEncoder().encodeToString(Arrays.copyOfRange(all, mdatData, all.length));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sparse fragment at " + time + " of " + track, e);
        }
    }
}
