package org.openlss.archive;

import static org.openlss.player.PlayerRequests.error;
import static org.openlss.player.PlayerRequests.send;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import org.openlss.cmaf.CmafStream;
import org.openlss.cmaf.OnDemandManifests;
import org.openlss.hls.OnDemandHls;
import org.openlss.live.TrackKey;
import org.openlss.mp4.BoxFormatException;
import org.openlss.mp4.CmafInit;
import org.openlss.mp4.TrackType;
import org.openlss.platform.ResponseBody;
import org.openlss.player.FragmentAnswers;
import org.openlss.player.PlayerExchange;
import org.openlss.player.PlayerRequests;
import org.openlss.player.RecentResponses;
import org.openlss.player.SmoothUrl;

/**
 * On-demand Smooth Streaming of the archives: {@code GET /archive/<path below the archive root>/<name>.ism/Manifest}
 * and {@code .../QualityLevels(..)/Fragments(..)} (FragmentInfo, RawFragments, KeyFrames too), read straight from the
 * archive files; and the same files as MPEG-DASH ({@code Manifest(format=mpd-time-cmaf)}, static) and HLS with CMAF
 * segments ({@code Manifest(format=m3u8-cmaf)}, VOD playlists), their segments re-wrapped as they are read; and as
 * Apple HTTP Live Streaming with TS segments ({@code Manifest(format=m3u8-aapl)}), muxed when first asked for and kept
 * while they fit. 400 for a malformed path, 404 for anything that is not an archived presentation, level or fragment;
 * nothing outside the archive root is served. Answered through the servlet path ({@link ArchiveServlet}) or a
 * faster lane of the container, alike.
 */
@ApplicationScoped
public class ArchiveDelivery {
    private static final Logger LOG = Logger.getLogger(ArchiveDelivery.class.getName());
    private static final long IMMUTABLE_MAX_AGE = 3 * 24 * 3600;
    private static final String MPD = "application/dash+xml";
    private static final String PLAYLIST = "application/vnd.apple.mpegurl";

    @Inject
    Archives archives;

    /** TS segments muxed from archives; a 2 s segment of a 3 Mbit/s level is about 0.8 MB. */
    private static final long SEGMENT_CACHE_BYTES = 64L << 20;

