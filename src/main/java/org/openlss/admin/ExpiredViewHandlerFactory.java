package org.openlss.admin;

import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Iterator;

/**
 * A click in a tab whose page the server no longer holds (another sign-in in between, or more pages opened since
 * than the session keeps) reloads the page with a notice instead of failing with a {@link ViewExpiredException}; an
 * Ajax request (the two-second refresh, Add or Remove of a URL) gets the reload as a Faces partial-response redirect.
 * A request whose session is gone never gets here: the sign-in sends it to the sign-in page first (web.AdminSignIn).
 * Registered in faces-config.xml.
 */
public class ExpiredViewHandlerFactory extends ExceptionHandlerFactory {
    static final String NOTICE = "The page had expired; it has been reloaded — please repeat the action.";

    public ExpiredViewHandlerFactory(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new ExpiredViewHandler(getWrapped().getExceptionHandler());
    }

    /**
     * {@code page} with the query it was opened with ({@code ?point=...}), read from the Referer when that names
     * the same page, so that an Edit dialog or a Details page comes back for its point. Any other Referer is
     * not followed.
     */
    static String withOpeningQuery(String page, String referer) {
        if (referer == null) {
            return page;
        }
        try {
            URI opened = new URI(referer);
            return page.equals(opened.getRawPath()) && opened.getRawQuery() != null
                    ? page + "?" + opened.getRawQuery() : page;
        } catch (URISyntaxException notAUri) {
            return page;
        }
    }

    private static final class ExpiredViewHandler extends ExceptionHandlerWrapper {
        ExpiredViewHandler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() {
            for (Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
                 events.hasNext(); ) {
                ExceptionQueuedEvent event = events.next();
                if (viewExpired(event.getContext().getException()) instanceof ViewExpiredException expired) {
                    events.remove();
                    reload(event.getContext().getContext(), expired);
                }
            }
            getWrapped().handle();
        }

        private static Throwable viewExpired(Throwable thrown) {
            for (Throwable t = thrown; t != null; t = t.getCause()) {
                if (t instanceof ViewExpiredException) {
                    return t;
                }
            }
            return null;
        }

        private static void reload(FacesContext context, ViewExpiredException expired) {
            if (context.getResponseComplete()) {
                return;
            }
            ExternalContext external = context.getExternalContext();
            String page = expired.getViewId() == null ? external.getRequestContextPath()
                    + external.getRequestServletPath()
                    : context.getApplication().getViewHandler().getActionURL(context, expired.getViewId());
            Messages.infoAfterRedirect(NOTICE);
            try {
                external.redirect(withOpeningQuery(page, external.getRequestHeaderMap().get("Referer")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            context.responseComplete();
        }
    }
}
