package org.openlss.smooth;

import java.util.ArrayList;
import java.util.List;
import org.openlss.live.Presentation;
import org.openlss.live.StreamIndex;

/**
 * The Sparse Stream Pointer (smooth-client.md §3.4) a parent stream's fragment response carries, as IIS sends it in
 * {@code Content-Type}: {@code ChildTrack="<name>=<time>,…"}, for each sparse stream attached to it the newest listed
 * fragment that starts before the parent fragment ends, so that a client learns of new captions or markers without
 * reloading the manifest; a sparse stream's own fragment names its preceding one. It is read from the streams'
 * timelines on each request (a binary search, nothing parsed).
 *
 * <p>The value may still change after a parent fragment was first served: a sparse fragment is sent once it ends, so
 * it may arrive after the parent fragments it overlaps. It is {@code settled} (cannot change any more) once every
 * child's listed fragments reach the parent fragment's end (sparse fragments come in order), or the event ended;
 * until then the response must not be cached for long, and its ETag carries the value.
 *
 * @param value   the {@code ChildTrack} parameter's value (without quotes); empty when no child has a fragment yet
 * @param settled whether the value is final
 */
record SparseStreamPointer(String value, boolean settled) {
    /**
     * The pointer for the fragment of {@code parent} ending at {@code end} (the parent's timescale), or null when the
     * parent has no sparse child.
     */
    static SparseStreamPointer of(Presentation presentation, StreamIndex parent, long end) {
        List<String> sets = new ArrayList<>();
        boolean passed = true;
        boolean children = false;
        for (StreamIndex child : presentation.streamIndexes()) {
            if (parent.name().equals(child.parentName())) {
                children = true;
                long childEnd = rescale(end, parent.timescale(), child.timescale());
                long newest = child.newestBefore(childEnd);
                if (newest >= 0) {
                    sets.add(child.name() + "=" + newest);
                }
                passed &= child.listedEnd() >= childEnd;
            }
        }
        return children ? new SparseStreamPointer(String.join(",", sets), passed || presentation.ended()) : null;
    }

    /**
     * The pointer of a sparse stream's own fragment at {@code time}: its preceding fragment, which never changes; null
     * for its first fragment.
     */
    static SparseStreamPointer preceding(StreamIndex sparse, long time) {
        long previous = sparse.newestBefore(time);
        return previous < 0 ? null : new SparseStreamPointer(sparse.name() + "=" + previous, true);
    }

    private static long rescale(long time, long from, long to) {
        return from == to ? time : time / from * to + time % from * to / from;
    }

    /** The Content-Type of the parent fragment, {@code mediaType} with the pointer as a parameter. */
    String contentType(String mediaType) {
        return value.isEmpty() ? mediaType : mediaType + ";ChildTrack=\"" + value + "\"";
    }
}
