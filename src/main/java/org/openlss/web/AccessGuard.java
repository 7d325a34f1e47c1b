package org.openlss.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.openlss.platform.ConnectionAbort;
import org.openlss.pubpoint.ErrorCode;
import org.openlss.pubpoint.PublishingPoint;
import org.openlss.pubpoint.PublishingPointSettings;
import org.openlss.pubpoint.PublishingPointUrl;
import org.openlss.pubpoint.PublishingPoints;
import org.openlss.pubpoint.credential.Credentials;
import org.openlss.pubpoint.rest.ErrorResponses;
import org.openlss.web.Accounts.Standing;
import org.openlss.web.Permissions.Decision;
import org.openlss.web.Permissions.Kind;

/**
 * Who may do what, decided by path at the edge: the management API needs an account (HTTP Basic) whose role
 * {@link Permissions} lets do the call's kind of action, or 403 naming the role and the action; the
 * administration screens under {@code /admin/} need the administrator signed in through their form
 * ({@link AdminSignIn}); publishing to a point (an ingest POST) needs the point's ingest credential when it has one,
 * otherwise the administrator's or an encoder account's (within its folders), unless the point takes anonymous encoders; a
 * downstream server's pull needs the point's ingest credential when it has one; everything else (players, health) is
 * public, and a wrong Basic header there is ignored, not refused. Every password check is throttled ({@link Accounts}):
 * after too many failures the answer is 429 with {@code Retry-After}, whatever the password.
 *
 * <p>This is deliberately not a Jakarta Security mechanism: with one installed, the container runs its whole
 * authentication and authorization pipeline (JASPIC, JACC) on every request, player GETs included, which cost a third
 * of the serving throughput. Here the public paths cost one string test.
 */
@ApplicationScoped
public class AccessGuard {
    public static final String REALM = "OpenLSS";
    private static final String BASIC_CHALLENGE = "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"";
    private static final String ACCOUNTS_API = "/services/smoothstreaming/accounts";
    private static final String POINT_API = "/services/smoothstreaming/publishingpoint/";
    private static final String AUDIT_API = "/services/smoothstreaming/audit";

    @Inject
    Accounts accounts;
    @Inject
    PublishingPoints points;
    @Inject
    Credentials credentials;

    /** Checks {@code request} for {@code path} ({@code url}: its publishing point URL, when it has one). */
    Access check(HttpServletRequest request, HttpServletResponse response, String path,
                 PublishingPointUrl url) throws IOException {
        if (path.startsWith("/services/") || url != null && url.isManagement()) {
            return management(request, response, path, url);
        }
        if (AdminSignIn.covers(path)) {
            return AdminSignIn.check(request, response, path, accounts);
        }
        if (url != null) {
            boolean push = "POST".equals(request.getMethod()) && (url.isStream() || url.resource().isEmpty());
            boolean pull = "GET".equals(request.getMethod()) && url.isStreamSource();
            if (push || pull) {
                return encoder(url, push, request, response);
            }
        }
        return Access.ANONYMOUS;
    }

    private Access management(HttpServletRequest request, HttpServletResponse response, String path,
                              PublishingPointUrl url) throws IOException {
        Optional<BasicCredentials> basic = BasicCredentials.of(request);
        if (basic.isPresent()) {
            String user = basic.get().user();
            SignIn signIn = accounts.api(user, basic.get().password(), request.getRemoteAddr());
            Optional<Standing> standing = signIn.granted() ? accounts.standing(user) : Optional.empty();
            if (standing.isPresent()) {
                Decision decision = Permissions.decide(standing.get().role(), standing.get().folders(),
                        kind(request.getMethod(), path), point(path, url));
                if (!decision.allowed()) {
                    ErrorResponses.send(request, response, ErrorCode.MPE_MGMT_ACTION_NOT_ALLOWED, decision.message());
                    return Access.ANSWERED;
                }
                return Access.as(new Caller(user, Set.of(standing.get().role().stored())),
                        HttpServletRequest.BASIC_AUTH);
            }
            if (signIn.throttled()) {
                response.setHeader("Retry-After", String.valueOf(signIn.retryAfterSeconds()));
                ErrorResponses.send(request, response, ErrorCode.MPE_MGMT_TOO_MANY_SIGN_IN_FAILURES,
                        tooManyFailures(signIn));
                return Access.ANSWERED;
            }
        }
        response.setHeader("WWW-Authenticate", BASIC_CHALLENGE);
        ErrorResponses.send(request, response, ErrorCode.MPE_MGMT_AUTHENTICATION_IS_REQUIRED, basic.isPresent()
                ? "The user name or password is wrong."
                : "The management API needs an account's credentials (HTTP Basic).");
        return Access.ANSWERED;
    }

