package org.openlss.cmaf;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.openlss.player.SmoothUrl;

/**
 * The CMAF manifests of an on-demand presentation (an archive): a static MPD and a VOD playlist per stream, both
 * starting at the earliest fragment. No wall clock: nothing here is live.
 */
public final class OnDemandManifests {
    private OnDemandManifests() {
    }

    /** The static MPD; null when no stream has a fragment. */
    public static byte[] mpd(List<CmafStream> streams) {
        CmafEvent.Anchor anchor = CmafEvent.earliest(streams);
        return anchor == null ? null : MpdWriter.write(streams, new MpdWriter.Timing(false, anchor.time(),
                anchor.timescale(), null, Instant.now(), Duration.ZERO, 0, "Manifest(format=" + SmoothUrl.DASH_CMAF
                + ")"));
    }

    /** The fMP4 HLS master playlist; null when no stream has a fragment. */
    public static byte[] master(List<CmafStream> streams) {
        return HlsPlaylists.master(streams);
    }

    /** The VOD media playlist of {@code stream}; null when it has no fragment. */
    public static byte[] media(CmafStream stream) {
        return HlsPlaylists.media(stream, null, true, true, true);
    }
}
