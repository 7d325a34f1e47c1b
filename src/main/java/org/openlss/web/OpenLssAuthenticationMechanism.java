package org.openlss.web;

import org.openlss.platform.RequestPaths;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.openlss.pubpoint.ErrorCode;
import org.openlss.pubpoint.PublishingPoint;
import org.openlss.pubpoint.PublishingPointUrl;
import org.openlss.pubpoint.PublishingPoints;
import org.openlss.pubpoint.credential.Credentials;
import org.openlss.pubpoint.rest.ErrorResponses;

/**
 * The application's one authentication mechanism (Jakarta Security allows one), deciding by path: the management API
 * needs the administrator (HTTP Basic); the administration screens under {@code /admin/} need the administrator
 * signed in through their form ({@link AdminSignIn}); exchanging streams with a point (an ingest POST, or a downstream
 * server's pull) needs the point's ingest credential when it has one; everything else (players, health) is public. A
 * wrong Basic header on a public path is ignored, not refused.
 */
@ApplicationScoped
public class OpenLssAuthenticationMechanism implements HttpAuthenticationMechanism {
    public static final String REALM = "OpenLSS";
    public static final String ENCODER_ROLE = "encoder";

    @Inject
    IdentityStoreHandler identityStores;
    @Inject
    PublishingPoints points;
    @Inject
    Credentials credentials;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String path = RequestPaths.of(request);
        Optional<PublishingPointUrl> url = path.startsWith("/services/") ? Optional.empty()
                : PublishingPointUrl.parse(path);
        try {
            if (path.startsWith("/services/") || url.map(PublishingPointUrl::isManagement).orElse(false)) {
                return administrator(request, response, context);
            }
            if (AdminSignIn.covers(path)) {
                return AdminSignIn.validate(request, response, context, identityStores, path);
            }
            boolean push = "POST".equals(request.getMethod()) && (url.map(PublishingPointUrl::isStream).orElse(false)
                    || url.map(u -> u.resource().isEmpty()).orElse(false));
            boolean pull = "GET".equals(request.getMethod()) && url.map(PublishingPointUrl::isStreamSource).orElse(false);
            if (push || pull) {
                return encoder(url.get(), request, response, context);
            }
        } catch (IOException e) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        return context.doNothing();
    }

    private AuthenticationStatus administrator(HttpServletRequest request, HttpServletResponse response,
                                               HttpMessageContext context) throws IOException {
        Optional<UsernamePasswordCredential> basic = basic(request);
        if (basic.isPresent()) {
            CredentialValidationResult result = identityStores.validate(basic.get());
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                return context.notifyContainerAboutLogin(result);
            }
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        ErrorResponses.send(request, response, ErrorCode.MPE_MGMT_AUTHENTICATION_IS_REQUIRED, basic.isPresent()
                ? "The user name or password is wrong."
                : "The management API needs the administrator's credentials (HTTP Basic).");
        return AuthenticationStatus.SEND_FAILURE;
    }

    private AuthenticationStatus encoder(PublishingPointUrl url, HttpServletRequest request,
                                         HttpServletResponse response, HttpMessageContext context) throws IOException {
        String credentialName = points.find(url.point()).map(PublishingPoint::settings)
                .map(s -> s.ingestCredential()).orElse(null);
        if (credentialName == null) {
            return context.doNothing();
        }
        Optional<UsernamePasswordCredential> basic = basic(request);
        if (basic.isPresent() && credentials.matches(credentialName, basic.get().getCaller(),
                basic.get().getPasswordAsString())) {
            return context.notifyContainerAboutLogin(basic.get().getCaller(), Set.of(ENCODER_ROLE));
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        response.setHeader("Connection", "close");
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType("text/plain;charset=utf-8");
        response.getOutputStream().write(((basic.isPresent() ? "Wrong ingest credentials for "
                : "Ingest credentials are required for ") + url.point().urlPath() + "\n")
                .getBytes(StandardCharsets.UTF_8));
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static Optional<UsernamePasswordCredential> basic(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? Optional.empty()
                    : Optional.of(new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