    /**
     * The kind of action a management call is: reads by method, except the accounts, which are all managing, and the
     * audit log, which names who signed in from where.
     */
    static Kind kind(String method, String path) {
        if (path.startsWith(ACCOUNTS_API)) {
            return Kind.ACCOUNTS;
        }
        if (path.startsWith(AUDIT_API)) {
            return Kind.AUDIT;
        }
        if ("GET".equals(method) || "HEAD".equals(method)) {
            return Kind.READ;
        }
        return path.toLowerCase(Locale.ROOT).endsWith("/state") ? Kind.LIFECYCLE : Kind.SETTINGS;
    }

    /** The point a management call acts on ({@code /live/a.isml/state} or the API's form of it), or null. */
    static String point(String path, PublishingPointUrl url) {
        if (url != null && url.isManagement()) {
            return url.point().urlPath();
        }
        if (path.startsWith(POINT_API)) {
            int end = path.toLowerCase(Locale.ROOT).indexOf(".isml", POINT_API.length());
            return end < 0 ? null : path.substring(POINT_API.length() - 1, end + ".isml".length());
        }
        return null;
    }

    private Access encoder(PublishingPointUrl url, boolean push, HttpServletRequest request,
                           HttpServletResponse response) throws IOException {
        PublishingPointSettings settings = points.find(url.point()).map(PublishingPoint::settings).orElse(null);
        String credentialName = settings == null ? null : settings.ingestCredential();
        // an unknown point is answered by the ingest itself (404), with nothing to protect here
        if (settings == null || credentialName == null && (!push || settings.anonymousIngest())) {
            return Access.ANONYMOUS;
        }
        Optional<BasicCredentials> basic = BasicCredentials.of(request);
        if (basic.isPresent()) {
            String user = basic.get().user();
            String password = basic.get().password();
            SignIn signIn = credentialName != null
                    ? accounts.ingest(user, password, request.getRemoteAddr(), url.point().urlPath(),
                            () -> credentials.matches(credentialName, user, password))
                    : accounts.mayPublish(user, password, request.getRemoteAddr());
            if (signIn.granted() && credentialName == null) {
                // a server account: its folders may keep it from this point
                Kind kind = push ? Kind.PUBLISH : Kind.PULL;
                Decision decision = accounts.standing(user)
                        .map(s -> Permissions.decide(s.role(), s.folders(), kind, url.point().urlPath()))
                        .orElse(Decision.ALLOWED);
                if (!decision.allowed()) {
                    sendText(request, response, HttpServletResponse.SC_FORBIDDEN, decision.message());
                    return Access.ANSWERED;
                }
            }
            if (signIn.granted()) {
                return Access.as(new Caller(user, Set.of(Caller.ENCODER_ROLE)), HttpServletRequest.BASIC_AUTH);
            }
            if (signIn.throttled()) {
                response.setHeader("Retry-After", String.valueOf(signIn.retryAfterSeconds()));
                sendText(request, response, 429, tooManyFailures(signIn));
                return Access.ANSWERED;
            }
        }
        String whose = credentialName != null ? "the point's ingest credential"
                : "the server's encoder account or the administrator's";
        response.setHeader("WWW-Authenticate", BASIC_CHALLENGE);
        sendText(request, response, HttpServletResponse.SC_UNAUTHORIZED, (basic.isPresent()
                ? "Wrong ingest credentials for " : "Ingest credentials are required for ") + url.point().urlPath()
                + " (HTTP Basic: " + whose + ")");
        return Access.ANSWERED;
    }

    /** An answer to an encoder or a pulling server, which may be sending a body it will not get to finish. */
    private static void sendText(HttpServletRequest request, HttpServletResponse response, int status, String message)
            throws IOException {
        response.setHeader("Connection", "close");
        response.setStatus(status);
        response.setContentType("text/plain;charset=utf-8");
        response.getOutputStream().write((message + "\n").getBytes(StandardCharsets.UTF_8));
        if (request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null) {
            // an encoder such as ffmpeg never reads the answer: only a closed connection stops its upload
            response.flushBuffer();
            ConnectionAbort.close(request);
        }
    }

    private static String tooManyFailures(SignIn signIn) {
        return "Too many failed sign-ins: try again in " + signIn.retryAfterSeconds() + " s.";
    }
}
