package org.openlss.syndication;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.openlss.live.IncomingStream;
import org.openlss.live.Presentation;
import org.openlss.pubpoint.BehaviourErrors;
import org.openlss.pubpoint.Destinations;
import org.openlss.pubpoint.PublishingPointPath;
import org.openlss.pubpoint.SyndicationUrl;

/**
 * Re-posts one input stream to one downstream publishing point, as an encoder would: a probe (an empty POST, so a
 * refusal or a 401 shows before any data is committed), then one long-lived chunked POST of header boxes and
 * fragments. When it fails it reconnects with backoff and resends the header and the last two fragments of each
 * track; the downstream drops what it already has. A downstream that is down or slow only affects this connection.
 */
final class PushConnection {
    private static final Logger LOG = Logger.getLogger(PushConnection.class.getName());
    static final String OUTPUT = "HTTP Push";
    private static final int RESEND_PER_TRACK = 2;
    /** The probe is short; the stream POST itself has no timeout, its answer comes only at its end. */
    private static final java.time.Duration PROBE_TIMEOUT = java.time.Duration.ofSeconds(10);

    private final PublishingPointPath upstream;
    private final SyndicationUrl downstream;
    private final Presentation presentation;
    private final IncomingStream stream;
    private final boolean endOfStreamOnStop;
    private final SyndicationHttp http;
    private final Destinations destinations;
    private final BehaviourErrors errors;
    private final Backoff backoff = new Backoff();
    private final String resource;
    private volatile boolean stopped;
    private volatile StreamFeed feed;
    private boolean connectedBefore;

    PushConnection(PublishingPointPath upstream, SyndicationUrl downstream, Presentation presentation,
                   IncomingStream stream, boolean endOfStreamOnStop, SyndicationHttp http, Destinations destinations,
                   BehaviourErrors errors) {
        this.upstream = upstream;
        this.downstream = downstream;
        this.presentation = presentation;
        this.stream = stream;
        this.endOfStreamOnStop = endOfStreamOnStop;
        this.http = http;
        this.destinations = destinations;
        this.errors = errors;
        this.resource = (stream.eventId().isEmpty() ? "" : "Events(" + stream.eventId() + ")/")
                + "Streams(" + stream.id() + ")";
    }

    void start() {
        status("connecting");
        probe();
    }

    void stop() {
        stopped = true;
        StreamFeed current = feed;
        if (current != null) {
            current.close();
        }
        destinations.closed(upstream, SyndicationHttp.host(downstream), OUTPUT, stream.id());
    }

    private void probe() {
        if (stopped) {
            return;
        }
        HttpRequest request = http.request(downstream, resource).POST(HttpRequest.BodyPublishers.noBody())
                .timeout(PROBE_TIMEOUT).build();
        http.client().sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            if (failure != null) {
                retry("unreachable: " + failure.getMessage());
            } else if (response.statusCode() != 200) {
                retry(SyndicationHttp.describe(response.statusCode()));
            } else {
                post();
            }
        });
    }

    private void post() {
        if (stopped) {
            return;
        }
        FeedPublisher publisher = new FeedPublisher(http.executor());
        StreamFeed current = new StreamFeed(presentation, stream, Long.MIN_VALUE,
                connectedBefore ? RESEND_PER_TRACK : 0, http.maxBehind(), endOfStreamOnStop, publisher::wake);
        publisher.feed(current);
        feed = current;
        connectedBefore = true;
        status("connected");
        errors.distributionRecovered(upstream, downstream.url());
        HttpRequest request = http.request(downstream, resource)
                .POST(HttpRequest.BodyPublishers.fromPublisher(publisher)).build();
        http.client().sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            current.close();
            if (stopped) {
                return;
            }
            boolean delivered = failure == null && response.statusCode() == 200 && current.finished()
                    && publisher.failure() == null;
            if (delivered || presentation.ended()) {
                LOG.info("Pushed " + stream + " of " + upstream.urlPath() + " to " + downstream.url() + " to its end");
                destinations.closed(upstream, SyndicationHttp.host(downstream), OUTPUT, stream.id());
                return;
            }
            backoff.reset();
            retry(publisher.failure() != null ? publisher.failure().getMessage()
                    : failure != null ? "connection lost: " + failure.getMessage()
                    : SyndicationHttp.describe(response.statusCode()));
        });
    }

    private void retry(String problem) {
        if (stopped) {
            return;
        }
        long delay = backoff.nextDelayMillis();
        status(problem + "; retrying in " + delay / 1000 + " s");
        errors.distributionFailed(upstream, downstream.url(), problem);
        http.scheduler().schedule(this::probe, delay, TimeUnit.MILLISECONDS);
    }

    private void status(String text) {
        destinations.connection(upstream, SyndicationHttp.host(downstream), OUTPUT, stream.id(), text);
    }
}
