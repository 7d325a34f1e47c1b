package org.openlss.pubpoint;

import java.time.Duration;
import java.util.Locale;

/** "Enable output to Apple mobile digital devices": HLS with MPEG-2 TS segments converted from the live fragments. */
public record HlsSettings(boolean enabled, Duration segmentLength, long maxBitRate, boolean allowCaching,
                          boolean backwardCompatible, boolean includeCodecs, boolean encryptionEnabled,
                          String encryptionKey) {
    public static final Duration MIN_SEGMENT = Duration.ofSeconds(2);
    public static final Duration MAX_SEGMENT = Duration.ofSeconds(60);
    /** IIS Media Services 4.1 defaults. */
    public static final HlsSettings DISABLED = new HlsSettings(false, Duration.ofSeconds(10), 1_600_000, false, false,
            false, false, null);

    public HlsSettings {
        Check.duration("HLS/SegmentLength", segmentLength, MIN_SEGMENT, MAX_SEGMENT);
        Check.range("HLS/MaxBitRate", maxBitRate, 1, 1_000_000_000);
        if (encryptionKey != null && encryptionKey.isBlank()) {
            encryptionKey = null;
        }
        if (encryptionKey != null) {
            if (!encryptionKey.matches("[0-9A-Fa-f]{32}")) {
                throw new InvalidSettingException("HLS/Encryption/Key", "must be 32 hexadecimal digits (16 bytes)");
            }
            encryptionKey = encryptionKey.toUpperCase(Locale.ROOT);
        }
        if (encryptionEnabled && encryptionKey == null) {
            throw new InvalidSettingException("HLS/Encryption/Key", "is required when encryption is enabled");
        }
    }

    /** The same settings with output on or off. */
    public HlsSettings withEnabled(boolean on) {
        return new HlsSettings(on, segmentLength, maxBitRate, allowCaching, backwardCompatible, includeCodecs,
                encryptionEnabled, encryptionKey);
    }
}
