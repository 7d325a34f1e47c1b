package org.openlss.hls;

import static org.openlss.player.PlayerRequests.error;
import static org.openlss.player.PlayerRequests.notModified;
import static org.openlss.player.PlayerRequests.send;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.openlss.platform.ResponseBody;
import org.openlss.player.PlayerOutput;
import org.openlss.pubpoint.PublishingPoint;
import org.openlss.player.PlayerRequests;
import org.openlss.player.SmoothUrl;
import org.openlss.pubpoint.Destinations;

/**
 * Apple HTTP Live Streaming delivery at the URLs IIS used (hls-from-smooth.md §2): the master playlist
 * {@code Manifest(format=m3u8-aapl)}, media playlists {@code QualityLevels(b)/Manifest(<video>,format=m3u8-aapl)},
 * TS segments {@code QualityLevels(b)/Fragments(<video>=<t>,format=m3u8-aapl)} and {@code KeyFile(format=m3u8-aapl)}.
 * Everything is ready-made by the segmenter; this only looks it up. Playlists live short, segments long (their URL
 * never changes meaning within an event).
 */
@ApplicationScoped
public class HlsDelivery implements PlayerOutput {
    private static final String OUTPUT = "Apple HTTP Live Streaming";
    private static final String PLAYLIST = "application/vnd.apple.mpegurl";
    private static final long SEGMENT_MAX_AGE = 3 * 24 * 3600;
    /** A finished playlist changes only if the point starts a new event at the same URL. */
    private static final int FINISHED_MAX_AGE = 10;

    @Inject
    HlsOutput output;
    @Inject
    Destinations destinations;

    @Override
    public boolean serves(SmoothUrl resource) {
        return resource.hls();
    }

    @Override
    public void serve(HttpServletRequest request, HttpServletResponse response, PlayerRequests.Target target)
            throws IOException {
        String where = target.url().point().urlPath();
        if (!target.point().settings().hls().enabled()) {
            error(response, 404, "Apple HTTP Live Streaming output is not enabled on " + where);
            return;
        }
        HlsPresentation hls = output.find(target.point().path(), target.presentation());
        if (hls == null) {
            error(response, 404, where + " has no Apple HTTP Live Streaming output for its current event");
            return;
        }
        SmoothUrl resource = target.resource();
        if (resource instanceof SmoothUrl.Manifest) {
            playlist(response, hls, hls.masterPlaylist(), where + " has no HLS segment yet");
        } else if (resource instanceof SmoothUrl.LevelManifest level) {
            Variant variant = hls.variant(level.streamName(), level.bitrate(), level.attributes());
            if (variant != null) {
                playlist(response, hls, hls.mediaPlaylist(variant), "QualityLevels(" + level.bitrate()
                        + ") has no HLS segment yet");
            } else {
                error(response, 404, "no HLS variant " + level.bitrate() + " of stream '" + level.streamName() + "'");
            }
        } else if (resource instanceof SmoothUrl.Fragment f && f.noun() == SmoothUrl.Noun.Fragments) {
            segment(request, response, target.point(), hls, f);
        } else if (resource instanceof SmoothUrl.KeyFile && hls.key() != null) {
            response.setHeader("Cache-Control", "no-cache");
            response.setHeader("Access-Control-Allow-Origin", "*");
            response.setContentType("application/octet-stream");
            send(response, hls.key());
        } else {
            error(response, 404, "'" + target.url().resource() + "' is not served on " + where);
        }
    }

    private static void playlist(HttpServletResponse response, HlsPresentation hls, byte[] playlist, String missing)
            throws IOException {
        if (playlist == null) {
            error(response, 404, missing);
            return;
        }
        boolean finished = hls.finished();
        // live clients reload about once per target duration: never serve them one older than half of it
        int maxAge = finished ? FINISHED_MAX_AGE : Math.max(1, hls.targetDurationSeconds() / 2);
        response.setHeader("Cache-Control", "public, max-age=" + maxAge);
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.setContentType(PLAYLIST);
        send(response, playlist);
    }

    private void segment(HttpServletRequest request, HttpServletResponse response, PublishingPoint point,
                         HlsPresentation hls, SmoothUrl.Fragment f) throws IOException {
        Variant variant = hls.variant(f.streamName(), f.bitrate(), f.attributes());
        // finding the segment costs no read: the newest are in memory, the others only looked up on disk
        ResponseBody segment = variant == null ? null : hls.segment(variant, f.time());
        if (segment == null) {
            error(response, 404, "no HLS segment of QualityLevels(" + f.bitrate() + ") of '" + f.streamName()
                    + "' starts at " + f.time());
            return;
        }
        response.setHeader("Cache-Control", "public, max-age=" + SEGMENT_MAX_AGE);
        if (notModified(request, response, "\"h" + point.eventNumber() + "-" + f.bitrate() + "-" + f.time() + "\"")) {
            return;
        }
        response.setContentType("video/mp2t");
        segment.send(response);
        variant.level.served(segment.contentLength());
        destinations.delivered(point.path(), request.getLocalAddr(), OUTPUT, f.streamName());
    }
}
