package org.openlss.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Who may do what, in one table: each role's kinds of action, and which of them its folders limit. A folder is a
 * prefix of point paths such as {@code /live/sports/}, compared case-insensitively as point paths are; an account
 * without folders reaches every point.
 */
public final class Permissions {
    /** The kinds of action every API call, screen action, ingest and pull is one of. */
    public enum Kind {
        READ("read"),
        LIFECYCLE("start, stop or shut down points"),
        SETTINGS("change settings"),
        ACCOUNTS("manage accounts"),
        AUDIT("read the audit log"),
        PUBLISH("publish to points"),
        PULL("pull from points");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /** What a role may do ({@code allowed}), and which of those its folders limit ({@code withinFolders}). */
    private record Grant(Set<Kind> allowed, Set<Kind> withinFolders) {
    }

    private static final Map<Role, Grant> TABLE = Map.of(
            Role.ADMINISTRATOR, new Grant(EnumSet.allOf(Kind.class), EnumSet.noneOf(Kind.class)),
            Role.OPERATOR, new Grant(EnumSet.of(Kind.READ, Kind.AUDIT, Kind.LIFECYCLE), EnumSet.of(Kind.LIFECYCLE)),
            Role.VIEWER, new Grant(EnumSet.of(Kind.READ), EnumSet.noneOf(Kind.class)),
            Role.ENCODER, new Grant(EnumSet.of(Kind.PUBLISH, Kind.PULL), EnumSet.of(Kind.PUBLISH, Kind.PULL)));

    /** The answer: allowed, or refused with a message naming the role and the action. */
    public record Decision(boolean allowed, String message) {
        static final Decision ALLOWED = new Decision(true, "");
    }

    private Permissions() {
    }

    /**
     * May {@code role}, limited to {@code folders}, do {@code kind} on the point at {@code pointPath}? A null path is
     * an action on no single point (a list, the accounts), which folder limits refuse.
     */
    public static Decision decide(Role role, List<String> folders, Kind kind, String pointPath) {
        Grant grant = TABLE.get(role);
        if (!grant.allowed().contains(kind)) {
            return new Decision(false, "The " + role.title() + " role may not " + kind.description() + ".");
        }
        if (!grant.withinFolders().contains(kind) || folders.isEmpty()) {
            return Decision.ALLOWED;
        }
        if (pointPath != null && folders.stream().anyMatch(folder -> inFolder(pointPath, folder))) {
            return Decision.ALLOWED;
        }
        return new Decision(false, "The " + role.title() + " role may " + kind.description() + " only within "
                + String.join(", ", folders) + (pointPath == null ? "." : ", not at " + pointPath + "."));
    }

    /** {@code folder} as it is stored: starting and ending with a slash, so {@code /live/sport} is not a prefix of
     * {@code /live/sports/}. */
    public static String normalizeFolder(String folder) {
        String trimmed = folder.trim();
        String start = trimmed.startsWith("/") ? trimmed : "/" + trimmed;
        return start.endsWith("/") ? start : start + "/";
    }

    private static boolean inFolder(String pointPath, String folder) {
        return pointPath.toLowerCase(Locale.ROOT).startsWith(normalizeFolder(folder).toLowerCase(Locale.ROOT));
    }
}
