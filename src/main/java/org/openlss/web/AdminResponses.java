package org.openlss.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.openlss.platform.ServerConfig;

/**
 * What every response of the administration screens (everything under {@code /admin/}) carries: a Content Security
 * Policy that lets the pages run only the WAR's own scripts and styles (the pages hold no inline script: admin.js
 * drives Faces' Ajax), no MIME sniffing, no caching of pages that show the server's state, no referrer to other
 * sites; and a session cookie with SameSite=Strict and HttpOnly, and Secure when the browser came over HTTPS. The
 * cookie is completed here, per request, because one WAR serves HTTP and HTTPS, Undertow (WildFly) never marks it
 * Secure by itself, and Payara ignores a SameSite attribute in web.xml. Only the screens use the session.
 */
@ApplicationScoped
public class AdminResponses {
    /**
     * Only the WAR's own scripts, styles and images. The preview players (admin/preview.js) play through Media Source
     * Extensions, whose video element takes a {@code blob:} URL, hence {@code media-src 'self' blob:}; hls.js runs its
     * worker from the WAR's own file ({@code hls.worker.js}, allowed by script-src), never from a blob.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; media-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";
    /** Addresses whose X-Forwarded-Proto is believed: TLS proxies in front of the server; none by default. */
    private static final String TRUSTED_PROXIES = "openlss.trusted.proxies";

    @Inject
    ServerConfig config;

    private Set<InetAddress> trustedProxies;

    /** A wrong address fails the deployment instead of every later sign-in over the proxy. */
    void readSettings(@Observes @Initialized(ApplicationScoped.class) Object started) {
        trustedProxies = config.value(TRUSTED_PROXIES).map(AdminResponses::addresses).orElse(Set.of());
    }

    /**
     * Sets the headers of a screen response and returns the request to pass on: one whose new session ids (the
     * sign-in changes it) go out in a cookie that only this site's own pages send back, marked {@code Secure} when
     * the browser came over HTTPS.
     */
    HttpServletRequest harden(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "same-origin");
        return new SessionCookieRequest(request, response, overHttps(request.isSecure(), request.getRemoteAddr(),
                request.getHeader("X-Forwarded-Proto"), trustedProxies));
    }

    /**
     * Whether the browser reached the server over HTTPS: on the connection itself, or through one of the
     * {@code trustedProxies} (the connection comes from {@code peer}) that says so in {@code X-Forwarded-Proto}.
     * Anyone else's header is ignored.
     */
    static boolean overHttps(boolean secureConnection, String peer, String forwardedProto,
                             Set<InetAddress> trustedProxies) {
        if (secureConnection) {
            return true;
        }
        if (trustedProxies.isEmpty() || forwardedProto == null
                || !forwardedProto.trim().toLowerCase(Locale.ROOT).equals("https")) {
            return false;
        }
        try {
            return trustedProxies.contains(InetAddress.getByName(peer));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The comma-separated IP addresses of {@link #TRUSTED_PROXIES}; host names are refused (no DNS at the edge). */
    static Set<InetAddress> addresses(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(a -> !a.isEmpty()).map(a -> {
            if (!a.matches("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) {
                throw new IllegalArgumentException("OPENLSS_TRUSTED_PROXIES: '" + a + "' is not an IP address");
            }
            try {
                return InetAddress.getByName(a);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("OPENLSS_TRUSTED_PROXIES: '" + a + "' is not an IP address", e);
            }
        }).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The session cookie's {@code Set-Cookie} header as the container wrote it, with what the screens need added:
     * HttpOnly, SameSite=Strict, and Secure when the browser came over HTTPS.
     */
    static String completed(String header, boolean https) {
        String lower = header.toLowerCase(Locale.ROOT);
        StringBuilder completed = new StringBuilder(header);
        if (!lower.contains("; httponly")) {
            completed.append("; HttpOnly");
        }
        if (!lower.contains("; samesite=")) {
            completed.append("; SameSite=Strict");
        }
        if (https && !lower.contains("; secure")) {
            completed.append("; Secure");
        }
        return completed.toString();
    }

    /**
     * Gives every session id handed out while serving the request (a first page, the sign-in changing it) the
     * cookie attributes of {@link #completed}. Containers differ in where that cookie waits for the response to
     * start: Payara writes it as a header at once, which is completed in place; Undertow (WildFly) keeps it as a
     * cookie, which one of the same name and path replaces.
     */
    private static final class SessionCookieRequest extends HttpServletRequestWrapper {
        private final HttpServletResponse response;
        private final boolean https;
        private String issued;

        SessionCookieRequest(HttpServletRequest request, HttpServletResponse response, boolean https) {
            super(request);
            this.response = response;
            this.https = https;
        }

        @Override
        public HttpSession getSession() {
            return getSession(true);
        }

        @Override
        public HttpSession getSession(boolean create) {
            HttpSession session = super.getSession(create);
            if (session != null && session.isNew()) {
                issue(session.getId());
            }
            return session;
        }

        @Override
        public String changeSessionId() {
            String id = super.changeSessionId();
            issue(id);
            return id;
        }

        private void issue(String id) {
            if (id.equals(issued) || response.isCommitted()) {
                return;
            }
            issued = id;
            SessionCookieConfig config = getServletContext().getSessionCookieConfig();
            String name = config.getName() == null ? "JSESSIONID" : config.getName();
            List<String> headers = new ArrayList<>(response.getHeaders("Set-Cookie"));
            if (headers.stream().anyMatch(h -> h.startsWith(name + "=" + id + ";"))) {
                for (int i = 0; i < headers.size(); i++) {
                    String header = headers.get(i);
                    String value = header.startsWith(name + "=" + id + ";") ? completed(header, https) : header;
                    if (i == 0) {
                        response.setHeader("Set-Cookie", value);
                    } else {
                        response.addHeader("Set-Cookie", value);
                    }
                }
                return;
            }
            Cookie cookie = new Cookie(name, id);
            cookie.setPath(config.getPath() != null ? config.getPath()
                    : getContextPath().isEmpty() ? "/" : getContextPath());
            if (config.getDomain() != null) {
                cookie.setDomain(config.getDomain());
            }
            cookie.setHttpOnly(true);
            cookie.setAttribute("SameSite", "Strict");
            cookie.setSecure(https);
            response.addCookie(cookie);
        }
    }
}
