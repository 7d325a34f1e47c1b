package org.openlss.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

/** The path as the container matched it: servlet path plus path info, never the raw URI. */
class RequestPathsTest {
    @Test
    void joinsTheServletPathAndThePathInfo() {
        assertEquals("/live/ch1.isml/Manifest", RequestPaths.of(request("/live", "/ch1.isml/Manifest")));
    }

    @Test
    void aServletMappedToTheWholePathHasNoPathInfo() {
        assertEquals("/live/ch1.isml", RequestPaths.of(request("/live/ch1.isml", null)));
    }

    @Test
    void aDefaultServletMayHaveNoServletPath() {
        assertEquals("/ch1.isml", RequestPaths.of(request(null, "/ch1.isml")));
        assertEquals("", RequestPaths.of(request(null, null)));
    }

    /** A request with these paths; any other call (getRequestURI among them) fails the test. */
    private static HttpServletRequest request(String servletPath, String pathInfo) {
        return (HttpServletRequest) Proxy.newProxyInstance(RequestPathsTest.class.getClassLoader(),
                new Class<?>[]{HttpServletRequest.class}, (p, m, args) -> switch (m.getName()) {
                    case "getServletPath" -> servletPath;
                    case "getPathInfo" -> pathInfo;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }
}
