package org.openlss.archive;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.logging.Logger;
import org.openlss.platform.PlainText;
import org.openlss.platform.ResponseBody;
import org.openlss.mp4.BoxFormatException;
import org.openlss.mp4.TrackType;
import org.openlss.player.SmoothUrl;

/**
 * On-demand Smooth Streaming of the archives: {@code GET /archive/<path below the archive root>/<name>.ism/Manifest}
 * and {@code .../QualityLevels(..)/Fragments(..)} (FragmentInfo, RawFragments, KeyFrames too), read straight from the
 * archive files. 400 for a malformed path, 404 for anything that is not an archived presentation, level or fragment;
 * nothing outside the archive root is served.
 */
public class ArchiveServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ArchiveServlet.class.getName());
    private static final long IMMUTABLE_MAX_AGE = 3 * 24 * 3600;

    @Inject
    Archives archives;

    private final transient PresentationCache presentations = new PresentationCache();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String raw = request.getRequestURI().toLowerCase(Locale.ROOT);
        if (raw.contains("%2f") || raw.contains("%5c") || raw.contains("%00")) {
            error(response, 400, "encoded slashes are not allowed in archive paths");
            return;
        }
        ArchiveRequest target;
        SmoothUrl resource;
        try {
            target = ArchiveRequest.parse(request.getPathInfo());
            resource = SmoothUrl.parse(target.resource());
        } catch (ArchiveRequest.Refused e) {
            error(response, e.status(), e.getMessage());
            return;
        } catch (SmoothUrl.Malformed e) {
            error(response, 400, e.getMessage());
            return;
        } catch (SmoothUrl.NotSmooth e) {
            error(response, 404, e.getMessage());
            return;
        }
        Path ism = target.locate(archives.root());
        if (ism == null) {
            error(response, 404, "no archived presentation at " + request.getPathInfo());
            return;
        }
        try {
            ArchivedPresentation presentation = presentations.get(ism);
            if (resource.hls()) {
                error(response, 404, "Apple HTTP Live Streaming of archives is not served");
            } else if (resource instanceof SmoothUrl.Manifest) {
                manifest(response, presentation);
            } else if (resource instanceof SmoothUrl.Fragment f) {
                fragment(response, presentation, f);
            } else {
                error(response, 404, "'" + target.resource() + "' is not served for archives");
            }
        } catch (BoxFormatException e) {
            LOG.warning("Archived presentation " + ism + " is damaged: " + e.getMessage());
            error(response, 500, "the archived presentation is damaged: " + e.getMessage());
        }
    }

    private static void manifest(HttpServletResponse response, ArchivedPresentation presentation) throws IOException {
        byte[] manifest = presentation.manifest();
        if (manifest == null) {
            error(response, 404, "no fragment is archived yet");
            return;
        }
        // a complete archive changes only if its event resumes after a restart; one being written changes each fragment
        response.setHeader("Cache-Control", presentation.complete() ? "public, max-age=60" : "no-cache");
        response.setContentType("text/xml;charset=utf-8");
        send(response, manifest);
    }

    private static void fragment(HttpServletResponse response, ArchivedPresentation presentation,
                                 SmoothUrl.Fragment f) throws IOException {
        ArchivedPresentation.Level level = presentation.level(f.streamName(), f.bitrate(), f.attributes());
        if (level == null) {
            error(response, 404, "no quality level " + f.bitrate() + (f.attributes().isEmpty() ? "" : f.attributes())
                    + " of stream '" + f.streamName() + "'");
            return;
        }
        ResponseBody body = ArchivedPresentation.fragment(level, f.time(), f.noun());
        if (body == null) {
            error(response, 404, "no fragment of '" + f.streamName() + "' starts at " + f.time());
            return;
        }
        TrackType type = level.description().type();
        response.setHeader("Cache-Control", "public, max-age=" + IMMUTABLE_MAX_AGE);
        response.setContentType(type == TrackType.VIDEO ? "video/mp4" : type == TrackType.AUDIO ? "audio/mp4"
                : "application/mp4");
        response.setHeader("Access-Control-Allow-Origin", "*");
        body.send(response);
    }

    private static void send(HttpServletResponse response, byte[] body) throws IOException {
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static void error(HttpServletResponse response, int status, String message) throws IOException {
        PlainText.answer(response, status, message);
    }
}
