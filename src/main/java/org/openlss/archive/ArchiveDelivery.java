package org.openlss.archive;

import static org.openlss.player.PlayerRequests.error;
import static org.openlss.player.PlayerRequests.send;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.logging.Logger;
import org.openlss.mp4.BoxFormatException;
import org.openlss.mp4.TrackType;
import org.openlss.platform.ResponseBody;
import org.openlss.player.PlayerExchange;
import org.openlss.player.PlayerRequests;
import org.openlss.player.SmoothUrl;

/**
 * On-demand Smooth Streaming of the archives: {@code GET /archive/<path below the archive root>/<name>.ism/Manifest}
 * and {@code .../QualityLevels(..)/Fragments(..)} (FragmentInfo, RawFragments, KeyFrames too), read straight from the
 * archive files. 400 for a malformed path, 404 for anything that is not an archived presentation, level or fragment;
 * nothing outside the archive root is served. Answered through the servlet path ({@link ArchiveServlet}) or a
 * faster lane of the container, alike.
 */
@ApplicationScoped
public class ArchiveDelivery {
    private static final Logger LOG = Logger.getLogger(ArchiveDelivery.class.getName());
    private static final long IMMUTABLE_MAX_AGE = 3 * 24 * 3600;

    @Inject
    Archives archives;

    private final PresentationCache presentations = new PresentationCache();

    /**
     * Serves a GET or HEAD.
     *
     * @param rawUri   the request URI as sent (escapes are refused, so nothing decodes into a path outside the root)
     * @param pathInfo the decoded path below {@code /archive}
     */
    public void serve(PlayerExchange exchange, String rawUri, String pathInfo) throws IOException {
        String raw = rawUri.toLowerCase(Locale.ROOT);
        if (raw.contains("%2f") || raw.contains("%5c") || raw.contains("%00")) {
            error(exchange, 400, "encoded slashes are not allowed in archive paths");
            return;
        }
        ArchiveRequest target;
        try {
            target = ArchiveRequest.parse(pathInfo);
        } catch (ArchiveRequest.Refused e) {
            error(exchange, e.status(), e.getMessage());
            return;
        }
        SmoothUrl resource = PlayerRequests.parse(exchange, target.resource());
        if (resource == null) {
            return;
        }
        Path ism = target.locate(archives.root());
        if (ism == null) {
            error(exchange, 404, "no archived presentation at " + pathInfo);
            return;
        }
        try {
            ArchivedPresentation presentation = presentations.get(ism);
            if (resource.format() != null) {
                error(exchange, 404, "format=" + resource.format() + " of archives is not served");
            } else if (resource instanceof SmoothUrl.Manifest) {
                manifest(exchange, presentation);
            } else if (resource instanceof SmoothUrl.Fragment f) {
                fragment(exchange, presentation, f);
            } else {
                error(exchange, 404, "'" + target.resource() + "' is not served for archives");
            }
        } catch (BoxFormatException e) {
            LOG.warning("Archived presentation " + ism + " is damaged: " + e.getMessage());
            error(exchange, 500, "the archived presentation is damaged: " + e.getMessage());
        }
    }

    private static void manifest(PlayerExchange exchange, ArchivedPresentation presentation) throws IOException {
        byte[] manifest = presentation.manifest();
        if (manifest == null) {
            error(exchange, 404, "no fragment is archived yet");
            return;
        }
        // a complete archive changes only if its event resumes after a restart; one being written changes each fragment
        exchange.header("Cache-Control", presentation.complete() ? "public, max-age=60" : "no-cache");
        send(exchange, "text/xml;charset=utf-8", ResponseBody.of(manifest));
    }

    private static void fragment(PlayerExchange exchange, ArchivedPresentation presentation, SmoothUrl.Fragment f)
            throws IOException {
        ArchivedPresentation.Level level = presentation.level(f.streamName(), f.bitrate(), f.attributes());
        if (level == null) {
            error(exchange, 404, "no quality level " + f.bitrate() + (f.attributes().isEmpty() ? "" : f.attributes())
                    + " of stream '" + f.streamName() + "'");
            return;
        }
        ResponseBody body = ArchivedPresentation.fragment(level, f.time(), f.noun());
        if (body == null) {
            error(exchange, 404, "no fragment of '" + f.streamName() + "' starts at " + f.time());
            return;
        }
        TrackType type = level.description().type();
        exchange.header("Cache-Control", "public, max-age=" + IMMUTABLE_MAX_AGE);
        send(exchange, type == TrackType.VIDEO ? "video/mp4" : type == TrackType.AUDIO ? "audio/mp4"
                : "application/mp4", body);
    }
}
