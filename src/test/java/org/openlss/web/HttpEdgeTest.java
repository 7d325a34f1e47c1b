package org.openlss.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Which paths any lane may answer as a public player read: never management, screens, the API or stream pulls. */
class HttpEdgeTest {
    @Test
    void playerResourcesArePublicReads() {
        assertEquals("Manifest", HttpEdge.publicPlayerRead("/live/a.isml/Manifest").resource());
        assertEquals("QualityLevels(1)/Fragments(v=0)",
                HttpEdge.publicPlayerRead("/live/a.isml/QualityLevels(1)/Fragments(v=0)").resource());
        assertEquals("/live/a.isml", HttpEdge.publicPlayerRead("/live/a.isml/manifest(format=m3u8-aapl)").point()
                .urlPath());
    }

    @Test
    void everythingThatNeedsCredentialsOrIsNoPlayerResourceIsNot() {
        for (String path : new String[] {"/live/a.isml/settings", "/live/a.isml/STATE", "/live/a.isml/statistics",
                "/live/a.isml/Streams(stream1)", "/live/a.isml/Events(e)/Streams(s)", "/live/a.isml/streammanifest",
                "/live/a.isml", "/services/smoothstreaming/x.isml/Manifest", "/admin/x.isml/Manifest",
                "/ADMIN/x.isml/Manifest", "/live/manifest", "/archive/x/y.ism/Manifest"}) {
            assertNull(HttpEdge.publicPlayerRead(path), path);
        }
    }
}
