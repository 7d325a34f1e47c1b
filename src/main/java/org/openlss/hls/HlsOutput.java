package org.openlss.hls;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openlss.live.Presentation;
import org.openlss.pubpoint.HlsSettings;
import org.openlss.pubpoint.LivePresentations;
import org.openlss.pubpoint.PublishingPointPath;
import org.openlss.pubpoint.PublishingPointState;
import org.openlss.pubpoint.PublishingPointStateChanged;

/**
 * Runs the HLS output of every event whose publishing point has "Enable output to Apple mobile digital devices" on:
 * attached when the event's presentation opens (before fragments flow, and again after a server restart), segmenting
 * on the container's managed executor, closed when the point shuts down.
 */
@ApplicationScoped
public class HlsOutput {
    @Resource
    ManagedExecutorService executor;

    private final Map<PublishingPointPath, HlsPresentation> running = new ConcurrentHashMap<>();

    /**
     * Made when the application starts, on the container's thread, so that its {@code @Resource} executors are
     * injected: a point started on request by a player read on the Grizzly fast lane, outside any component of the
     * application, would otherwise create this bean without them.
     */
    void created(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // nothing else to do: being created is the point
    }

    void opened(@Observes LivePresentations.Opened opened) {
        HlsSettings settings = opened.point().settings().hls();
        if (!settings.enabled()) {
            return;
        }
        HlsPresentation hls = new HlsPresentation(opened.presentation(), options(settings), executor,
                System::currentTimeMillis);
        HlsPresentation previous = running.put(opened.point().path(), hls);
        if (previous != null) {
            previous.close();
        }
        hls.start();
    }

    /** Before the event's folder is deleted (observers without a priority run later), the segmenter stops. */
    void stateChanged(@Observes @Priority(Interceptor.Priority.APPLICATION) PublishingPointStateChanged change) {
        PublishingPointState state = change.newState();
        if (state == PublishingPointState.Idle || state == PublishingPointState.ShuttingDown) {
            HlsPresentation gone = running.remove(change.point().path());
            if (gone != null) {
                gone.close();
            }
        }
    }

    /** The HLS output of {@code presentation}, the current event of {@code path}, or null. */
    HlsPresentation find(PublishingPointPath path, Presentation presentation) {
        HlsPresentation hls = running.get(path);
        return hls != null && hls.follows(presentation) ? hls : null;
    }

    @PreDestroy
    void close() {
        running.values().forEach(HlsPresentation::close);
        running.clear();
    }

    static HlsOptions options(HlsSettings s) {
        return new HlsOptions(s.segmentLength(), s.maxBitRate(), s.allowCaching(), s.backwardCompatible(),
                s.includeCodecs(), s.encryptionEnabled() ? HexFormat.of().parseHex(s.encryptionKey()) : null);
    }
}
