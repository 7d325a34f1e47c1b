package org.openlss.hls;

import java.time.Duration;

/**
 * The publishing point's "Mobile Devices" settings as the segmenter and the playlists use them, fixed for the event.
 *
 * @param segmentLength      the length segments are cut to, in whole fragments
 * @param maxBitRate         video quality levels above this bitrate (bits/s) get no variant
 * @param allowCaching       {@code EXT-X-ALLOW-CACHE}
 * @param backwardCompatible iOS 3.0 mode: integer EXTINF, no protocol version, {@code .m3u8}/{@code .ts} on URIs
 * @param includeCodecs      {@code CODECS} on every variant of the master playlist
 * @param key                the AES-128 key segments are encrypted with, or null for clear segments
 */
public record HlsOptions(Duration segmentLength, long maxBitRate, boolean allowCaching, boolean backwardCompatible,
                         boolean includeCodecs, byte[] key) {
    public HlsOptions {
        key = key == null ? null : key.clone();
    }

    boolean encrypted() {
        return key != null;
    }
}
