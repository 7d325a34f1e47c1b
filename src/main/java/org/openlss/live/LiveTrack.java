package org.openlss.live;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;
import org.openlss.mp4.IngestFragment;
import org.openlss.mp4.Tfrf;
import org.openlss.mp4.TrackDescription;
import org.openlss.mp4.TrackHeader;

/**
 * One quality level of a live presentation: its fragment index, their bytes on disk, and the lookahead hold-back. A
 * fragment becomes visible to clients once {@code lookahead} later fragments of the track have arrived (so it is served
 * with a full {@code tfrf}), or when no more will come. A sparse track has no lookahead; its fragment at t becomes
 * visible once its parent stream lists a fragment at t or later, or when the event is over (smooth-ingest.md §4.8).
 * Duplicates (same time) are dropped silently; a fragment older than the newest one is refused, and so is one that
 * starts before the newest one ends (a redundant encoder off the first one's timeline).
 *
 * <p>Ingest changes a track under its monitor (the disk write and the listeners included); client lookups never take
 * it: they read the {@link Published} snapshot of the index and release point, replaced after every change.
 */
public final class LiveTrack {
    private static final Logger LOG = Logger.getLogger(LiveTrack.class.getName());
    /** dash.js reads tfrf times as doubles: above 2^53 it requests URLs that do not exist. */
    static final long SAFE_TIME_LIMIT = 1L << 53;

    /** What became of an ingested fragment. */
    public enum Append { ACCEPTED, DUPLICATE, BACKWARDS, OVERLAPS }

    private final TrackKey key;
    private final TrackDescription description;
    private final TrackHeader movieTrack;
    private final StreamIndex streamIndex;
    private final FragmentIndex index = new FragmentIndex();
    /** What readers see: the index and how much of it is released, replaced whole after every change. */
    private volatile Published published;
    private final OutputStates outputStates = new OutputStates();
    private final FragmentStore store;
    private final int lookahead;
    private final long windowTicks;
    private final long graceTicks;
    private final long jumpBoundMillis;
    private long releasedSequence;
    private int feeders;
    private volatile boolean ended;
    private boolean warnedUnsafeTime;
    private boolean warnedOverlap;

    private final RateMeter incoming = new RateMeter();
    private final RateMeter requests = new RateMeter();
    private volatile long lastArrivalMillis;
    /** Arrival wall time minus media time, at its smallest so far: the source's real-time reference. */
    private long earliestOffsetMillis = Long.MAX_VALUE;
    private volatile long maxLateMillis;
    private volatile long fragmentsIngested;
    private volatile long bytesIngested;
    private final LongAdder fragmentsServed = new LongAdder();
    private final LongAdder bytesServed = new LongAdder();

    LiveTrack(TrackKey key, TrackDescription description, TrackHeader movieTrack,
              StreamIndex streamIndex, FragmentStore store, PresentationSettings settings) {
        this.key = key;
        this.description = description;
        this.movieTrack = movieTrack;
        this.streamIndex = streamIndex;
        this.store = store;
        this.lookahead = description.sparse() ? 0 : settings.lookahead();
        this.windowTicks = settings.dvrWindow().toMillis() * description.timescale() / 1000;
        this.graceTicks = settings.evictionGrace().toMillis() * description.timescale() / 1000;
        this.jumpBoundMillis = settings.timelineJumpBound().toMillis();
        for (FragmentStore.Record r : store.recovered()) {
            index.append(r.time(), r.duration(), r.position(), r.size(), r.keyFrame());
        }
        publish();
    }

    /** The index and its released part as one immutable value: a lookup sees both from the same moment. */
    private record Published(FragmentIndex.View index, long releasedSequence) {
        long lastReleasedTime() {
            long last = releasedSequence - 1 - index.firstSequence();
            return last < 0 ? Long.MIN_VALUE : index.time((int) last);
        }
    }

    private void publish() {
        published = new Published(index.view(), releasedSequence);
    }

    public TrackKey key() {
        return key;
    }

    public TrackDescription description() {
        return description;
    }

    /** The track as the {@code moov} declares it: sample entry, codec configuration, {@code trex} defaults. */
    public TrackHeader movieTrack() {
        return movieTrack;
    }

