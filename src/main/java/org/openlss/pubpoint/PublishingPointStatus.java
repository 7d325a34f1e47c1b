package org.openlss.pubpoint;

import java.util.ArrayList;
import java.util.List;

/**
 * Status per behaviour as the IIS "Live Smooth Streaming Publishing Points" page shows it, plus the enabled options.
 * Behaviours that failed at run time without stopping the point carry their error: archiving to a full disk
 * ({@code archiveError}), pulling from an upstream that refuses ({@code sourcingError}), pushing to a downstream that
 * refuses ({@code distributionError}). Where the archive goes ({@code archivePath}) and the URL that plays it on demand
 * ({@code archiveUrl}) are null until known.
 */
public record PublishingPointStatus(PublishingPointState state, BehaviourStatus sourcing, BehaviourStatus archive,
                                    BehaviourStatus clientDvr, BehaviourStatus serverDistribution,
                                    List<String> enabledOptions, String archiveError, String sourcingError,
                                    String distributionError, String archivePath, String archiveUrl) {
    public static final String APPLE_HLS = "Apple HTTP Live Streaming";
    public static final String ARCHIVING = "Archiving";
    public static final String CLIENT_DVR = "Client DVR";
    public static final String SERVER_DISTRIBUTION = "Server Distribution";

    public static PublishingPointStatus of(PublishingPointSettings settings, PublishingPointState state) {
        return of(settings, state, null);
    }

    public static PublishingPointStatus of(PublishingPointSettings settings, PublishingPointState state,
                                           String archiveError) {
        return of(settings, state, archiveError, null, null);
    }

    public static PublishingPointStatus of(PublishingPointSettings settings, PublishingPointState state,
                                           String archiveError, String sourcingError, String distributionError) {
        List<String> options = new ArrayList<>();
        if (settings.hls().enabled()) {
            options.add(APPLE_HLS);
        }
        if (settings.archive().enabled()) {
            options.add(ARCHIVING);
        }
        if (settings.clientConnections().enabled()) {
            options.add(CLIENT_DVR);
        }
        if (settings.serverDistribution()) {
            options.add(SERVER_DISTRIBUTION);
        }
        BehaviourStatus sourcing = running(state);
        BehaviourStatus archive = settings.archive().enabled()
                ? (archiveError != null && state.hasEvent() ? BehaviourStatus.Stopped : sourcing) : BehaviourStatus.Disabled;
        // In DVR-only the point keeps delivering fragments of the event to clients.
        BehaviourStatus dvr = !settings.clientConnections().enabled() ? BehaviourStatus.Disabled
                : state == PublishingPointState.Stopped ? BehaviourStatus.Started : sourcing;
        BehaviourStatus distribution = settings.serverDistribution() ? sourcing : BehaviourStatus.Disabled;
        return new PublishingPointStatus(state, sourcing, archive, dvr, distribution, List.copyOf(options), archiveError,
                sourcingError, distributionError, null, null);
    }

    /** This status with where the archive goes and its on-demand URL. */
    public PublishingPointStatus withArchive(String path, String url) {
        return new PublishingPointStatus(state, sourcing, archive, clientDvr, serverDistribution, enabledOptions,
                archiveError, sourcingError, distributionError, path, url);
    }

    private static BehaviourStatus running(PublishingPointState state) {
        return switch (state) {
            case Idle, ShuttingDown -> BehaviourStatus.Idle;
            case Starting -> BehaviourStatus.Starting;
            case Started -> BehaviourStatus.Started;
            case Stopping, Stopped, Error -> BehaviourStatus.Stopped;
        };
    }
}
