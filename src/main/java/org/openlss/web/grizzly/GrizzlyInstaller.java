package org.openlss.web.grizzly;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpServerFilter;
import org.openlss.web.PublicReads;

/**
 * Puts a {@link GrizzlyFastLane} in front of the handler of every HTTP listener of Payara. Payara offers no API for
 * this, so its internals are found by name (GrizzlyService's network proxies, their Grizzly listeners, the listeners'
 * HttpServerFilters); anything not found as expected means "not this server", and the servlet path serves everything.
 */
public final class GrizzlyInstaller {
    private static final String GLOBALS = "org.glassfish.internal.api.Globals";
    private static final String GRIZZLY_SERVICE = "com.sun.enterprise.v3.services.impl.GrizzlyService";

    private GrizzlyInstaller() {
    }

    /**
     * Installs the lane; returns how to take it out again, or null when no HTTP listener was found (not Payara, or its
     * listeners are not up yet).
     */
    public static Runnable install(String contextPath, PublicReads reads, ClassLoader application)
            throws ReflectiveOperationException {
        Class<?> serviceClass = Class.forName(GRIZZLY_SERVICE);
        Object service = Class.forName(GLOBALS).getMethod("get", Class.class).invoke(null, serviceClass);
        if (service == null) {
            return null;
        }
        Field proxiesField = serviceClass.getDeclaredField("proxies");
        proxiesField.setAccessible(true);
        List<Runnable> undo = new ArrayList<>();
        for (Object proxy : List.copyOf((Collection<?>) proxiesField.get(service))) {
            Object listener = proxy.getClass().getMethod("getUnderlyingListener").invoke(proxy);
            if (listener == null) {
                continue;
            }
            for (Object found : (List<?>) listener.getClass().getMethod("getFilters", Class.class)
                    .invoke(listener, HttpServerFilter.class)) {
                HttpServerFilter filter = (HttpServerFilter) found;
                HttpHandler container = filter.getHttpHandler();
                if (container == null || container.getClass().getName().equals(GrizzlyFastLane.class.getName())) {
                    continue;
                }
                GrizzlyFastLane lane = new GrizzlyFastLane(container, contextPath, reads, application);
                filter.setHttpHandler(lane);
                undo.add(() -> {
                    if (filter.getHttpHandler() == lane) {
                        filter.setHttpHandler(container);
                    }
                });
            }
        }
        return undo.isEmpty() ? null : () -> undo.forEach(Runnable::run);
    }
}