    public StreamIndex streamIndex() {
        return streamIndex;
    }

    /**
     * Stores the fragment unless it is a duplicate, goes backwards or overlaps the newest one; releases what the
     * lookahead now allows.
     *
     * @throws StreamRefusedException 409 for a fragment that starts too far ahead of the newest one
     */
    synchronized Append append(IncomingStream from, IngestFragment fragment, List<PresentationListener> listeners) {
        long time = fragment.time();
        FragmentIndex.View view = index.view();
        if (!view.isEmpty() && time <= view.lastTime()) {
            return view.find(time) >= 0 ? Append.DUPLICATE : Append.BACKWARDS;
        }
        if (!view.isEmpty() && view.last().end() - time > description.timescale() / 1000) {
            // Redundant encoders must share one timeline; one that is not (restarted off the other's grid) would
            // list media twice. Tolerated: a millisecond of rounding between a fragment's duration and the next time.
            if (!warnedOverlap) {
                warnedOverlap = true;
                LOG.warning("Dropped a fragment of " + key + " from stream " + from.id() + " at " + time + ": it starts"
                        + " before the newest fragment ends (" + view.last().end() + "). Redundant encoders must send"
                        + " the same fragment times; told once per track");
            }
            return Append.OVERLAPS;
        }
        if (!view.isEmpty()) {
            refuseJump(time, view.last().end(), System.currentTimeMillis());
        }
        if (time >= SAFE_TIME_LIMIT && !warnedUnsafeTime) {
            warnedUnsafeTime = true;
            LOG.warning("Track " + key + " has fragment times above 2^53 (" + time
                    + "): dash.js cannot follow such times exactly; configure the encoder to start near zero");
        }
        long position;
        try {
            position = store.append(time, fragment.duration(), fragment.startsWithSyncSample(), fragment.moof(),
                    fragment.mdat());
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
        int size = fragment.moof().length + fragment.mdat().length;
        FragmentRef ref = index.append(time, fragment.duration(), position, size, fragment.startsWithSyncSample());
        publish();
        long now = System.currentTimeMillis();
        recordLateness(now, time);
        lastArrivalMillis = now;
        fragmentsIngested++;
        bytesIngested += size;
        incoming.record(size, now);
        for (PresentationListener l : listeners) {
            l.fragmentAccepted(from, this, ref, fragment);
        }
        release(listeners);
        evict();
        return Append.ACCEPTED;
    }

    /**
     * A fragment may start later than the newest one ends by the time that passed since that one arrived (an encoder
     * back after an outage, its clock kept running) plus the bound; further ahead it would move the live edge where
     * the encoder feeding the event is not, and that encoder's next fragments would be dropped as going backwards.
     */
    private void refuseJump(long time, long lastEnd, long nowMillis) {
        if (lastArrivalMillis == 0) {
            return; // recovered after a restart: no arrival in this run to measure the outage from
        }
        long allowedMillis = jumpBoundMillis + Math.max(0, nowMillis - lastArrivalMillis);
        BigInteger allowed = BigInteger.valueOf(allowedMillis).multiply(BigInteger.valueOf(description.timescale()))
                .divide(BigInteger.valueOf(1000));
        if (BigInteger.valueOf(time - lastEnd).compareTo(allowed) > 0) {
            throw new StreamRefusedException(409, String.format("the fragment of %s at %d starts %d s after the newest"
                    + " one ends, but the stream's timeline may run at most %d s ahead of the live edge", key, time,
                    (time - lastEnd) / description.timescale(), allowedMillis / 1000));
        }
    }

    /**
     * How late this fragment came against real time: its arrival minus its media time, compared with the smallest such
     * offset seen. A source pushing in real time keeps it near zero; stalls in reading or storing it show here.
     */
    private void recordLateness(long nowMillis, long time) {
        long offset = nowMillis - BigInteger.valueOf(time).multiply(BigInteger.valueOf(1000))
                .divide(BigInteger.valueOf(description.timescale())).longValue();
        earliestOffsetMillis = Math.min(earliestOffsetMillis, offset);
        maxLateMillis = Math.max(maxLateMillis, offset - earliestOffsetMillis);
    }

    /** Makes visible every fragment the lookahead no longer holds back. */
    private void release(List<PresentationListener> listeners) {
        FragmentIndex.View view = index.view();
        long releasable = view.nextSequence() - (ended ? 0 : lookahead);
        while (releasedSequence < releasable) {
            long sequence = Math.max(releasedSequence, view.firstSequence());
            FragmentRef ref = view.get((int) (sequence - view.firstSequence()));
            if (!parentReached(ref.time())) {
                break;
            }
            releasedSequence = sequence + 1;
            publish();
            streamIndex.released(ref.time(), ref.duration());
            for (PresentationListener l : listeners) {
                l.fragmentReleased(this, ref);
            }
        }
    }

    /** Whether a fragment at {@code time} may be shown as far as the parent stream goes (always, unless sparse). */
    private boolean parentReached(long time) {
        Presentation presentation = streamIndex.presentation();
        if (!description.sparse() || presentation.ended()) {
            return true;
        }
        StreamIndex parent = presentation.streamIndex(description.parentTrackName());
        long parentTime = parent == null ? -1 : parent.lastTime();
        if (parentTime < 0 || parent.timescale() == description.timescale()) {
            return parentTime >= time;
        }
        // parentTime / parent timescale >= time / own timescale, exactly (times may be near 2^63)
        return BigInteger.valueOf(parentTime).multiply(BigInteger.valueOf(description.timescale()))
                .compareTo(BigInteger.valueOf(time).multiply(BigInteger.valueOf(parent.timescale()))) >= 0;
    }

    /** The parent stream listed more (or the event ended): shows the sparse fragments that waited for it. */
    synchronized void parentAdvanced(List<PresentationListener> listeners) {
        release(listeners);
    }

    /** Drops fragments that left the DVR window longer ago than the grace. */
    private void evict() {
        FragmentIndex.View view = index.view();
        if (windowTicks == 0 || view.isEmpty()) {
            return;
        }
        long cutoff = view.last().end() - windowTicks - graceTicks;
        int drop = 0;
        while (drop < view.size() - 1 && view.time(drop) + view.duration(drop) <= cutoff
                && view.firstSequence() + drop < releasedSequence) {
            drop++;
        }
        if (drop > 0) {
            index.dropOldest(drop);
            publish();
            store.releaseBefore(index.view().get(0).position());
        }
    }

    /** An input stream carrying this track connected; it is live again. */
    synchronized void feederStarted() {
        feeders++;
        ended = false;
    }

    /** An input stream carrying this track ended; when none is left, the held-back fragments are released. */
    synchronized void feederEnded(List<PresentationListener> listeners) {
        feeders = Math.max(0, feeders - 1);
        if (feeders == 0) {
            end(listeners);
        }
    }

    /** No more fragments will come: release everything held back. */
    synchronized void end(List<PresentationListener> listeners) {
        ended = true;
        release(listeners);
    }

    /** After recovery: a track no live stream feeds is complete; the others keep their lookahead hold-back. */
    synchronized void resume(List<PresentationListener> listeners) {
        if (feeders == 0) {
            end(listeners);
        } else {
            release(listeners);
        }
    }

    /** Finds the fragment a client asks for. */
    public FragmentLookup lookup(long time) {
        Published now = published;
        FragmentIndex.View index = now.index();
        int at = index.find(time);
        if (at >= 0) {
            FragmentRef ref = index.get(at);
            if (ref.sequence() >= now.releasedSequence()) {
                return FragmentLookup.of(FragmentLookup.Outcome.NOT_YET_AVAILABLE);
            }
            return new FragmentLookup(FragmentLookup.Outcome.AVAILABLE, ref);
        }
        if (index.isEmpty() || time > now.lastReleasedTime()) {
            return streamIndex.lists(time) || index.isEmpty() || time > index.lastTime()
                    ? FragmentLookup.of(FragmentLookup.Outcome.NOT_YET_AVAILABLE)
                    : FragmentLookup.of(FragmentLookup.Outcome.NOT_A_FRAGMENT);
        }
        if (time < index.time(0)) {
            return FragmentLookup.of(streamIndex.lists(time) ? FragmentLookup.Outcome.MISSING
                    : FragmentLookup.Outcome.OUT_OF_WINDOW);
        }
        return FragmentLookup.of(streamIndex.lists(time) ? FragmentLookup.Outcome.MISSING
                : FragmentLookup.Outcome.NOT_A_FRAGMENT);
    }

    /** The fragments after {@code ref}, up to {@code count}: what its {@code tfrf} announces. */
    public List<Tfrf.Entry> lookahead(FragmentRef ref, int count) {
        FragmentIndex.View index = published.index();
        List<Tfrf.Entry> next = new ArrayList<>(count);
        int at = (int) (ref.sequence() - index.firstSequence()) + 1;
        for (int i = Math.max(at, 0); i < index.size() && next.size() < count; i++) {
            next.add(new Tfrf.Entry(index.time(i), index.duration(i)));
        }
        return next;
    }

    /**
     * Every stored fragment that starts after {@code afterTime}, held-back ones included, oldest first: what a
     * downstream server that already has {@code afterTime} is missing.
     */
    public List<FragmentRef> storedAfter(long afterTime) {
        FragmentIndex.View index = published.index();
        List<FragmentRef> refs = new ArrayList<>();
        int at = index.find(afterTime);
        for (int i = at >= 0 ? at + 1 : -at - 1; i < index.size(); i++) {
            refs.add(index.get(i));
        }
        return refs;
    }

    /** Time of the newest stored fragment, or -1 before the first. */
    public long lastTime() {
        FragmentIndex.View index = published.index();
        return index.isEmpty() ? -1 : index.lastTime();
    }

    /**
     * The stored fragments that overlap {@code [from, to)}, oldest first, whether clients may see them yet or not: for
     * outputs that convert fragments as they arrive (the lookahead hold-back exists for Smooth's {@code tfrf} only).
     */
    public List<FragmentRef> acceptedBetween(long from, long to) {
        FragmentIndex.View index = published.index();
        List<FragmentRef> refs = new ArrayList<>();
        int i = index.ceiling(from);
        if (i > 0 && index.time(i - 1) + index.duration(i - 1) > from) {
            i--;
        }
        for (; i < index.size() && index.time(i) < to; i++) {
            refs.add(index.get(i));
        }
        return refs;
    }

    /** End of the newest stored fragment, or {@link Long#MIN_VALUE} before the first one. */
    public long acceptedEnd() {
        FragmentIndex.View index = published.index();
        return index.isEmpty() ? Long.MIN_VALUE : index.last().end();
    }

    /** Where the fragment's bytes are (in memory or on disk), or null once deleted. */
    public FragmentBytes stored(FragmentRef ref) {
        return store.locate(ref.position(), ref.size());
    }

    /** What outputs keep for this quality level (built responses, say). */
    public OutputStates outputStates() {
        return outputStates;
    }

    /** The fragment's bytes as ingested ({@code moof}+{@code mdat}), or null once deleted. */
    public byte[] read(FragmentRef ref) {
        return store.read(ref.position(), ref.size());
    }

    /** Counts a client request for statistics. */
    public void served(long bytes) {
        requests.record(bytes, System.currentTimeMillis());
        fragmentsServed.increment();
        bytesServed.add(bytes);
    }

    /** Figures for statistics and screens. */
    public synchronized TrackFigures figures() {
        long now = System.currentTimeMillis();
        Published current = published;
        FragmentRef last = current.index().isEmpty() ? null : current.index().last();
        return new TrackFigures(description.bitrate(), Math.round(incoming.amountPerSecond(now) * 8),
                lastArrivalMillis == 0 ? -1 : now - lastArrivalMillis, last == null ? 0 : last.time(),
                last == null ? 0 : last.duration(), requests.eventsPerSecond(now), fragmentsIngested,
                fragmentsServed.sum(), bytesIngested, bytesServed.sum(),
                current.lastReleasedTime() == Long.MIN_VALUE ? 0 : current.lastReleasedTime(), maxLateMillis);
    }

    /** Whether no more fragments will come: every input stream feeding this level ended, or the event is over. */
    public boolean ended() {
        return ended;
    }

    void close() {
        store.close();
    }

    void delete() {
        store.deleteAll();
    }

    @Override
    public String toString() {
        return key.toString();
    }
}
