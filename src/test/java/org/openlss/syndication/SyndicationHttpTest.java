package org.openlss.syndication;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openlss.platform.ServerConfig;
import org.openlss.pubpoint.SyndicationUrl;
import org.openlss.pubpoint.credential.Credentials;

/** The plain parts of server-to-server HTTP: addresses, credentials as HTTP Basic, the lag bound, status texts. */
class SyndicationHttpTest {
    private static final SyndicationUrl ORIGIN = new SyndicationUrl("http://origin.example:8080/live/ch1.isml",
            "origin-feed");

    @Test
    void aResourceIsResolvedUnderThePointWithSpacesEscaped() {
        assertEquals(URI.create("http://origin.example:8080/live/ch1.isml/Streams(camera%201)"),
                SyndicationHttp.resolve(ORIGIN, "Streams(camera 1)"));
        assertEquals(URI.create("http://origin.example:8080/live/ch1.isml/streammanifest"),
                SyndicationHttp.resolve(ORIGIN, "streammanifest"));
    }

    @Test
    void aPeerIsShownAsHostAndPortWhenThereIsOne() {
        assertEquals("origin.example:8080", SyndicationHttp.host(ORIGIN));
        assertEquals("origin.example", SyndicationHttp.host(new SyndicationUrl("https://origin.example/a.isml", null)));
    }

    @Test
    void theNamedCredentialGoesAlongAsHttpBasic() {
        SyndicationHttp http = new SyndicationHttp();
        http.credentials = storing("origin-feed", "feeder", "s3cret:with colon");
        HttpRequest request = http.request(ORIGIN, "Streams(video)").build();
        assertEquals(URI.create("http://origin.example:8080/live/ch1.isml/Streams(video)"), request.uri());
        assertEquals(Optional.of("Basic " + Base64.getEncoder().encodeToString(
                "feeder:s3cret:with colon".getBytes(StandardCharsets.UTF_8))),
                request.headers().firstValue("Authorization"));
        assertEquals(Optional.of("OpenLSS syndication"), request.headers().firstValue("User-Agent"));
    }

    @Test
    void withoutACredentialOrWithOneNoLongerStoredThereIsNoAuthorization() {
        SyndicationHttp http = new SyndicationHttp();
        http.credentials = storing("another", "feeder", "secret");
        assertEquals(Optional.empty(), http.request(ORIGIN, "Streams(video)").build().headers()
                .firstValue("Authorization"));
        assertEquals(Optional.empty(), http.request(new SyndicationUrl("http://origin.example/a.isml", null),
                "Streams(video)").build().headers().firstValue("Authorization"));
    }

    @Test
    void theLagBoundIsFiveMinutesOfFragmentsUnlessConfigured() {
        assertEquals(600, started(Map.of()).maxBehind());
        assertEquals(50, started(Map.of("openlss.syndication.max-behind-fragments", "50")).maxBehind());
    }

    @Test
    void whatAPeersStatusMeansForTheAdministrator() {
        assertEquals("authentication failed (HTTP 401): check the credential", SyndicationHttp.describe(401));
        assertEquals("refused (HTTP 403): the peer does not allow it", SyndicationHttp.describe(403));
        assertEquals("no such publishing point or stream (HTTP 404), or it is shut down",
                SyndicationHttp.describe(404));
        assertEquals("answered HTTP 503", SyndicationHttp.describe(503));
    }

    private static SyndicationHttp started(Map<String, String> settings) {
        SyndicationHttp http = new SyndicationHttp();
        http.config = new ServerConfig() {
            @Override
            public Optional<String> value(String key) {
                return Optional.ofNullable(settings.get(key));
            }
        };
        http.executor = (ManagedExecutorService) Proxy.newProxyInstance(SyndicationHttpTest.class.getClassLoader(),
                new Class<?>[]{ManagedExecutorService.class}, (p, m, args) -> {
                    throw new UnsupportedOperationException("nothing runs in this test");
                });
        http.start();
        return http;
    }

    /** The credential store holding one credential. */
    private static Credentials storing(String name, String user, String secret) {
        return new Credentials() {
            @Override
            public Optional<UserSecret> reveal(String asked) {
                return asked.equals(name) ? Optional.of(new UserSecret(user, secret)) : Optional.empty();
            }
        };
    }
}
