package org.openlss.admin;

import java.util.ArrayList;
import java.util.List;
import org.openlss.pubpoint.PublishingPoint;

/**
 * What the Preview card (WEB-INF/templates/preview.xhtml, admin/preview.js) may play: the formats the server answers
 * for a live point or an archived presentation, each with its manifest URL (same origin), and why a format is missing.
 * The card plays nothing by itself: the operator chooses a format and presses Play.
 *
 * @param subject what is previewed, as shown (the point's path or the archive's URL)
 * @param formats the formats offered, in the order shown (Smooth, DASH, HLS)
 * @param note    why a format is not offered (HLS off on the point), or null
 */
public record Preview(String subject, List<Format> formats, String note) {
    /** HLS of a live point is off until the point's Mobile Devices settings turn it on. */
    static final String HLS_OFF = "HLS is not offered: it is off for this point (Edit → Mobile Devices → "
            + "Enable output to Apple mobile digital devices).";

    /**
     * A format the card can play.
     *
     * @param key    {@code smooth}, {@code dash} or {@code hls}: which player preview.js starts (dash.js with its MSS
     *               part, dash.js, hls.js)
     * @param label  as the format picker shows it
     * @param url    the manifest, a path on this server
     */
    public record Format(String key, String label, String url) {
    }

    /**
     * A live point's player URLs: Smooth and MPEG-DASH always; HLS (MPEG-2 TS) only when the point's HLS output is on.
     *
     * @param contextPath the WAR's context path, where the point's URLs start
     */
    public static Preview ofPoint(String contextPath, PublishingPoint point) {
        String base = contextPath + point.path().urlPath() + "/";
        List<Format> formats = new ArrayList<>(List.of(
                new Format("smooth", "Smooth Streaming", base + "Manifest"),
                new Format("dash", "MPEG-DASH", base + "Manifest(format=mpd-time-cmaf)")));
        boolean hls = point.settings().hls().enabled();
        if (hls) {
            formats.add(new Format("hls", "HLS", base + "Manifest(format=m3u8-aapl)"));
        }
        return new Preview(point.path().urlPath(), List.copyOf(formats), hls ? null : HLS_OFF);
    }

    /**
     * An archived presentation's player URLs (on demand, see archive.ArchiveDelivery): Smooth, MPEG-DASH, HLS with
     * MPEG-2 TS segments (what Apple devices are given) and HLS with CMAF segments.
     *
     * @param archive the presentation, {@code /archive/.../<name>.ism}, or its Smooth manifest {@code .../Manifest}
     *                as the points page shows it
     * @throws IllegalArgumentException when {@code archive} names no presentation under {@code /archive/}
     */
    public static Preview ofArchive(String contextPath, String archive) {
        String presentation = archive == null ? "" : archive.endsWith("/Manifest")
                ? archive.substring(0, archive.length() - "/Manifest".length()) : archive;
        if (!presentation.startsWith("/archive/") || !presentation.endsWith(".ism")
                || presentation.contains("/../") || presentation.contains("/./") || presentation.contains("//")
                || presentation.contains("\\") || presentation.chars().anyMatch(c -> c < 0x21 || c == 0x7f
                || c == '"' || c == '<' || c == '>' || c == '?' || c == '#')) {
            throw new IllegalArgumentException("not an archived presentation: " + archive);
        }
        String base = contextPath + presentation + "/";
        return new Preview(presentation, List.of(
                new Format("smooth", "Smooth Streaming", base + "Manifest"),
                new Format("dash", "MPEG-DASH", base + "Manifest(format=mpd-time-cmaf)"),
                new Format("hls", "HLS", base + "Manifest(format=m3u8-aapl)"),
                new Format("hls", "HLS (CMAF)", base + "Manifest(format=m3u8-cmaf)")), null);
    }
}
