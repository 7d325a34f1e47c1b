package org.openlss.cmaf;

import static org.openlss.player.PlayerRequests.error;
import static org.openlss.player.PlayerRequests.notModified;
import static org.openlss.player.PlayerRequests.send;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.openlss.live.FragmentLookup;
import org.openlss.live.LiveTrack;
import org.openlss.live.Presentation;
import org.openlss.live.StreamIndex;
import org.openlss.platform.ResponseBody;
import org.openlss.player.BuiltOnce;
import org.openlss.player.FragmentAnswers;
import org.openlss.player.PlayerExchange;
import org.openlss.player.PlayerOutput;
import org.openlss.player.PlayerRequests;
import org.openlss.player.SmoothUrl;
import org.openlss.pubpoint.Destinations;
import org.openlss.pubpoint.PublishingPoint;
import org.openlss.pubpoint.PublishingPointSettings;

/**
 * MPEG-DASH and HLS with CMAF segments of live events, at the URLs Azure Media Services gave the IIS grammar: the MPD
 * {@code Manifest(format=mpd-time-cmaf)}; the HLS master {@code Manifest(format=m3u8-cmaf)} and media playlists
 * {@code QualityLevels(b)/Manifest(<stream>,format=m3u8-cmaf)} (with HLS enabled on the point, like the TS output);
 * each level's CMAF header {@code QualityLevels(b)/Fragments(<stream>=i,format=…)} and its segments
 * {@code QualityLevels(b)/Fragments(<stream>=<time>,format=…)}, one per Smooth fragment and the same bytes in both
 * formats. Status codes and caching are those of Smooth fragments; manifests are built once per timeline change, live
 * until the event is DVR-only (a static MPD, an {@code EXT-X-ENDLIST}).
 */
@ApplicationScoped
public class CmafDelivery implements PlayerOutput {
    static final String DASH_OUTPUT = "MPEG-DASH";
    static final String HLS_OUTPUT = "HLS (fMP4)";
    private static final String MPD = "application/dash+xml";
    private static final String PLAYLIST = "application/vnd.apple.mpegurl";
    private static final long HEADER_MAX_AGE = 3 * 24 * 3600;

    @Inject
    Destinations destinations;

    @Override
    public boolean serves(SmoothUrl resource) {
        return resource.cmaf();
    }

    @Override
    public void serve(PlayerExchange exchange, PlayerRequests.Target target) throws IOException {
        SmoothUrl resource = target.resource();
        boolean hls = SmoothUrl.HLS_CMAF.equals(resource.format());
        if (hls && !target.point().settings().hls().enabled()) {
            error(exchange, 404, "HLS (fMP4) needs Apple HTTP Live Streaming enabled on "
                    + target.url().point().urlPath());
        } else if (resource instanceof SmoothUrl.Manifest) {
            if (hls) {
                master(exchange, target.point(), target.presentation());
            } else {
                mpd(exchange, target.point(), target.presentation());
            }
        } else if (resource instanceof SmoothUrl.LevelManifest level && hls) {
            mediaPlaylist(exchange, target.point(), target.presentation(), level);
        } else if (resource instanceof SmoothUrl.Init init) {
            header(exchange, target.point(), target.presentation(), init);
        } else if (resource instanceof SmoothUrl.Fragment f && f.noun() == SmoothUrl.Noun.Fragments) {
            segment(exchange, target.point(), target.presentation(), f);
        } else {
            error(exchange, 404, "'" + target.url().resource() + "' is not served on "
                    + target.url().point().urlPath());
        }
    }

    private void mpd(PlayerExchange exchange, PublishingPoint point, Presentation presentation) throws IOException {
        exchange.header("Cache-Control", presentation.ended() ? "public, max-age=10" : "public, max-age=1");
        if (exchange.requestHeader("If-None-Match") != null
                && notModified(exchange, etag(point, presentation.version()))) {
            return;
        }
        CmafEvent event = presentation.outputStates().of(CmafEvent.class, CmafEvent::new);
        BuiltOnce.Built mpd = event.mpd.get(presentation::version, () -> build(point.settings(), presentation, event));
        if (mpd.bytes() == null) {
            error(exchange, 404, point.path().urlPath() + " has no H.264 or AAC stream data yet");
            return;
        }
        if (notModified(exchange, etag(point, mpd.version()))) {
            return;
        }
        send(exchange, MPD, ResponseBody.of(mpd.bytes()));
    }

    private static void master(PlayerExchange exchange, PublishingPoint point, Presentation presentation)
            throws IOException {
        CmafEvent event = presentation.outputStates().of(CmafEvent.class, CmafEvent::new);
        playlist(exchange, point, presentation, event.master.get(presentation::version,
                () -> HlsPlaylists.master(streams(presentation))), "m");
    }

