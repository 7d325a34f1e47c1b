package org.openlss.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** A plain HTTP client keeping the session cookie, to sign in to the screens the way the sign-in form does. */
final class SignedInClient {
    private final URI base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;

    SignedInClient(URI base) {
        this.base = base;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    /** Posts {@code form} (URL-encoded) to {@code path} with extra {@code name, value} header pairs. */
    HttpResponse<String> post(String path, String form, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    /** Posts the sign-in form; returns the server's answer, a 303 to where the browser goes next. */
    HttpResponse<String> signInResponse(String user, String password) {
        HttpResponse<String> r = post("admin/signin", "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8));
        if (r.statusCode() != 303) {
            throw new AssertionError("the sign-in answered " + r.statusCode() + ": " + r.body());
        }
        return r;
    }

    /** Posts the sign-in form; returns where the server sends the browser next. */
    String signIn(String user, String password) {
        return signInResponse(user, password).headers().firstValue("Location").orElseThrow();
    }

    String sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equalsIgnoreCase("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst().orElse("");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
