package org.openlss.syndication;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.openlss.platform.ServerConfig;
import org.openlss.pubpoint.SyndicationUrl;
import org.openlss.pubpoint.credential.Credentials;

/**
 * What server-to-server connections share: one non-blocking HTTP/1.1 client running on the container's managed
 * executor, the scheduler for reconnects and stall checks, and the stored credentials turned into HTTP Basic.
 */
@ApplicationScoped
public class SyndicationHttp {
    /** Five minutes of four 2-second tracks. */
    static final int DEFAULT_MAX_BEHIND = 600;
    /** Five minutes: an upstream restarting or failing over has long answered again by then. */
    static final Duration DEFAULT_PULL_FAILURE_LIMIT = Duration.ofMinutes(5);

    @Resource
    ManagedExecutorService executor;
    @Resource
    ManagedScheduledExecutorService scheduler;
    @Inject
    Credentials credentials;
    @Inject
    ServerConfig config;

    private HttpClient client;
    private int maxBehind;
    private Duration pullFailureLimit;

    /**
     * Made when the application starts, on the container's thread, so that its {@code @Resource} executors are
     * injected: a point started on request by a player read on the Grizzly fast lane, outside any component of the
     * application, would otherwise create this bean without them.
     */
    void created(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // nothing else to do: being created is the point
    }

    @PostConstruct
    void start() {
        maxBehind = config.value("openlss.syndication.max-behind-fragments").map(Integer::parseInt)
                .orElse(DEFAULT_MAX_BEHIND);
        pullFailureLimit = config.value("openlss.pull.failure.error.seconds").map(Long::parseLong)
                .map(Duration::ofSeconds).orElse(DEFAULT_PULL_FAILURE_LIMIT);
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
                .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * How many fragments a downstream may fall behind before it is dropped (and reconnects): what bounds the memory
     * and the work a peer that stops reading can cost. Key {@code openlss.syndication.max-behind-fragments}.
     */
    int maxBehind() {
        return maxBehind;
    }

    /**
     * How long every pull URL of a point may fail before the point enters Error. Key
     * {@code openlss.pull.failure.error.seconds}.
     */
    Duration pullFailureLimit() {
        return pullFailureLimit;
    }

    HttpClient client() {
        return client;
    }

    ManagedExecutorService executor() {
        return executor;
    }

    ManagedScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** A request to {@code url}'s point plus {@code resource}, with the URL's stored credential as HTTP Basic. */
    HttpRequest.Builder request(SyndicationUrl url, String resource) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(resolve(url, resource))
                .header("User-Agent", "OpenLSS syndication");
        if (url.credentialName() != null) {
            credentials.reveal(url.credentialName()).ifPresent(c -> builder.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString((c.userName() + ":" + c.secret())
                    .getBytes(StandardCharsets.UTF_8))));
        }
        return builder;
    }

    /** {@code http://host/live/ch.isml} + {@code Streams(x)} → {@code http://host/live/ch.isml/Streams(x)}. */
    static URI resolve(SyndicationUrl url, String resource) {
        String base = url.url().endsWith("/") ? url.url() : url.url() + "/";
        return URI.create(base + resource.replace(" ", "%20"));
    }

    /** {@code host[:port]} of a peer, as connection details show it. */
    static String host(SyndicationUrl url) {
        URI uri = url.uri();
        return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }

    /** What an HTTP status from a peer means, for the status an administrator reads. */
    static String describe(int status) {
        return switch (status) {
            case 401 -> "authentication failed (HTTP 401): check the credential";
            case 403 -> "refused (HTTP 403): the peer does not allow it";
            case 404 -> "no such publishing point or stream (HTTP 404), or it is shut down";
            default -> "answered HTTP " + status;
        };
    }
}
