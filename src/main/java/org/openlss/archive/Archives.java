package org.openlss.archive;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.openlss.live.FragmentRef;
import org.openlss.live.IncomingStream;
import org.openlss.live.LiveTrack;
import org.openlss.live.PresentationListener;
import org.openlss.mp4.IngestFragment;
import org.openlss.platform.ServerConfig;
import org.openlss.pubpoint.ArchiveFolders;
import org.openlss.pubpoint.ArchiveSettings;
import org.openlss.pubpoint.BehaviourErrors;
import org.openlss.pubpoint.InvalidSettingException;
import org.openlss.pubpoint.LivePresentations;
import org.openlss.pubpoint.PointEvent;
import org.openlss.pubpoint.PointEvents;
import org.openlss.pubpoint.PublishingPoint;
import org.openlss.pubpoint.PublishingPointPath;
import org.openlss.pubpoint.PublishingPointState;
import org.openlss.pubpoint.PublishingPointStateChanged;
import org.openlss.pubpoint.PublishingPoints;
import org.openlss.pubpoint.StatisticsContributor;

/**
 * "Archive media" at the container edge: when a publishing point with archiving opens an event's presentation, its
 * fragments are archived on the managed executor ({@link ArchiveQueue}); failures go to the point's status. At server
 * start the presentations a crash left open-ended are repaired. Statistics learn where each point archives.
 */
@ApplicationScoped
public class Archives implements StatisticsContributor {
    private static final Logger LOG = Logger.getLogger(Archives.class.getName());
    /** Kept in the live event's folder: the archive folder and segment origin of the event. */
    static final String STATE_FILE = "archive.properties";
    /** Fragments waiting for the archive disk, at most. */
    private static final long MAX_PENDING_BYTES = 256L << 20;

    @Resource
    ManagedExecutorService executor;
    @Inject
    ServerConfig config;
    @Inject
    BehaviourErrors errors;
    @Inject
    PointEvents events;
    @Inject
    PublishingPoints points;

    private final FolderClaims claims = new FolderClaims();
    private final Map<PublishingPointPath, ArchiveQueue> running = new ConcurrentHashMap<>();

    /** Where archives go unless a point names its own folder: {@code OPENLSS_ARCHIVE_DIR}, else the data dir's. */
    public Path root() {
        return config.archiveDir();
    }

    /**
     * The folder of a point's event folders: its own archive folder, else its path under the root.
     *
     * @throws InvalidSettingException when its own folder is one the server no longer allows (the roots changed since
     *                                 it was set): the point's archive reports it rather than writing there
     */
    Path pointFolder(PublishingPoint point) {
        String own = point.settings().archive().path();
        if (own != null) {
            return ArchiveFolders.of(config).check(own);
        }
        String path = point.path().value();
        return root().resolve(path.substring(0, path.length() - ".isml".length()));
    }

    void onOpened(@Observes LivePresentations.Opened opened) {
        PublishingPoint point = opened.point();
        ArchiveSettings settings = point.settings().archive();
        if (!settings.enabled()) {
            return;
        }
        if (settings.segmented() && settings.segmentLength().compareTo(ArchiveSettings.RECOMMENDED_MIN_SEGMENT) < 0) {
            LOG.warning("Archive segments of " + settings.segmentLength().toMinutes() + " min on "
                    + point.path().urlPath() + ": IIS notes that segments under 5 minutes may not play correctly");
        }
        EventRecorder recorder;
        try {
            recorder = new EventRecorder(pointFolder(point), point.path().presentationName(),
                    settings.segmentLength(), settings.useEventIdOnPath(),
                    opened.presentation().directory().resolve(STATE_FILE), Clock.systemUTC(), claims);
        } catch (RuntimeException e) {
            errors.archiveFailed(point.path(), "cannot resume the archive of the event: " + e.getMessage());
            return;
        }
        recorder.onPresentationStarted(folder -> events.record(point.path(),
                PointEvent.Kind.ARCHIVE_SEGMENT_STARTED, "", folder.toString()));
        ArchiveQueue queue = new ArchiveQueue(executor, recorder, outcome(point.path()), MAX_PENDING_BYTES);
        running.put(point.path(), queue);
        opened.presentation().addListener(new PresentationListener() {
            @Override
            public void fragmentAccepted(IncomingStream stream, LiveTrack track, FragmentRef ref,
                                         IngestFragment fragment) {
                queue.submit(fragment.size(), r -> r.fragment(stream, track, fragment));
            }

            @Override
            public void streamEnded(IncomingStream stream) {
                queue.submit(0, r -> r.streamEnded(stream));
            }

            @Override
            public void presentationEnded() {
                queue.submit(0, EventRecorder::close);
            }
        });
    }