    private static void mediaPlaylist(PlayerExchange exchange, PublishingPoint point, Presentation presentation,
                                      SmoothUrl.LevelManifest level) throws IOException {
        if (level(exchange, presentation, level.streamName(), level.bitrate(), level.attributes()) == null) {
            return;
        }
        CmafEvent event = presentation.outputStates().of(CmafEvent.class, CmafEvent::new);
        BuiltOnce built = event.mediaPlaylists.computeIfAbsent(level.streamName(), name -> new BuiltOnce());
        playlist(exchange, point, presentation, built.get(presentation::version, () -> {
            List<CmafStream> streams = streams(presentation);
            CmafStream stream = streams.stream().filter(s -> s.name().equals(level.streamName())).findFirst()
                    .orElse(null);
            return stream == null ? null : HlsPlaylists.media(stream, event.live(streams, Instant.now()),
                    point.settings().clientConnections().windowLength().isZero(), presentation.ended(), false);
        }), "p" + level.streamName().hashCode());
    }

    private static void playlist(PlayerExchange exchange, PublishingPoint point, Presentation presentation,
                                 BuiltOnce.Built playlist, String kind) throws IOException {
        if (playlist.bytes() == null) {
            error(exchange, 404, point.path().urlPath() + " has no H.264 or AAC stream data yet");
            return;
        }
        exchange.header("Cache-Control", presentation.ended() ? "public, max-age=10" : "public, max-age=1");
        if (notModified(exchange, "\"h" + kind + point.eventNumber() + "-" + playlist.version() + "\"")) {
            return;
        }
        send(exchange, PLAYLIST, ResponseBody.of(playlist.bytes()));
    }

    private static String etag(PublishingPoint point, long version) {
        return "\"d" + point.eventNumber() + "-" + version + "\"";
    }

    private static byte[] build(PublishingPointSettings settings, Presentation presentation, CmafEvent event) {
        List<CmafStream> streams = streams(presentation);
        Instant now = Instant.now();
        CmafEvent.Anchor anchor = presentation.ended() ? CmafEvent.earliest(streams) : event.live(streams, now);
        if (anchor == null) {
            return null;
        }
        return MpdWriter.write(streams, new MpdWriter.Timing(!presentation.ended(), anchor.time(),
                anchor.timescale(), anchor.wallClock(), now, settings.clientConnections().windowLength(),
                settings.lookAheadChunks(), "Manifest(format=" + SmoothUrl.DASH_CMAF + ")"));
    }

    /** The streams CMAF carries, as listed now. */
    static List<CmafStream> streams(Presentation presentation) {
        return presentation.streamIndexes().stream().map(CmafStream::listed).filter(Objects::nonNull).toList();
    }

    private static LiveTrack level(PlayerExchange exchange, Presentation presentation, String stream, long bitrate,
                                   Map<String, String> attributes) throws IOException {
        LiveTrack track = presentation.track(stream, bitrate, attributes);
        if (track == null || !CmafStream.carried(track)) {
            FragmentAnswers.noLevel(exchange, bitrate, attributes, stream);
            return null;
        }
        return track;
    }

    private void header(PlayerExchange exchange, PublishingPoint point, Presentation presentation,
                        SmoothUrl.Init init) throws IOException {
        LiveTrack track = level(exchange, presentation, init.streamName(), init.bitrate(), init.attributes());
        if (track == null) {
            return;
        }
        exchange.header("Cache-Control", "public, max-age=" + HEADER_MAX_AGE);
        if (notModified(exchange, "\"i" + point.eventNumber() + "-" + init.bitrate() + "\"")) {
            return;
        }
        send(exchange, FragmentAnswers.contentType(track.description().type()),
                ResponseBody.of(CmafSegments.header(track)));
    }

    private void segment(PlayerExchange exchange, PublishingPoint point, Presentation presentation,
                         SmoothUrl.Fragment f) throws IOException {
        StreamIndex stream = presentation.streamIndex(f.streamName());
        LiveTrack track = level(exchange, presentation, f.streamName(), f.bitrate(), f.attributes());
        if (stream == null || track == null) {
            return;
        }
        FragmentLookup lookup = track.lookup(f.time());
        if (FragmentAnswers.unavailable(exchange, lookup, f.streamName(), f.time())) {
            return;
        }
        exchange.header("Cache-Control", "public, max-age=" + FragmentAnswers.maxAge(point.settings(), stream, lookup));
        if (notModified(exchange, "\"c" + point.eventNumber() + "-" + f.bitrate() + "-" + f.time() + "\"")) {
            return;
        }
        ResponseBody body = CmafSegments.segment(track, lookup.ref());
        if (body == null) {
            FragmentAnswers.leftTheWindow(exchange, f.time());
            return;
        }
        send(exchange, FragmentAnswers.contentType(track.description().type()), body);
        track.served(body.contentLength());
        destinations.delivered(point.path(), exchange.localAddress(),
                SmoothUrl.HLS_CMAF.equals(f.format()) ? HLS_OUTPUT : DASH_OUTPUT, f.streamName(), exchange.remoteAddress());
    }
}
