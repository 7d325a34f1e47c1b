package org.openlss.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.security.Principal;
import org.openlss.platform.AuditTrail;

/** Who is signed in to the screens, and signing out (the sign-in itself is the HTTP edge's). */
@Named
@RequestScoped
public class AdministratorSession {
    @Inject
    AuditTrail audit;

    public String getName() {
        Principal caller = FacesContext.getCurrentInstance().getExternalContext().getUserPrincipal();
        return caller == null ? "" : caller.getName();
    }

    /** Ends the session, and with it the sign-in, then shows the sign-in page. */
    public void signOut() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        audit.change("signed out of the screens");
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/admin/signin.html?signedout");
    }
}
