package org.openlss.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openlss.web.Permissions.Kind;

class PermissionsTest {
    private static final List<String> SPORTS = List.of("/live/sports/");
    private static final String IN = "/LIVE/Sports/match.isml";
    private static final String OUT = "/live/news/today.isml";
    /** The kinds each role may do at all. */
    private static final Map<Role, Set<Kind>> ALLOWED = Map.of(
            Role.ADMINISTRATOR, Set.of(Kind.values()),
            Role.OPERATOR, Set.of(Kind.READ, Kind.AUDIT, Kind.LIFECYCLE),
            Role.VIEWER, Set.of(Kind.READ),
            Role.ENCODER, Set.of(Kind.PUBLISH, Kind.PULL));
    /** The kinds a role's folders limit. */
    private static final Map<Role, Set<Kind>> LIMITED = Map.of(
            Role.ADMINISTRATOR, Set.of(),
            Role.OPERATOR, Set.of(Kind.LIFECYCLE),
            Role.VIEWER, Set.of(),
            Role.ENCODER, Set.of(Kind.PUBLISH, Kind.PULL));

    @Test
    void everyRoleAndKindWithoutFoldersReachesEveryPoint() {
        for (Role role : Role.values()) {
            for (Kind kind : Kind.values()) {
                boolean expected = ALLOWED.get(role).contains(kind);
                assertEquals(expected, Permissions.decide(role, List.of(), kind, OUT).allowed(), role + " " + kind);
                assertEquals(expected, Permissions.decide(role, List.of(), kind, null).allowed(), role + " " + kind);
            }
        }
    }

    @Test
    void foldersLimitOnlyTheKindsTheTableSays() {
        for (Role role : Role.values()) {
            for (Kind kind : Kind.values()) {
                boolean allowed = ALLOWED.get(role).contains(kind);
                boolean limited = LIMITED.get(role).contains(kind);
                String what = role + " " + kind;
                assertEquals(allowed, Permissions.decide(role, SPORTS, kind, IN).allowed(), what + " in");
                assertEquals(allowed && !limited, Permissions.decide(role, SPORTS, kind, OUT).allowed(), what + " out");
                assertEquals(allowed && !limited, Permissions.decide(role, SPORTS, kind, null).allowed(),
                        what + " no point");
            }
        }
    }

    @Test
    void refusalsNameTheRoleAndTheAction() {
        assertEquals("The viewer role may not start, stop or shut down points.",
                Permissions.decide(Role.VIEWER, List.of(), Kind.LIFECYCLE, IN).message());
        assertEquals("The encoder role may publish to points only within /live/sports/, not at " + OUT + ".",
                Permissions.decide(Role.ENCODER, SPORTS, Kind.PUBLISH, OUT).message());
    }

    @Test
    void aFolderIsAWholePathSegmentPrefix() {
        assertEquals("/live/sport/", Permissions.normalizeFolder("live/sport"));
        assertFalse(Permissions.decide(Role.ENCODER, List.of("/live/sport"), Kind.PUBLISH, IN).allowed());
        assertTrue(Permissions.decide(Role.ENCODER, List.of("live/sports"), Kind.PUBLISH, IN).allowed());
    }

    @Test
    void rolesReadTheirStoredValueOrTheirTitle() {
        assertEquals(Role.ADMINISTRATOR, Role.of("admin").orElseThrow());
        assertEquals(Role.OPERATOR, Role.of("Operator").orElseThrow());
        assertTrue(Role.of("root").isEmpty());
    }
}
