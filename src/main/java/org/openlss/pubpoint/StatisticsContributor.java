package org.openlss.pubpoint;

import org.openlss.live.IncomingStream;

/** Outputs that add to a point's statistics (the archive: where it writes, and which file per input stream). */
public interface StatisticsContributor {
    default String archivePath(PublishingPoint point) {
        return null;
    }

    default String archiveUrl(PublishingPoint point) {
        return null;
    }

    default String archiveFileName(PublishingPoint point, IncomingStream stream) {
        return null;
    }
}
