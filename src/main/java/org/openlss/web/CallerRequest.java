package org.openlss.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.security.Principal;

/**
 * A request whose caller the edge established: the servlets, JAX-RS resources and Faces pages behind it see the
 * principal and roles through the standard servlet calls, as they would after container authentication.
 */
final class CallerRequest extends HttpServletRequestWrapper {
    private final Caller caller;
    private final String authType;

    CallerRequest(HttpServletRequest request, Caller caller, String authType) {
        super(request);
        this.caller = caller;
        this.authType = authType;
    }

    @Override
    public Principal getUserPrincipal() {
        return caller;
    }

    @Override
    public String getRemoteUser() {
        return caller.name();
    }

    @Override
    public boolean isUserInRole(String role) {
        return caller.roles().contains(role);
    }

    @Override
    public String getAuthType() {
        return authType;
    }
}
