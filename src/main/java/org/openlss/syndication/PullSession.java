package org.openlss.syndication;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openlss.ingest.StreamAddress;
import org.openlss.live.Presentation;
import org.openlss.mp4.BoxFormatException;
import org.openlss.mp4.StreamManifest;
import org.openlss.pubpoint.PointEvents;
import org.openlss.pubpoint.PublishingPointPath;
import org.openlss.pubpoint.SyndicationUrl;

/**
 * The pull side of one event of a Pull point: asks an upstream for its stream list ({@code streammanifest}) and
 * keeps one {@link StreamPuller} per stream. The list is asked again now and then, so streams that start later on the
 * upstream are pulled too; an upstream that does not answer passes the question to the next URL.
 */
final class PullSession {
    private static final long DISCOVERY_SECONDS = 5;

    private final PublishingPointPath point;
    private final List<SyndicationUrl> upstreams;
    private final Supplier<Presentation> presentation;
    private final Runnable onStreamArrived;
    private final SyndicationHttp http;
    private final UpstreamHealth health;
    private final PointEvents events;
    private final Map<String, StreamPuller> pullers = new ConcurrentHashMap<>();
    private volatile int next;
    private volatile boolean stopped;
    private ScheduledFuture<?> discovery;

    PullSession(PublishingPointPath point, List<SyndicationUrl> upstreams, Supplier<Presentation> presentation,
                Runnable onStreamArrived, SyndicationHttp http, UpstreamHealth health, PointEvents events) {
        this.point = point;
        this.upstreams = upstreams;
        this.presentation = presentation;
        this.onStreamArrived = onStreamArrived;
        this.http = http;
        this.health = health;
        this.events = events;
    }

    void start() {
        discovery = http.scheduler().scheduleWithFixedDelay(this::discover, 0, DISCOVERY_SECONDS, TimeUnit.SECONDS);
    }

    void stop() {
        stopped = true;
        if (discovery != null) {
            discovery.cancel(false);
        }
        pullers.values().forEach(StreamPuller::stop);
    }

    private void discover() {
        if (stopped) {
            return;
        }
        int at = next;
        SyndicationUrl upstream = upstreams.get(at);
        http.client().sendAsync(http.request(upstream, "streammanifest").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, failure) -> {
                    if (failure != null || response.statusCode() != 200) {
                        health.failed(upstream.url(), failure != null
                                ? "unreachable: " + failure.getMessage()
                                : SyndicationHttp.describe(response.statusCode()));
                        next = (at + 1) % upstreams.size();
                        return;
                    }
                    health.recovered(upstream.url());
                    try {
                        for (String ref : StreamManifest.parse(response.body()).streams()) {
                            StreamAddress.parse(ref).ifPresent(address -> pull(address, at));
                        }
                    } catch (BoxFormatException e) {
                        health.failed(upstream.url(), "unreadable stream list: " + e.getMessage());
                    }
                });
    }

    private void pull(StreamAddress address, int upstream) {
        if (stopped) {
            return;
        }
        pullers.computeIfAbsent(address.toString(), key -> {
            StreamPuller puller = new StreamPuller(point, upstreams, upstream, address, presentation, onStreamArrived,
                    http, health, events);
            puller.start();
            return puller;
        });
    }
}
