package org.openlss.pubpoint;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * "Archive media": record every live stream as an on-demand presentation, whole (segment length 0) or cut into
 * presentations of the segment length. {@code path} overrides the server's archive root for this point.
 */
public record ArchiveSettings(boolean enabled, Duration segmentLength, String path, boolean useEventIdOnPath) {
    /** IIS warns below five minutes; one minute is accepted for tests. */
    public static final Duration MIN_SEGMENT = Duration.ofMinutes(1);
    public static final Duration RECOMMENDED_MIN_SEGMENT = Duration.ofMinutes(5);
    public static final Duration MAX_SEGMENT = Duration.ofHours(24);
    public static final ArchiveSettings DISABLED = new ArchiveSettings(false, Duration.ZERO, null, false);

    public ArchiveSettings {
        Check.zeroOr("Archive/SegmentLength", segmentLength, MIN_SEGMENT, MAX_SEGMENT);
        Check.text("Archive/Path", path, 1024);
        if (path != null) {
            // as the title: surrounding blanks carry nothing, and Atom could not keep them
            path = path.trim().isEmpty() ? null : path.trim();
        }
        if (path != null) {
            try {
                if (!Path.of(path).isAbsolute()) {
                    throw new InvalidSettingException("Archive/Path", "'" + path + "' is not an absolute folder path");
                }
            } catch (InvalidPathException e) {
                throw new InvalidSettingException("Archive/Path", "'" + path + "' is not a folder path: " + e.getReason());
            }
        }
    }

    public boolean segmented() {
        return !segmentLength.isZero();
    }
}
