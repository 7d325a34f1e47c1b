package org.openlss.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.openlss.web.Permissions.Kind;

/** How the edge names a management call's kind of action and point, for {@link Permissions}. */
class AccessGuardKindTest {
    @Test
    void callsMapToKinds() {
        assertEquals(Kind.READ, AccessGuard.kind("GET", "/services/smoothstreaming/publishingpoints.isml/settings"));
        assertEquals(Kind.SETTINGS, AccessGuard.kind("POST", "/services/smoothstreaming/publishingpoints.isml/settings"));
        assertEquals(Kind.LIFECYCLE, AccessGuard.kind("PUT", "/services/smoothstreaming/publishingpoint/live/a.isml/State"));
        assertEquals(Kind.SETTINGS, AccessGuard.kind("DELETE", "/services/smoothstreaming/credentials/c1"));
        assertEquals(Kind.ACCOUNTS, AccessGuard.kind("GET", "/services/smoothstreaming/accounts"));
        assertEquals(Kind.AUDIT, AccessGuard.kind("GET", "/services/smoothstreaming/audit"));
    }

    @Test
    void screensThatChangeSomethingNeedTheirKind() {
        assertEquals(Kind.SETTINGS, AdminSignIn.pageKind("/admin/Point.xhtml"));
        assertEquals(Kind.SETTINGS, AdminSignIn.pageKind("/admin/import.xhtml"));
        assertEquals(Kind.ACCOUNTS, AdminSignIn.pageKind("/admin/accounts.xhtml"));
        assertEquals(Kind.AUDIT, AdminSignIn.pageKind("/admin/audit.xhtml"));
        assertEquals(Kind.READ, AdminSignIn.pageKind("/admin/details.xhtml"));
        assertEquals(Kind.READ, AdminSignIn.pageKind("/admin/"));
    }

    @Test
    void theApiFormNamesItsPoint() {
        assertEquals("/live/sports/a.ISML",
                AccessGuard.point("/services/smoothstreaming/publishingpoint/live/sports/a.ISML/state", null));
        assertNull(AccessGuard.point("/services/smoothstreaming/publishingpoints.isml/settings", null));
    }
}
