package org.openlss.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** When the screens' session cookie is marked Secure, and what its header gets added. */
class AdminResponsesTest {
    private static final Set<InetAddress> PROXY = AdminResponses.addresses("10.0.0.5, ::1");

    @Test
    void anHttpsConnectionIsHttpsWhateverTheHeaders() {
        assertTrue(AdminResponses.overHttps(true, "192.0.2.1", null, Set.of()));
        assertTrue(AdminResponses.overHttps(true, "192.0.2.1", "http", PROXY));
    }

    @Test
    void onlyATrustedProxySaysTheBrowserCameOverHttps() {
        assertTrue(AdminResponses.overHttps(false, "10.0.0.5", "https", PROXY));
        assertTrue(AdminResponses.overHttps(false, "10.0.0.5", " HTTPS ", PROXY));
        assertTrue(AdminResponses.overHttps(false, "0:0:0:0:0:0:0:1", "https", PROXY), "the same address written out");
        assertFalse(AdminResponses.overHttps(false, "192.0.2.1", "https", PROXY), "anyone else's header is ignored");
        assertFalse(AdminResponses.overHttps(false, "10.0.0.5", "http", PROXY));
        assertFalse(AdminResponses.overHttps(false, "10.0.0.5", null, PROXY));
        assertFalse(AdminResponses.overHttps(false, "10.0.0.5", "https", Set.of()), "no proxy is trusted by default");
    }

    @Test
    void trustedProxiesAreIpAddressesOnly() {
        assertEquals(2, PROXY.size());
        assertEquals(Set.of(), AdminResponses.addresses(" , "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AdminResponses.addresses("127.0.0.1,proxy.example"));
        assertEquals("OPENLSS_TRUSTED_PROXIES: 'proxy.example' is not an IP address", e.getMessage());
    }

    @Test
    void theSessionCookieGetsWhatItLacks() {
        assertEquals("JSESSIONID=a1; Path=/; HttpOnly; SameSite=Strict",
                AdminResponses.completed("JSESSIONID=a1; Path=/; HttpOnly", false));
        assertEquals("JSESSIONID=a1; Path=/; HttpOnly; SameSite=Strict; Secure",
                AdminResponses.completed("JSESSIONID=a1; Path=/; HttpOnly", true));
        assertEquals("JSESSIONID=a1; Path=/; Secure; HttpOnly; SameSite=Strict",
                AdminResponses.completed("JSESSIONID=a1; Path=/; Secure; HttpOnly", true), "Payara's own over HTTPS");
        assertEquals("JSESSIONID=a1; Path=/; HttpOnly; SameSite=Strict",
                AdminResponses.completed("JSESSIONID=a1; Path=/", false));
    }

    @Test
    void thePolicyLetsThePreviewPlayersPlayAndNothingElseIn() {
        List<String> directives = List.of(AdminResponses.CONTENT_SECURITY_POLICY.split("\\s*;\\s*"));
        assertTrue(directives.contains("media-src 'self' blob:"), "Media Source Extensions: " + directives);
        for (String strict : List.of("default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self'",
                "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'")) {
            assertTrue(directives.contains(strict), strict + " in " + directives);
        }
        assertEquals(1, directives.stream().filter(d -> d.contains("blob:")).count(), "blob: only for media");
        assertFalse(AdminResponses.CONTENT_SECURITY_POLICY.contains("unsafe"));
        assertFalse(AdminResponses.CONTENT_SECURITY_POLICY.matches(".*(https?:|\\*).*"), "no other site");
    }
}