    private final PresentationCache presentations = new PresentationCache();
    private final RecentResponses<String> segments = new RecentResponses<>(SEGMENT_CACHE_BYTES);

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
            if (resource.cmaf()) {
                cmaf(exchange, presentation, resource, target.resource());
            } else if (resource.hls()) {
                hls(exchange, ism, presentation, resource, target.resource());
            } else if (resource.format() != null) {
                error(exchange, 404, "format=" + resource.format() + " of archives is not served");
            } else if (resource instanceof SmoothUrl.Manifest) {
                manifest(exchange, presentation, presentation.manifest(), "text/xml;charset=utf-8");
            } else if (resource instanceof SmoothUrl.Fragment f) {
                fragment(exchange, presentation, f);
            } else {
                error(exchange, 404, "'" + target.resource() + "' is not served for archives");
            }
        } catch (BoxFormatException e) {
            LOG.warning("Archived presentation " + ism + " is damaged: " + e.getMessage());
            error(exchange, 500, "the archived presentation is damaged: " + e.getMessage());
        } catch (UncheckedIOException e) {
            LOG.warning("Archived presentation " + ism + ": " + e.getMessage() + ": " + e.getCause());
            error(exchange, 500, e.getMessage());
        }
    }

    /** HLS with TS segments: playlists as the archive's manifest, segments muxed once and kept while they fit. */
    private void hls(PlayerExchange exchange, Path ism, ArchivedPresentation presentation, SmoothUrl resource,
                     String text) throws IOException {
        OnDemandHls hls = presentation.hls().orElse(null);
        if (hls == null) {
            error(exchange, 404, "the archived presentation has no H.264 video for Apple HTTP Live Streaming");
        } else if (resource instanceof SmoothUrl.Manifest) {
            manifest(exchange, presentation, hls.masterPlaylist(), PLAYLIST);
        } else if (resource instanceof SmoothUrl.LevelManifest l) {
            byte[] playlist = hls.mediaPlaylist(new TrackKey(TrackType.VIDEO, l.streamName(), l.bitrate(),
                    l.attributes()));
            if (playlist == null) {
                playlist = hls.subtitlesPlaylist(new TrackKey(TrackType.TEXT, l.streamName(), l.bitrate(),
                        l.attributes()));
            }
            if (playlist == null) {
                FragmentAnswers.noLevel(exchange, l.bitrate(), l.attributes(), l.streamName());
            } else {
                manifest(exchange, presentation, playlist, PLAYLIST);
            }
        } else if (resource instanceof SmoothUrl.Fragment f && f.noun() == SmoothUrl.Noun.Fragments) {
            TrackKey key = new TrackKey(TrackType.VIDEO, f.streamName(), f.bitrate(), f.attributes());
            TrackKey captions = new TrackKey(TrackType.TEXT, f.streamName(), f.bitrate(), f.attributes());
            byte[] segment = segments.get(ism + "|" + key + "|" + f.time(), () -> hls.segment(key, f.time()));
            byte[] subtitles = segment != null ? null : segments.get(ism + "|" + captions + "|" + f.time(),
                    () -> hls.subtitlesSegment(captions, f.time()));
            if (segment == null && subtitles == null) {
                error(exchange, 404, "no HLS segment of QualityLevels(" + f.bitrate() + ") of '" + f.streamName()
                        + "' starts at " + f.time());
            } else {
                exchange.header("Cache-Control", "public, max-age=" + IMMUTABLE_MAX_AGE);
                send(exchange, segment != null ? "video/mp2t" : "text/vtt",
                        ResponseBody.of(segment != null ? segment : subtitles));
            }
        } else {
            error(exchange, 404, "'" + text + "' is not served for archives (they are not encrypted)");
        }
    }

    private static void manifest(PlayerExchange exchange, ArchivedPresentation presentation, byte[] manifest,
                                 String contentType) throws IOException {
        if (manifest == null) {
            error(exchange, 404, "no fragment is archived yet");
            return;
        }
        // a complete archive changes only if its event resumes after a restart; one being written changes each fragment
        exchange.header("Cache-Control", presentation.complete() ? "public, max-age=60" : "no-cache");
        send(exchange, contentType, ResponseBody.of(manifest));
    }

    private static void fragment(PlayerExchange exchange, ArchivedPresentation presentation, SmoothUrl.Fragment f)
            throws IOException {
        ArchivedPresentation.Level level = presentation.level(f.streamName(), f.bitrate(), f.attributes());
        if (level == null) {
            FragmentAnswers.noLevel(exchange, f.bitrate(), f.attributes(), f.streamName());
            return;
        }
        ResponseBody body = ArchivedPresentation.fragment(level, f.time(), f.noun());
        if (body == null) {
            error(exchange, 404, "no fragment of '" + f.streamName() + "' starts at " + f.time());
            return;
        }
        immutable(exchange, level, body);
    }

    /** A fragment or header: the same bytes for as long as the archive exists. */
    private static void immutable(PlayerExchange exchange, ArchivedPresentation.Level level, ResponseBody body)
            throws IOException {
        exchange.header("Cache-Control", "public, max-age=" + IMMUTABLE_MAX_AGE);
        send(exchange, FragmentAnswers.contentType(level.description().type()), body);
    }

    private static void cmaf(PlayerExchange exchange, ArchivedPresentation presentation, SmoothUrl resource,
                             String text) throws IOException {
        boolean hls = SmoothUrl.HLS_CMAF.equals(resource.format());
        List<CmafStream> streams = presentation.cmafStreams();
        if (resource instanceof SmoothUrl.Manifest) {
            manifest(exchange, presentation, hls ? OnDemandManifests.master(streams) : OnDemandManifests.mpd(streams),
                    hls ? PLAYLIST : MPD);
        } else if (resource instanceof SmoothUrl.LevelManifest l && hls) {
            CmafStream stream = streams.stream().filter(s -> s.name().equals(l.streamName())
                    && s.levels().stream().anyMatch(level -> level.bitrate() == l.bitrate())).findFirst().orElse(null);
            if (stream == null || !l.attributes().isEmpty()) {
                FragmentAnswers.noLevel(exchange, l.bitrate(), l.attributes(), l.streamName());
            } else {
                manifest(exchange, presentation, OnDemandManifests.media(stream), PLAYLIST);
            }
        } else if (resource instanceof SmoothUrl.Init init) {
            ArchivedPresentation.Level level = cmafLevel(exchange, presentation, init.streamName(), init.bitrate(),
                    init.attributes());
            if (level != null) {
                immutable(exchange, level, ResponseBody.of(CmafInit.build(level.description())));
            }
        } else if (resource instanceof SmoothUrl.Fragment f && f.noun() == SmoothUrl.Noun.Fragments) {
            ArchivedPresentation.Level level = cmafLevel(exchange, presentation, f.streamName(), f.bitrate(),
                    f.attributes());
            ResponseBody body = level == null ? null : ArchivedPresentation.cmafSegment(level, f.time());
            if (level != null && body == null) {
                error(exchange, 404, "no fragment of '" + f.streamName() + "' starts at " + f.time());
            } else if (body != null) {
                immutable(exchange, level, body);
            }
        } else {
            error(exchange, 404, "'" + text + "' is not served for archives");
        }
    }

    /** A level CMAF carries, or null once answered 404. */
    private static ArchivedPresentation.Level cmafLevel(PlayerExchange exchange, ArchivedPresentation presentation,
                                                        String stream, long bitrate, Map<String, String> attributes)
            throws IOException {
        ArchivedPresentation.Level level = presentation.level(stream, bitrate, attributes);
        if (level == null || !CmafStream.carried(level.key(), level.description())) {
            FragmentAnswers.noLevel(exchange, bitrate, attributes, stream);
            return null;
        }
        return level;
    }
}
