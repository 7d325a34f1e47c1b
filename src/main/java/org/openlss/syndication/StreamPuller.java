package org.openlss.syndication;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.openlss.ingest.IngestSession;
import org.openlss.ingest.StreamAddress;
import org.openlss.live.IncomingStream;
import org.openlss.live.LiveTrack;
import org.openlss.live.Presentation;
import org.openlss.pubpoint.PointEvent;
import org.openlss.pubpoint.PointEvents;
import org.openlss.pubpoint.PublishingPointPath;
import org.openlss.pubpoint.SyndicationUrl;

/**
 * Pulls one input stream from an upstream publishing point and feeds it into this point exactly like an encoder
 * push (an {@link IngestSession} with source type Pull). When the current upstream fails (connection error, non-200,
 * or no data for three fragment durations) it moves to the next URL of the list and resumes after the last fragment
 * it has ({@code ?from=}), so the timeline stays continuous; it keeps cycling through the list with backoff. The body
 * is read as the HTTP client delivers it; no thread waits on it.
 */
final class StreamPuller {
    private static final Logger LOG = Logger.getLogger(StreamPuller.class.getName());
    private static final long MIN_STALL_MILLIS = 6000;

    private final PublishingPointPath point;
    private final List<SyndicationUrl> upstreams;
    private final StreamAddress address;
    private final Supplier<Presentation> presentation;
    private final Runnable onStreamArrived;
    private final SyndicationHttp http;
    private final UpstreamHealth health;
    private final PointEvents events;
    private final Backoff backoff = new Backoff();
    private int current;
    private int failuresInRow;
    private volatile boolean stopped;
    private volatile boolean ended;
    private volatile Attempt attempt;
    private ScheduledFuture<?> watchdog;

    StreamPuller(PublishingPointPath point, List<SyndicationUrl> upstreams, int startAt, StreamAddress address,
                 Supplier<Presentation> presentation, Runnable onStreamArrived, SyndicationHttp http,
                 UpstreamHealth health, PointEvents events) {
        this.point = point;
        this.upstreams = upstreams;
        this.current = startAt;
        this.address = address;
        this.presentation = presentation;
        this.onStreamArrived = onStreamArrived;
        this.http = http;
        this.health = health;
        this.events = events;
    }

    void start() {
        watchdog = http.scheduler().scheduleWithFixedDelay(this::checkStall, 1, 1, TimeUnit.SECONDS);
        connect();
    }

    void stop() {
        stopped = true;
        if (watchdog != null) {
            watchdog.cancel(false);
        }
        Attempt a = attempt;
        if (a != null) {
            a.abandon();
        }
    }

    boolean ended() {
        return ended;
    }

    private synchronized void connect() {
        if (stopped || ended) {
            return;
        }
        SyndicationUrl upstream = upstreams.get(current);
        long from = lastTime();
        String resource = address.toString() + (from >= 0 ? "?from=" + from : "");
        Attempt a = new Attempt(upstream);
        attempt = a;
        HttpRequest request = http.request(upstream, resource).GET().build();
        http.client().sendAsync(request, r -> r.statusCode() == 200 ? HttpResponse.BodySubscribers.fromSubscriber(a)
                        : HttpResponse.BodySubscribers.replacing(null))
                .whenComplete((response, failure) -> {
                    if (failure != null) {
                        a.failed("unreachable: " + failure.getMessage());
                    } else if (response.statusCode() != 200) {
                        a.failed(SyndicationHttp.describe(response.statusCode()));
                    }
                });
    }

    /** The newest fragment this point has of the stream: where a new upstream resumes. */
    private long lastTime() {
        Presentation p = presentation.get();
        IncomingStream stream = p == null ? null : p.stream(address.streamId());
        if (stream == null || stream.levels().isEmpty()) {
            return -1;
        }
        return stream.levels().stream().mapToLong(LiveTrack::lastTime).min().orElse(-1);
    }

    private void checkStall() {
        Attempt a = attempt;
        if (a != null && a.streaming && System.currentTimeMillis() - a.session.lastDataMillis() > stallLimit()) {
            a.failed("no data for " + stallLimit() / 1000 + " s");
        }
    }

    /** Three fragment durations of the stream, at least a few seconds. */
    private long stallLimit() {
        Presentation p = presentation.get();
        IncomingStream stream = p == null ? null : p.stream(address.streamId());
        long longest = 0;
        if (stream != null) {
            for (LiveTrack track : stream.levels()) {
                longest = Math.max(longest, track.figures().lastFragmentDuration() * 1000
                        / track.description().timescale());
            }
        }
        return Math.max(MIN_STALL_MILLIS, 3 * longest);
    }

    /** Moves to the next upstream; after a whole round without success, waits with backoff first. */
    private synchronized void failover(Attempt failed, String problem) {
        if (failed != attempt || stopped || ended) {
            return;
        }
        health.failed(failed.upstream.url(), problem);
        LOG.warning("Pull of " + address + " into " + point.urlPath() + " from " + failed.upstream.url() + ": "
                + problem);
        current = (current + 1) % upstreams.size();
        events.record(point, PointEvent.Kind.SYNDICATION_FAILOVER, address.streamId(), "from "
                + failed.upstream.url() + " to " + upstreams.get(current).url() + " (" + problem + ")");
        failuresInRow++;
        long delay = failuresInRow >= upstreams.size() ? backoff.nextDelayMillis() : 0;
        if (failuresInRow >= upstreams.size()) {
            failuresInRow = 0;
        }
        http.scheduler().schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    /** One GET of the stream from one upstream. */
    private final class Attempt implements Flow.Subscriber<List<ByteBuffer>> {
        private final SyndicationUrl upstream;
        private final IngestSession session;
        private volatile Flow.Subscription subscription;
        private volatile boolean streaming;
        private volatile boolean over;

        Attempt(SyndicationUrl upstream) {
            this.upstream = upstream;
            this.session = new IngestSession(address, SyndicationHttp.host(upstream), "Pull", presentation,
                    onStreamArrived, (kind, stream, text) -> events.record(point, kind, stream, text));
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            streaming = true;
            health.recovered(upstream.url());
            s.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (over) {
                return;
            }
            try {
                for (ByteBuffer buffer : buffers) {
                    session.feed(buffer);
                }
                backoff.reset();
                failuresInRow = 0;
                subscription.request(1);
            } catch (IngestSession.IngestRefusal e) {
                failed("the upstream sent what this point refuses: " + e.getMessage());
            }
        }

        @Override
        public void onError(Throwable t) {
            failed("connection lost: " + t.getMessage());
        }

        @Override
        public void onComplete() {
            if (over) {
                return;
            }
            over = true;
            if (session.finish()) {
                ended = true;
                LOG.info("Pull of " + address + " into " + point.urlPath() + " ended with end of stream");
            } else {
                failover(this, "the upstream closed the stream without end of stream");
            }
        }

        void failed(String problem) {
            if (!over) {
                over = true;
                abandon();
                failover(this, problem);
            }
        }

        void abandon() {
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
            session.disconnect();
        }
    }
}
