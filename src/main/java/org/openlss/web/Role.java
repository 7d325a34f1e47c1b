package org.openlss.web;

import java.util.Locale;
import java.util.Optional;

/** The role of an account; {@link #stored} is its value in the account table and in {@link Caller#roles()}. */
public enum Role {
    /** Everything, everywhere. */
    ADMINISTRATOR(Caller.ADMIN_ROLE),
    /** Reads everything; starts, stops and shuts down the points of its folders. */
    OPERATOR("operator"),
    /** Reads the API, the screens and the statistics; changes nothing. */
    VIEWER("viewer"),
    /** Publishes to, and is pulled from, the points of its folders. */
    ENCODER(Caller.ENCODER_ROLE);

    private final String stored;

    Role(String stored) {
        this.stored = stored;
    }

    public String stored() {
        return stored;
    }

    /** The name messages use: "administrator", "operator", ... */
    public String title() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role stored (or written in the API) as {@code value}, either its stored value or its title. */
    public static Optional<Role> of(String value) {
        for (Role role : values()) {
            if (role.stored.equalsIgnoreCase(value) || role.title().equalsIgnoreCase(value)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
