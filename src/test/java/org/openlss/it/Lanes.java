package org.openlss.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.List;

/**
 * On Payara, public reads (player resources, archives) take the Grizzly fast lane; a path parameter, which the
 * servlet container strips and the lane declines, sends the same request down the servlet path. Both must answer
 * alike: the status, the headers a player or a cache acts on, and the bytes.
 */
final class Lanes {
    private static final List<String> HEADERS = List.of("Content-Type", "Content-Length", "Cache-Control", "ETag",
            "Access-Control-Allow-Origin");

    private Lanes() {
    }

    /** The servlet path's form of {@code path}. */
    static String servletPath(String path) {
        return path + ";lane=servlet";
    }

    static void assertAlike(Http http, String path, String method, String... headers) {
        HttpResponse<byte[]> fast = http.exchange(method, path, headers);
        HttpResponse<byte[]> servlet = http.exchange(method, servletPath(path), headers);
        String what = method + " " + path + " " + String.join(" ", headers);
        assertEquals(servlet.statusCode(), fast.statusCode(), what);
        for (String name : HEADERS) {
            assertEquals(servlet.headers().firstValue(name).map(v -> v.replace(" ", "").toLowerCase()),
                    fast.headers().firstValue(name).map(v -> v.replace(" ", "").toLowerCase()), name + " of " + what);
        }
        assertArrayEquals(servlet.body(), fast.body(), "body of " + what);
    }
}
