package org.openlss.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openlss.pubpoint.ManagementException;

/** The folders an account is given, as the API and the Accounts page pass them on. */
class AccountFoldersTest {
    @Test
    void foldersAreStoredNormalizedAndOnce() {
        assertEquals(List.of("/live/sports/", "/news/"),
                Accounts.folders(List.of(" live/sports", "/live/sports/", "", "/news/")));
        assertEquals(List.of(), Accounts.folders(List.of("  ")));
    }

    @Test
    void aFolderThatNoPointPathCouldStartWithIsRefusedByName() {
        for (String bad : List.of("/live/a b/", "/live//x/", "/live/../", "/./", "/tab\there/")) {
            ManagementException refused = assertThrows(ManagementException.class, () -> Accounts.folders(List.of(bad)));
            assertTrue(refused.getMessage().contains("is not a path such as /live/sports/"), bad);
        }
    }

    @Test
    void foldersMustFitTheirColumn() {
        List<String> many = Collections.nCopies(1, "/" + "x".repeat(4000) + "/");
        assertTrue(assertThrows(ManagementException.class, () -> Accounts.folders(many)).getMessage()
                .contains("more than 4000 characters"));
    }
}
