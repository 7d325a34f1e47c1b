package org.openlss.hls;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The segments of one event, the same for every variant: cut from the video timeline as it arrives
 * ({@link SegmentCutter}), indexed ({@link SegmentIndex}) and recorded ({@link SegmentLog}) so that a restart continues
 * the same numbering. The segmenter's task changes it; request threads look segments up; every method locks.
 */
final class SegmentPlan implements AutoCloseable {
    private final SegmentCutter cutter;
    private final SegmentIndex index;
    private final SegmentLog log;
    private final long length;

    private SegmentPlan(SegmentIndex index, SegmentLog log, long length) {
        this.index = index;
        this.log = log;
        this.length = length;
        this.cutter = new SegmentCutter(length, Math.max(1, index.timescale() / 1000),
                index.isEmpty() ? Long.MIN_VALUE : index.last().end());
    }

    /** Opens the plan recorded in {@code file}, or a new one; times are in {@code timescale}. */
    static SegmentPlan open(Path file, long timescale, Duration segmentLength) {
        SegmentLog log = SegmentLog.open(file);
        SegmentIndex index = new SegmentIndex(timescale);
        log.recovered().forEach(index::restore);
        long length = segmentLength.toMillis() * timescale / 1000;
        return new SegmentPlan(index, log, length);
    }

    long timescale() {
        return index.timescale();
    }

    /** Where the next fragment of the video timeline is expected. */
    synchronized long frontier() {
        return cutter.frontier();
    }

    /** Offers the next video fragment; returns the segments this closes, now numbered, dated and recorded. */
    synchronized List<Segment> offer(long time, long duration, long nowMillis) {
        List<Segment> closed = new ArrayList<>(2);
        for (SegmentCutter.Span span : cutter.offer(time, duration)) {
            closed.add(record(span, nowMillis));
        }
        return closed;
    }

    /** The event is over: the open segment closes with what it has. Returns it, or null. */
    synchronized Segment flush(long nowMillis) {
        SegmentCutter.Span last = cutter.flush();
        return last == null ? null : record(last, nowMillis);
    }

    synchronized long nextSequence() {
        return index.nextSequence();
    }

    synchronized long firstSequence() {
        return index.firstSequence();
    }

    synchronized Segment bySequence(long sequence) {
        return index.bySequence(sequence);
    }

    synchronized Segment byStart(long start) {
        return index.byStart(start);
    }

    synchronized List<Segment> range(long from, long to) {
        return index.range(from, to);
    }

    synchronized long discontinuitiesBefore(long sequence) {
        return index.discontinuitiesBefore(sequence);
    }

    /** EXT-X-TARGETDURATION: the configured length or the longest segment, rounded to whole seconds. */
    synchronized int targetDurationSeconds() {
        long ts = index.timescale();
        long configured = (length + ts - 1) / ts;
        long longest = (2 * index.longest() + ts) / (2 * ts);
        return (int) Math.max(1, Math.max(configured, longest));
    }

    /** The first segment playlists list, for a window of {@code window} timescale units (0: the whole event). */
    synchronized long firstListed(long window) {
        return index.firstListed(window, 3L * targetDurationSeconds() * index.timescale());
    }

    /** Forgets the segments before {@code sequence} (their files are gone). */
    synchronized void dropBefore(long sequence) {
        index.dropBefore(sequence);
    }

    @Override
    public synchronized void close() {
        log.close();
    }

    private Segment record(SegmentCutter.Span span, long nowMillis) {
        Segment segment = index.append(span, nowMillis);
        log.append(segment);
        return segment;
    }
}