    /** A point shut down has no event to archive (its last archive error stays visible until archiving works again). */
    void onStateChanged(@Observes PublishingPointStateChanged change) {
        if (change.newState() == PublishingPointState.Idle) {
            running.remove(change.point().path());
        }
    }

    /** After the points are restored (and their events reopened): complete what the last run left open-ended. */
    void onStarted(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) @Initialized(ApplicationScoped.class)
                   Object started) {
        Set<Path> roots = new LinkedHashSet<>();
        roots.add(root());
        for (PublishingPoint point : points.all()) {
            if (point.settings().archive().path() != null) {
                try {
                    roots.add(pointFolder(point));
                } catch (InvalidSettingException e) {
                    LOG.warning("Not repairing the archives of " + point.path().urlPath() + ": " + e.getMessage());
                }
            }
        }
        executor.execute(() -> repair(List.copyOf(roots)));
    }

    private void repair(List<Path> roots) {
        long t0 = System.nanoTime();
        int repaired = 0;
        for (Path root : roots) {
            List<Path> unfinished;
            try {
                unfinished = ArchiveRepair.findUnfinished(root);
            } catch (IOException e) {
                LOG.warning("Cannot look for archives to repair under " + root + ": " + IoReasons.of(e));
                continue;
            } catch (UncheckedIOException e) {
                LOG.warning("Cannot look for archives to repair under " + root + ": " + IoReasons.of(e.getCause()));
                continue;
            }
            for (Path ism : unfinished) {
                if (!claims.tryClaim(ism.getParent())) {
                    continue; // an event is writing it again; it completes it itself
                }
                try {
                    ArchiveRepair.repair(ism);
                    repaired++;
                    LOG.info("Repaired the archived presentation " + ism);
                } catch (IOException e) {
                    LOG.severe("Cannot repair the archived presentation " + ism + ": " + IoReasons.of(e));
                } catch (RuntimeException e) {
                    LOG.severe("Cannot repair the archived presentation " + ism + ": " + e.getMessage());
                } finally {
                    claims.release(ism.getParent());
                }
            }
        }
        if (repaired > 0) {
            LOG.info(String.format("Repaired %d archived presentation(s) in %d ms", repaired,
                    (System.nanoTime() - t0) / 1_000_000));
        }
    }

    private ArchiveQueue.Outcome outcome(PublishingPointPath path) {
        return new ArchiveQueue.Outcome() {
            @Override
            public void failed(String message) {
                errors.archiveFailed(path, message);
            }

            @Override
            public void succeeded() {
                errors.archiveRecovered(path);
            }
        };
    }

    @PreDestroy
    void shutdown() {
        running.values().forEach(ArchiveQueue::shutdown);
        running.clear();
    }

    // --- statistics -------------------------------------------------------------------------------------------------

    @Override
    public String archivePath(PublishingPoint point) {
        if (!point.settings().archive().enabled()) {
            return null;
        }
        ArchiveQueue queue = running.get(point.path());
        Path folder = queue == null ? null : queue.recorder().eventFolder();
        return (folder != null ? folder : pointFolder(point)).toString();
    }

    @Override
    public String archiveUrl(PublishingPoint point) {
        ArchiveQueue queue = running.get(point.path());
        Path latest = queue == null ? null : queue.recorder().latestPresentation();
        Path root = root();
        if (latest == null || !latest.startsWith(root)) {
            return null; // an archive path outside the root is not served
        }
        StringBuilder path = new StringBuilder("/archive");
        root.relativize(latest).forEach(segment -> path.append('/').append(segment));
        path.append('/').append(queue.recorder().presentationName()).append(ArchiveNames.SERVER_MANIFEST)
                .append("/Manifest");
        try {
            return new URI(null, null, path.toString(), null).toASCIIString(); // a custom folder may need escapes
        } catch (URISyntaxException e) {
            return null;
        }
    }

    @Override
    public String archiveFileName(PublishingPoint point, IncomingStream stream) {
        return running.containsKey(point.path()) ? ArchiveNames.streamFile(stream.id(), stream.header()) : null;
    }
}
