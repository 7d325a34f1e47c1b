package org.openlss.web;

import java.io.Serializable;
import java.security.Principal;
import java.util.Set;

/** Who a request comes from once the edge checked its credentials: a user name and its roles. */
public record Caller(String name, Set<String> roles) implements Principal, Serializable {
    public static final String ADMIN_ROLE = "admin";
    public static final String ENCODER_ROLE = "encoder";

    public Caller {
        roles = Set.copyOf(roles);
    }

    @Override
    public String getName() {
        return name;
    }
}
