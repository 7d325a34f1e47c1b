package org.openlss.hls;

import static org.openlss.player.PlayerRequests.error;
import static org.openlss.player.PlayerRequests.notModified;
import static org.openlss.player.PlayerRequests.send;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import org.openlss.platform.ResponseBody;
import org.openlss.player.PlayerExchange;
import org.openlss.player.PlayerOutput;
import org.openlss.player.PlayerRequests;
import org.openlss.player.SmoothUrl;
import org.openlss.pubpoint.Destinations;
import org.openlss.pubpoint.PublishingPoint;

/**
 * Apple HTTP Live Streaming delivery at the URLs IIS used (hls-from-smooth.md §2): the master playlist
 * {@code Manifest(format=m3u8-aapl)}, media playlists {@code QualityLevels(b)/Manifest(<video>,format=m3u8-aapl)},
 * TS segments {@code QualityLevels(b)/Fragments(<video>=<t>,format=m3u8-aapl)} and {@code KeyFile(format=m3u8-aapl)};
 * a caption stream's subtitles playlist and WebVTT segments at the same URLs with its own name and bitrate (their
 * {@code t} is the media segment's, in video time).
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
    public void serve(PlayerExchange exchange, PlayerRequests.Target target) throws IOException {
        String where = target.url().point().urlPath();
        if (!target.point().settings().hls().enabled()) {
            error(exchange, 404, "Apple HTTP Live Streaming output is not enabled on " + where);
            return;
        }
        HlsPresentation hls = output.find(target.point().path(), target.presentation());
        if (hls == null) {
            error(exchange, 404, where + " has no Apple HTTP Live Streaming output for its current event");
            return;
        }
        SmoothUrl resource = target.resource();
        if (resource instanceof SmoothUrl.Manifest) {
            playlist(exchange, hls, hls.masterPlaylist(), where + " has no HLS segment yet");
        } else if (resource instanceof SmoothUrl.LevelManifest level) {
            Variant variant = hls.variant(level.streamName(), level.bitrate(), level.attributes());
            SubtitlesRendition subtitles = hls.subtitles(level.streamName(), level.bitrate(), level.attributes());
            if (variant != null) {
                playlist(exchange, hls, hls.mediaPlaylist(variant), "QualityLevels(" + level.bitrate()
                        + ") has no HLS segment yet");
            } else if (subtitles != null) {
                playlist(exchange, hls, subtitles.playlist(), "the captions '" + level.streamName()
                        + "' have no HLS segment yet");
            } else {
                error(exchange, 404, "no HLS variant " + level.bitrate() + " of stream '" + level.streamName() + "'");
            }
        } else if (resource instanceof SmoothUrl.Fragment f && f.noun() == SmoothUrl.Noun.Fragments) {
            segment(exchange, target.point(), hls, f);
        } else if (resource instanceof SmoothUrl.KeyFile && hls.key() != null) {
            exchange.header("Cache-Control", "no-cache");
            send(exchange, "application/octet-stream", ResponseBody.of(hls.key()));
        } else {
            error(exchange, 404, "'" + target.url().resource() + "' is not served on " + where);
        }
    }

    private static void playlist(PlayerExchange exchange, HlsPresentation hls, byte[] playlist, String missing)
            throws IOException {
        if (playlist == null) {
            error(exchange, 404, missing);
            return;
        }
        boolean finished = hls.finished();
        // live clients reload about once per target duration: never serve them one older than half of it
        int maxAge = finished ? FINISHED_MAX_AGE : Math.max(1, hls.targetDurationSeconds() / 2);
        exchange.header("Cache-Control", "public, max-age=" + maxAge);
        send(exchange, PLAYLIST, ResponseBody.of(playlist));
    }

    private void segment(PlayerExchange exchange, PublishingPoint point, HlsPresentation hls, SmoothUrl.Fragment f)
            throws IOException {
        Variant variant = hls.variant(f.streamName(), f.bitrate(), f.attributes());
        SubtitlesRendition subtitles = variant == null ? hls.subtitles(f.streamName(), f.bitrate(), f.attributes())
                : null;
        // finding the segment costs no read: the newest are in memory, the others only looked up on disk
        ResponseBody segment = variant != null ? hls.segment(variant, f.time())
                : subtitles != null ? hls.segment(subtitles, f.time()) : null;
        if (segment == null) {
            error(exchange, 404, "no HLS segment of QualityLevels(" + f.bitrate() + ") of '" + f.streamName()
                    + "' starts at " + f.time());
            return;
        }
        exchange.header("Cache-Control", "public, max-age=" + SEGMENT_MAX_AGE);
        if (notModified(exchange, "\"h" + point.eventNumber() + "-" + f.bitrate() + "-" + f.time() + "\"")) {
            return;
        }
        send(exchange, variant != null ? "video/mp2t" : "text/vtt", segment);
        (variant != null ? variant.level : subtitles.track).served(segment.contentLength());
        destinations.delivered(point.path(), exchange.localAddress(), OUTPUT, f.streamName(), exchange.remoteAddress());
    }
}
