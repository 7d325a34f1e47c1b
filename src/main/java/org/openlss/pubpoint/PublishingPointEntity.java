package org.openlss.pubpoint;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The stored definition and lifecycle state of one publishing point; converts to and from the settings value. */
@Entity
@Table(name = "publishing_point")
public class PublishingPointEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, unique = true, length = 255)
    private String path;
    /** The path in lower case, unique: points are named without regard to letter case. */
    @Column(name = "path_key", nullable = false, length = 255)
    private String pathKey;
    @Column(nullable = false, length = 256)
    private String title;
    @Enumerated(EnumType.STRING)
    @Column(name = "source_type", nullable = false, length = 8)
    private SourceType sourceType;
    @Column(name = "estimated_duration_ms", nullable = false)
    private long estimatedDurationMs;
    @Column(name = "auto_start", nullable = false)
    private boolean autoStart;
    @Column(name = "auto_restart", nullable = false)
    private boolean autoRestart;
    @Column(name = "lookahead_chunks", nullable = false)
    private int lookAheadChunks;
    @Column(name = "archive_enabled", nullable = false)
    private boolean archiveEnabled;
    @Column(name = "archive_segment_ms", nullable = false)
    private long archiveSegmentMs;
    @Column(name = "archive_path", length = 1024)
    private String archivePath;
    @Column(name = "archive_use_event_id", nullable = false)
    private boolean archiveUseEventId;
    @Column(name = "client_enabled", nullable = false)
    private boolean clientEnabled;
    @Column(name = "dvr_window_ms", nullable = false)
    private long dvrWindowMs;
    @Column(name = "live_cache_ms")
    private Long liveCacheMs;
    @Column(name = "client_manifest_version", nullable = false, length = 3)
    private String clientManifestVersion;
    @Column(name = "server_enabled", nullable = false)
    private boolean serverEnabled;
    @Column(name = "send_eos_on_stop", nullable = false)
    private boolean sendEosOnStop;
    @Column(name = "hls_enabled", nullable = false)
    private boolean hlsEnabled;
    @Column(name = "hls_segment_ms", nullable = false)
    private long hlsSegmentMs;
    @Column(name = "hls_max_bitrate", nullable = false)
    private long hlsMaxBitrate;
    @Column(name = "hls_allow_caching", nullable = false)
    private boolean hlsAllowCaching;
    @Column(name = "hls_backward_compatible", nullable = false)
    private boolean hlsBackwardCompatible;
    @Column(name = "hls_include_codecs", nullable = false)
    private boolean hlsIncludeCodecs;
    @Column(name = "hls_encryption_enabled", nullable = false)
    private boolean hlsEncryptionEnabled;
    @Column(name = "hls_encryption_key", length = 32)
    private String hlsEncryptionKey;
    @Column(name = "ingest_credential", length = 128)
    private String ingestCredential;
    @Column(name = "anonymous_ingest", nullable = false)
    private boolean anonymousIngest;
    @Column(name = "max_streams", nullable = false)
    private int maxStreams;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "pull_url", joinColumns = @JoinColumn(name = "point_id"))
    @OrderColumn(name = "url_order")
    private List<SyndicationUrlColumns> pullUrls = new ArrayList<>();
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "push_url", joinColumns = @JoinColumn(name = "point_id"))
    @OrderColumn(name = "url_order")
    private List<SyndicationUrlColumns> pushUrls = new ArrayList<>();
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private PublishingPointState state;
    @Column(name = "last_error", length = 1024)
    private String lastError;
    @Column(name = "event_number", nullable = false)
    private int eventNumber;
    @Column(name = "event_started")
    private Instant eventStarted;
    @Column(nullable = false)
    private Instant created;
    @Column(nullable = false)
    private Instant updated;
    @Version
    private long version;

    protected PublishingPointEntity() {
    }

    public PublishingPointEntity(PublishingPointPath path, PublishingPointSettings settings, Instant now) {
        this.path = path.value();
        this.pathKey = path.key();
        this.state = PublishingPointState.Idle;
        this.created = now;
        setSettings(settings, now);
    }

    public PublishingPointPath path() {
        return new PublishingPointPath(path);
    }

    public PublishingPointSettings settings() {
        return new PublishingPointSettings(title, sourceType, Duration.ofMillis(estimatedDurationMs), autoStart,
                autoRestart, lookAheadChunks,
                new ArchiveSettings(archiveEnabled, Duration.ofMillis(archiveSegmentMs), archivePath, archiveUseEventId),
                new ClientConnectionSettings(clientEnabled, Duration.ofMillis(dvrWindowMs),
                        liveCacheMs == null ? null : Duration.ofMillis(liveCacheMs), clientManifestVersion),
                new ServerConnectionSettings(serverEnabled, sendEosOnStop),
                pullUrls.stream().map(SyndicationUrlColumns::toValue).toList(),
                pushUrls.stream().map(SyndicationUrlColumns::toValue).toList(),
                new HlsSettings(hlsEnabled, Duration.ofMillis(hlsSegmentMs), hlsMaxBitrate, hlsAllowCaching,
                        hlsBackwardCompatible, hlsIncludeCodecs, hlsEncryptionEnabled, hlsEncryptionKey),
                ingestCredential, anonymousIngest, maxStreams);
    }

    public final void setSettings(PublishingPointSettings s, Instant now) {
        title = s.title();
        sourceType = s.sourceType();
        estimatedDurationMs = s.estimatedDuration().toMillis();
        autoStart = s.autoStart();
        autoRestart = s.autoRestartOnEncoderReconnect();
        lookAheadChunks = s.lookAheadChunks();
        archiveEnabled = s.archive().enabled();
        archiveSegmentMs = s.archive().segmentLength().toMillis();
        archivePath = s.archive().path();
        archiveUseEventId = s.archive().useEventIdOnPath();
        clientEnabled = s.clientConnections().enabled();
        dvrWindowMs = s.clientConnections().windowLength().toMillis();
        liveCacheMs = s.clientConnections().liveCacheLength() == null ? null
                : s.clientConnections().liveCacheLength().toMillis();
        clientManifestVersion = s.clientConnections().clientManifestVersion();
        serverEnabled = s.serverConnections().enabled();
        sendEosOnStop = s.serverConnections().sendEndOfStreamOnStop();
        hlsEnabled = s.hls().enabled();
        hlsSegmentMs = s.hls().segmentLength().toMillis();
        hlsMaxBitrate = s.hls().maxBitRate();
        hlsAllowCaching = s.hls().allowCaching();
        hlsBackwardCompatible = s.hls().backwardCompatible();
        hlsIncludeCodecs = s.hls().includeCodecs();
        hlsEncryptionEnabled = s.hls().encryptionEnabled();
        hlsEncryptionKey = s.hls().encryptionKey();
        ingestCredential = s.ingestCredential();
        anonymousIngest = s.anonymousIngest();
        maxStreams = s.maxStreams();
        pullUrls.clear();
        s.pullFrom().forEach(url -> pullUrls.add(new SyndicationUrlColumns(url)));
        pushUrls.clear();
        s.pushTo().forEach(url -> pushUrls.add(new SyndicationUrlColumns(url)));
        updated = now;
    }

    public PublishingPointState state() {
        return state;
    }

    public String lastError() {
        return lastError;
    }

    public int eventNumber() {
        return eventNumber;
    }

    public Instant eventStarted() {
        return eventStarted;
    }

    public Instant updated() {
        return updated;
    }

    public void setState(PublishingPointState newState, String error, Instant now) {
        state = newState;
        lastError = error;
        updated = now;
    }

    public void setEvent(int number, Instant started) {
        eventNumber = number;
        eventStarted = started;
    }
}
