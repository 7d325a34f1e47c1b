package org.openlss.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.security.Principal;
import java.util.Optional;
import org.openlss.platform.AuditTrail;
import org.openlss.pubpoint.ErrorCode;
import org.openlss.pubpoint.ManagementException;
import org.openlss.pubpoint.PublishingPointPath;
import org.openlss.web.Accounts;
import org.openlss.web.Accounts.Standing;
import org.openlss.web.Permissions;
import org.openlss.web.Permissions.Decision;
import org.openlss.web.Permissions.Kind;

/**
 * Who is signed in to the screens, what their role lets them do, and signing out (the sign-in itself is the HTTP
 * edge's, which also keeps a role from pages it may not open). Pages hide what {@link #may} refuses; actions call
 * {@link #require}, since a page may have been rendered before the account's role or folders changed.
 */
@Named
@RequestScoped
public class ScreenUser {
    @Inject
    AuditTrail audit;
    @Inject
    Accounts accounts;

    /** Read once per request: the edge has just checked that the account may use the screens. */
    private Optional<Standing> standing;

    public String getName() {
        Principal caller = FacesContext.getCurrentInstance().getExternalContext().getUserPrincipal();
        return caller == null ? "" : caller.getName();
    }

    /** The role's name as the screens show it ("operator"), with its folders when it has any. */
    public String getRole() {
        return standing().map(s -> s.role().title() + (s.folders().isEmpty() ? ""
                : " of " + String.join(", ", s.folders()))).orElse("");
    }

    /**
     * Whether the signed-in account may do {@code kind} (a {@link Kind} name) at the point {@code pointPath}
     * ({@code live/a.isml}), or on no single point when it is empty.
     */
    public boolean may(String kind, String pointPath) {
        String point = pointPath == null || pointPath.isEmpty() ? null : PublishingPointPath.of(pointPath).urlPath();
        return decide(Kind.valueOf(kind), point).allowed();
    }

    /** Refuses with the reason when the signed-in account may not do {@code kind} at {@code point} (or null). */
    void require(Kind kind, PublishingPointPath point) {
        Decision decision = decide(kind, point == null ? null : point.urlPath());
        if (!decision.allowed()) {
            throw new ManagementException(ErrorCode.MPE_MGMT_ACTION_NOT_ALLOWED, decision.message());
        }
    }

    private Decision decide(Kind kind, String point) {
        Optional<Standing> current = standing();
        if (current.isEmpty()) {
            return new Decision(false, "The account '" + getName() + "' no longer exists.");
        }
        return Permissions.decide(current.get().role(), current.get().folders(), kind, point);
    }

    private Optional<Standing> standing() {
        if (standing == null) {
            standing = accounts.standing(getName());
        }
        return standing;
    }

    /** Ends the session, and with it the sign-in, then shows the sign-in page. */
    public void signOut() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        audit.change("signed out of the screens");
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/admin/signin.html?signedout");
    }
}
