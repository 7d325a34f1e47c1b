package org.openlss.admin;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.Map;

/** Messages for the screens: next to a field (by its id within the form) or for the whole page. */
final class Messages {
    private Messages() {
    }

    static void forFields(String formId, Map<String, String> byFieldId) {
        byFieldId.forEach((field, text) -> add(formId + ":" + field, FacesMessage.SEVERITY_ERROR, text));
    }

    static void error(String text) {
        add(null, FacesMessage.SEVERITY_ERROR, text);
    }

    static void warning(String text) {
        add(null, FacesMessage.SEVERITY_WARN, text);
    }

    static void info(String text) {
        add(null, FacesMessage.SEVERITY_INFO, text);
    }

    /** A message that survives the redirect after a successful action (post, redirect, get). */
    static void infoAfterRedirect(String text) {
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        info(text);
    }

    private static void add(String clientId, FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(severity, text, text));
    }
}
