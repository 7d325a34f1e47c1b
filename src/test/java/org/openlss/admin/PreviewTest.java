package org.openlss.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The formats an archive's Preview offers, and what the preview page refuses to take for an archive. */
class PreviewTest {
    @Test
    void anArchiveIsOfferedInSmoothDashAndHlsWithTsAndWithCmafSegments() {
        Preview preview = Preview.ofArchive("", "/archive/live/channel1/20261204T120000Z/channel1.ism/Manifest");
        assertEquals("/archive/live/channel1/20261204T120000Z/channel1.ism", preview.subject());
        assertEquals(List.of(
                new Preview.Format("smooth", "Smooth Streaming",
                        "/archive/live/channel1/20261204T120000Z/channel1.ism/Manifest"),
                new Preview.Format("dash", "MPEG-DASH",
                        "/archive/live/channel1/20261204T120000Z/channel1.ism/Manifest(format=mpd-time-cmaf)"),
                new Preview.Format("hls", "HLS",
                        "/archive/live/channel1/20261204T120000Z/channel1.ism/Manifest(format=m3u8-aapl)"),
                new Preview.Format("hls", "HLS (CMAF)",
                        "/archive/live/channel1/20261204T120000Z/channel1.ism/Manifest(format=m3u8-cmaf)")),
                preview.formats());
        assertNull(preview.note());
        assertEquals("/ctx/archive/a%20b/c.ism/Manifest",
                Preview.ofArchive("/ctx", "/archive/a%20b/c.ism").formats().get(0).url(), "under the context path");
    }

    @Test
    void onlyAPresentationUnderTheArchiveIsTaken() {
        for (String refused : new String[] {null, "", "/etc/passwd", "/archive/a.isml", "/live/a.ism",
                "/archive/../x.ism", "/archive/a//b.ism", "/archive/a.ism?x=1", "//other.site/archive/a.ism",
                "https://other.site/archive/a.ism", "/archive/a\".ism", "/archive/a b.ism"}) {
            assertThrows(IllegalArgumentException.class, () -> Preview.ofArchive("", refused), String.valueOf(refused));
        }
    }
}
