package org.openlss.web.grizzly;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The lane takes only paths the servlet container would take literally; anything it would rewrite goes there. */
class GrizzlyFastLaneTest {
    @Test
    void takesPlainPlayerPaths() {
        assertTrue(GrizzlyFastLane.plain("/live/a.isml/QualityLevels(800000)/Fragments(video=0)", 0));
        assertTrue(GrizzlyFastLane.plain("/live/a.isml/Manifest", 0));
        assertTrue(GrizzlyFastLane.plain("/ctx/live/a.isml/Manifest", 4));
        assertTrue(GrizzlyFastLane.plain("/live/a.isml/QualityLevels(1)/Manifest(v,format=m3u8-aapl).m3u8", 0));
    }

    @Test
    void leavesToTheServletContainerWhatItWouldDecodeOrNormalise() {
        for (String uri : new String[] {"/live/a.isml/%4Danifest", "/live/../admin/x.isml/Manifest",
                "/live/./a.isml/Manifest", "/live//a.isml/Manifest", "/live/a.isml/Manifest;jsessionid=1",
                "/live\\a.isml/Manifest", "live/a.isml/Manifest", "", "/live/a.isml/.hidden"}) {
            assertFalse(GrizzlyFastLane.plain(uri, 0), uri);
        }
        assertFalse(GrizzlyFastLane.plain("/other/live/a.isml/Manifest", 4), "outside the context path's slash");
    }
}
