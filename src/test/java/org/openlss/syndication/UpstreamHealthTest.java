package org.openlss.syndication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openlss.pubpoint.BehaviourErrors;
import org.openlss.pubpoint.PublishingPoint;
import org.openlss.pubpoint.PublishingPointPath;
import org.openlss.pubpoint.PublishingPointSettings;
import org.openlss.pubpoint.PublishingPointState;
import org.openlss.pubpoint.SyndicationUrl;
import org.openlss.testing.ManualClock;

/** When a Pull point's upstreams have all failed long enough for the point to enter Error. */
class UpstreamHealthTest {
    private static final String A = "http://a.example/live/ch.isml";
    private static final String B = "http://b.example/live/ch.isml";
    private static final PublishingPointPath POINT = PublishingPointPath.of("/live/pull.isml");

    private final ManualClock clock = new ManualClock();
    private final BehaviourErrors errors = new BehaviourErrors();
    private final List<String> outages = new ArrayList<>();
    private final UpstreamHealth health = new UpstreamHealth(POINT,
            List.of(new SyndicationUrl(A, null), new SyndicationUrl(B, null)), errors, clock, Duration.ofSeconds(60),
            outages::add);

    @Test
    void everyUrlFailingForTheLimitIsAnOutageNamingTheUrlsAndTheLastFailure() {
        health.failed(A, "unreachable: connection refused");
        clock.advance(Duration.ofSeconds(30));
        health.failed(B, "HTTP 503");
        clock.advance(Duration.ofSeconds(59));
        health.failed(A, "unreachable: connection refused");
        assertEquals(List.of(), outages, "B has failed for 59 s only");
        assertTrue(status().contains(A) && status().contains("HTTP 503"), "each failure shows meanwhile: " + status());

        clock.advance(Duration.ofSeconds(1));
        health.failed(B, "HTTP 404 Not Found");
        assertEquals(List.of("every pull URL has failed for 60 s (" + A + ", " + B + "); the last failure: " + B
                + ": HTTP 404 Not Found"), outages);

        clock.advance(Duration.ofSeconds(600));
        health.failed(A, "unreachable: connection refused");
        assertEquals(1, outages.size(), "told once");
    }

    @Test
    void anAnswerFromAnyUrlStartsTheWaitAgain() {
        health.failed(A, "HTTP 503");
        health.failed(B, "HTTP 503");
        clock.advance(Duration.ofSeconds(50));
        health.recovered(B);
        assertEquals(A + ": HTTP 503", status(), "B answers: only A's failure is left");
        health.failed(A, "HTTP 503");
        clock.advance(Duration.ofSeconds(50));
        health.failed(B, "HTTP 503");
        clock.advance(Duration.ofSeconds(59));
        health.failed(A, "HTTP 503");
        assertEquals(List.of(), outages, "all failing again for 59 s only, although A never answered");
        clock.advance(Duration.ofSeconds(1));
        health.failed(A, "HTTP 503");
        assertEquals(1, outages.size());
    }

    @Test
    void failuresOfOneUrlAloneAreNoOutage() {
        for (int i = 0; i < 10; i++) {
            health.failed(A, "HTTP 503");
            clock.advance(Duration.ofMinutes(1));
        }
        assertEquals(List.of(), outages, "B was never tried and failed: the point may still get its streams there");
    }

    private String status() {
        PublishingPoint point = new PublishingPoint(POINT, PublishingPointSettings.defaults(),
                PublishingPointState.Started, null, 1, clock.instant(), clock.instant());
        return errors.status(point).sourcingError();
    }
}
