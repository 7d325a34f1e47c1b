package org.openlss.encoder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The publishing point the encoder pushes to: its URL without the credentials, and those credentials as an HTTP Basic
 * header sent with every request (encoders send them up front rather than waiting for a challenge mid-stream). Also
 * the short request/response exchanges the encoder makes besides streaming: the probe and the management API.
 */
public final class ServerAddress {
    /** A complete short exchange: status and the body as text. */
    public record Reply(int status, String body) {
        /** The first line of the body, for one-line error messages. */
        public String firstLine() {
            String line = body.strip().lines().findFirst().orElse("");
            return line.length() > 200 ? line.substring(0, 200) + "..." : line;
        }
    }

    private static final int TIMEOUT_MILLIS = 15_000;

    private final URI point;
    private final String authorization;
    private final List<String> headers;

    private ServerAddress(URI point, String authorization, List<String> headers) {
        this.point = point;
        this.authorization = authorization;
        this.headers = headers;
    }

    /** The point at {@code url} ({@code http://[user:pass@]host[:port]/path.isml}); {@code headers} as "Name: value". */
    public static ServerAddress of(String url, List<String> headers) throws PushFailure {
        try {
            URI uri = new URI(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
            if (uri.getHost() == null || uri.getRawPath() == null || uri.getRawPath().isEmpty()) {
                throw new PushFailure("the publishing point URL " + url + " names no host or no .isml path");
            }
            String authorization = null;
            if (uri.getRawUserInfo() != null) {
                String[] user = uri.getRawUserInfo().split(":", 2);
                String credentials = decode(user[0]) + ":" + (user.length > 1 ? decode(user[1]) : "");
                authorization = "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
            }
            URI bare = new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null);
            return new ServerAddress(bare, authorization, List.copyOf(headers));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new PushFailure("the publishing point URL " + url + " is not a valid URL: " + e.getMessage());
        }
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** The point's URL without credentials. */
    public URI point() {
        return point;
    }

    /** {@code <point>/Streams(<id>)}. */
    public URI stream(String id) {
        return URI.create(point + "/Streams(" + id + ")");
    }

    /** The site root the management API lives under. */
    public URI site() {
        return point.resolve("/");
    }

    /** A connection to {@code uri} with the credentials and the user's extra headers set. */
    HttpURLConnection connect(URI uri, String method) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        connection.setRequestMethod(method);
        connection.setConnectTimeout(TIMEOUT_MILLIS);
        connection.setReadTimeout(TIMEOUT_MILLIS);
        connection.setUseCaches(false);
        connection.setInstanceFollowRedirects(false);
        connection.setRequestProperty("User-Agent", StreamPusher.CREATOR);
        connection.setRequestProperty("Accept", "*/*");
        if (authorization != null) {
            connection.setRequestProperty("Authorization", authorization);
        }
        headers.forEach(header -> setHeader(connection, header));
        return connection;
    }

    /** Sets a "Name: value" header. */
    private static void setHeader(HttpURLConnection connection, String header) {
        int colon = header.indexOf(':');
        connection.setRequestProperty(header.substring(0, colon), header.substring(colon + 1).strip());
    }

    /** One request with an optional body ({@code contentType} and {@code extra} "Name: value" headers may be null). */
    public Reply exchange(String method, URI uri, String contentType, String body, String... extra) throws IOException {
        HttpURLConnection connection = connect(uri, method);
        for (String header : extra) {
            setHeader(connection, header);
        }
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null || "POST".equals(method) || "PUT".equals(method)) {
            connection.setRequestProperty("Content-Type", contentType == null ? "application/octet-stream" : contentType);
            connection.setDoOutput(true);
            connection.setFixedLengthStreamingMode(bytes.length);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(bytes);
            }
        }
        int status = connection.getResponseCode();
        InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        if (in != null) {
            try (in) {
                in.transferTo(text);
            }
        }
        return new Reply(status, text.toString(StandardCharsets.UTF_8));
    }

    /**
     * The empty POST a live encoder sends before a stream (smooth-ingest.md §2.1) to learn at once about a wrong URL,
     * wrong credentials or a stopped point. Throws when the server cannot be reached.
     */
    public Reply probe(String streamId) throws IOException {
        return exchange("POST", stream(streamId), null, null);
    }
}
