package org.openlss.player;

import java.io.IOException;
import java.util.Map;
import org.openlss.live.FragmentLookup;
import org.openlss.live.StreamIndex;
import org.openlss.mp4.TrackType;
import org.openlss.pubpoint.PublishingPointSettings;

/**
 * What every output that serves a live fragment by its time answers alike (smooth-client.md §4): 412 for a fragment
 * that will exist soon, 404 for one that never will or left the window; and how long a served one may be cached.
 */
public final class FragmentAnswers {
    private static final long FRAGMENT_MAX_AGE = 3 * 24 * 3600;

    private FragmentAnswers() {
    }

    /** Answers a lookup that found no servable fragment and returns true; false (nothing sent) when it found one. */
    public static boolean unavailable(PlayerExchange exchange, FragmentLookup lookup, String stream, long time)
            throws IOException {
        switch (lookup.outcome()) {
            case NOT_YET_AVAILABLE, MISSING -> {
                exchange.header("Cache-Control", "no-cache");
                exchange.sendEmpty(412);
                return true;
            }
            case OUT_OF_WINDOW -> {
                leftTheWindow(exchange, time);
                return true;
            }
            case NOT_A_FRAGMENT -> {
                PlayerRequests.error(exchange, 404, "no fragment of '" + stream + "' starts at " + time);
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /** The 404 of a quality level the event does not have. */
    public static void noLevel(PlayerExchange exchange, long bitrate, Map<String, String> attributes, String stream)
            throws IOException {
        PlayerRequests.error(exchange, 404, "no quality level " + bitrate + (attributes.isEmpty() ? "" : attributes)
                + " of stream '" + stream + "'");
    }

    /** The media type of a fragment of a track of {@code type}. */
    public static String contentType(TrackType type) {
        return type == TrackType.VIDEO ? "video/mp4" : type == TrackType.AUDIO ? "audio/mp4" : "application/mp4";
    }

    /** The 404 of a fragment that is no longer served. */
    public static void leftTheWindow(PlayerExchange exchange, long time) throws IOException {
        PlayerRequests.error(exchange, 404, "fragment " + time + " has left the DVR window");
    }

    /** Cacheable until the fragment leaves the DVR window (three days for whole-event DVR), in seconds. */
    public static long maxAge(PublishingPointSettings settings, StreamIndex stream, FragmentLookup lookup) {
        long window = settings.clientConnections().windowLength().toSeconds();
        if (window == 0) {
            return FRAGMENT_MAX_AGE;
        }
        long newestEnd = stream.lastTime();
        long remaining = (lookup.ref().end() - newestEnd) / stream.timescale() + window;
        return Math.max(1, Math.min(FRAGMENT_MAX_AGE, remaining));
    }
}
