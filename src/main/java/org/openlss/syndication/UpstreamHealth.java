package org.openlss.syndication;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.openlss.pubpoint.BehaviourErrors;
import org.openlss.pubpoint.PublishingPointPath;
import org.openlss.pubpoint.SyndicationUrl;

/**
 * How the upstreams of one event of a Pull point are doing: each failure and recovery goes to the point's status
 * ({@link BehaviourErrors}); when every URL has kept failing for {@code limit}, with no answer from any of them in
 * between, the point cannot do its job at all and {@code onOutage} hears why, once. Failures are reported at each
 * attempt (at least every 30 s of backoff), so the outage is noticed at the first report past the limit.
 */
final class UpstreamHealth {
    private final PublishingPointPath point;
    private final List<String> urls;
    private final BehaviourErrors errors;
    private final Clock clock;
    private final Duration limit;
    private final Consumer<String> onOutage;
    /** Per URL, since when it has failed without a success in between. */
    private final Map<String, Instant> failingSince = new HashMap<>();
    private boolean outage;

    UpstreamHealth(PublishingPointPath point, List<SyndicationUrl> upstreams, BehaviourErrors errors, Clock clock,
                   Duration limit, Consumer<String> onOutage) {
        this.point = point;
        this.urls = upstreams.stream().map(SyndicationUrl::url).distinct().toList();
        this.errors = errors;
        this.clock = clock;
        this.limit = limit;
        this.onOutage = onOutage;
    }

    /** An attempt on {@code url} failed; {@code problem} says how. */
    void failed(String url, String problem) {
        errors.sourcingFailed(point, url, problem);
        String reason;
        synchronized (this) {
            Instant now = clock.instant();
            failingSince.putIfAbsent(url, now);
            if (outage || !failingSince.keySet().containsAll(urls)) {
                return;
            }
            // the outage began when the last URL that still worked started failing
            Instant allFailing = failingSince.values().stream().max(Instant::compareTo).orElseThrow();
            if (Duration.between(allFailing, now).compareTo(limit) < 0) {
                return;
            }
            outage = true;
            reason = "every pull URL has failed for " + Duration.between(allFailing, now).toSeconds() + " s ("
                    + String.join(", ", urls) + "); the last failure: " + url + ": " + problem;
        }
        // outside the lock: the point's state change stops the pulls, which report here
        onOutage.accept(reason);
    }

    /** {@code url} answered. */
    void recovered(String url) {
        errors.sourcingRecovered(point, url);
        synchronized (this) {
            failingSince.remove(url);
        }
    }
}
