package org.openlss.platform;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import java.lang.reflect.Method;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Closes the TCP connection under a request. Needed to refuse an endless upload: after answering, Grizzly (Payara)
 * keeps reading and discarding a chunked request body until it ends, and an encoder such as ffmpeg, which never reads
 * responses, would push into the void forever. The servlet API has no way to abort a connection, so this reaches the
 * container's own connection object, by name: Grizzly's through Catalina's request, Undertow's (WildFly) through its
 * exchange. Where neither is found the caller's answer with {@code Connection: close} is all there is.
 */
public final class ConnectionAbort {
    private static final Logger LOG = Logger.getLogger(ConnectionAbort.class.getName());
    /** Payara: RequestFacade -> catalina Request -> grizzly Request -> FilterChainContext -> Connection. */
    private static final String[] GRIZZLY = {"getUnwrappedCoyoteRequest", "getCoyoteRequest", "getContext",
        "getConnection"};
    /** WildFly: HttpServletRequestImpl -> HttpServerExchange -> ServerConnection (whose close is immediate). */
    private static final String[] UNDERTOW = {"getExchange", "getConnection", "close"};

    private ConnectionAbort() {
    }

    /** Closes the connection of {@code request} once what was written is sent (an answer to a refused upload). */
    public static boolean close(ServletRequest request) {
        return close(request, "closeSilently");
    }

    /** Drops the connection now, discarding unsent output: for a peer that stopped reading. */
    public static boolean terminate(ServletRequest request) {
        return close(request, "terminateSilently");
    }

    private static boolean close(ServletRequest request, String grizzlyClose) {
        Object target = request;
        while (target instanceof ServletRequestWrapper wrapper) {
            target = wrapper.getRequest();
        }
        String[] grizzly = java.util.Arrays.copyOf(GRIZZLY, GRIZZLY.length + 1);
        grizzly[GRIZZLY.length] = grizzlyClose;
        if (follow(target, grizzly) || follow(target, UNDERTOW)) {
            return true;
        }
        LOG.fine("no way known to close the connection of a " + target.getClass().getName());
        return false;
    }

    private static boolean follow(Object start, String[] path) {
        Object at = start;
        try {
            for (String name : path) {
                Method method = findPublic(at.getClass(), name);
                if (method == null) {
                    return false;
                }
                at = method.invoke(at);
                if (at == null) {
                    return name.equals(path[path.length - 1]);
                }
            }
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.FINE, "closing the connection failed", e);
            return false;
        }
    }

    /** A public no-argument method, looked up through public types so no access checks are needed. */
    private static Method findPublic(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Method m : c.getMethods()) {
                if (m.getName().equals(name) && m.getParameterCount() == 0
                        && java.lang.reflect.Modifier.isPublic(m.getDeclaringClass().getModifiers())) {
                    return m;
                }
            }
            for (Class<?> i : c.getInterfaces()) {
                try {
                    return i.getMethod(name);
                } catch (NoSuchMethodException e) {
                    // not on this interface
                }
            }
        }
        return null;
    }
}
