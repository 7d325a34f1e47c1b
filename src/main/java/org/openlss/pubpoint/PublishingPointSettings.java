package org.openlss.pubpoint;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * Everything an administrator sets on a publishing point: the options of the IIS Add/Edit dialog (Basic, Advanced and
 * Mobile Devices tabs) plus who may publish and how many streams, our additions. Encoders need credentials unless
 * {@code anonymousIngest} says otherwise: the point's ingest credential when it has one, else the administrator's or
 * the server's encoder account. Values are checked on construction; an instance is always valid as a whole.
 */
public record PublishingPointSettings(String title, SourceType sourceType, Duration estimatedDuration,
                                      boolean autoStart, boolean autoRestartOnEncoderReconnect, int lookAheadChunks,
                                      ArchiveSettings archive, ClientConnectionSettings clientConnections,
                                      ServerConnectionSettings serverConnections, List<SyndicationUrl> pullFrom,
                                      List<SyndicationUrl> pushTo, HlsSettings hls, String ingestCredential,
                                      boolean anonymousIngest, int maxStreams) {
    public static final int DEFAULT_LOOKAHEAD = 2;
    public static final int MAX_LOOKAHEAD = 16;
    public static final int MAX_URLS = 16;
    public static final Duration MAX_ESTIMATED_DURATION = Duration.ofDays(366);
    public static final int DEFAULT_MAX_STREAMS = 16;
    public static final int MAX_STREAMS = 256;

    /** The IIS defaults: a Push point serving clients with whole-event DVR, nothing else enabled. */
    public static PublishingPointSettings defaults() {
        return new PublishingPointSettings("", SourceType.Push, Duration.ZERO, false, false, DEFAULT_LOOKAHEAD,
                ArchiveSettings.DISABLED, ClientConnectionSettings.DEFAULT, ServerConnectionSettings.DISABLED,
                List.of(), List.of(), HlsSettings.DISABLED, null, false, DEFAULT_MAX_STREAMS);
    }

    /** Settings with the default ingest rules: credentials required, {@value #DEFAULT_MAX_STREAMS} streams. */
    public PublishingPointSettings(String title, SourceType sourceType, Duration estimatedDuration, boolean autoStart,
                                   boolean autoRestartOnEncoderReconnect, int lookAheadChunks, ArchiveSettings archive,
                                   ClientConnectionSettings clientConnections,
                                   ServerConnectionSettings serverConnections, List<SyndicationUrl> pullFrom,
                                   List<SyndicationUrl> pushTo, HlsSettings hls, String ingestCredential) {
        this(title, sourceType, estimatedDuration, autoStart, autoRestartOnEncoderReconnect, lookAheadChunks, archive,
                clientConnections, serverConnections, pullFrom, pushTo, hls, ingestCredential, false,
                DEFAULT_MAX_STREAMS);
    }

    public PublishingPointSettings {
        // surrounding blanks carry nothing, and the Atom representation could not keep them
        title = Check.text("Title", title == null ? "" : title.trim(), 256);
        if (sourceType == null) {
            sourceType = SourceType.Push;
        }
        Check.duration("EstimatedDuration", estimatedDuration, Duration.ZERO, MAX_ESTIMATED_DURATION);
        Check.range("LookAheadChunks", lookAheadChunks, 0, MAX_LOOKAHEAD);
        pullFrom = List.copyOf(pullFrom == null ? List.of() : pullFrom);
        pushTo = List.copyOf(pushTo == null ? List.of() : pushTo);
        if (pullFrom.size() > MAX_URLS || pushTo.size() > MAX_URLS) {
            throw new InvalidSettingException(pullFrom.size() > MAX_URLS ? "PullFrom" : "PushTo",
                    "lists more than " + MAX_URLS + " publishing point URLs");
        }
        if (sourceType == SourceType.Pull) {
            if (pullFrom.isEmpty()) {
                throw new InvalidSettingException("PullFrom", "a Pull publishing point needs at least one upstream URL");
            }
            if (!pushTo.isEmpty()) {
                throw new InvalidSettingException("PushTo", "push URLs are only for a Push publishing point");
            }
            if (autoRestartOnEncoderReconnect) {
                throw new InvalidSettingException("AutoRestartOnEncoderReconnect", "applies to Push publishing points only");
            }
        } else if (!pullFrom.isEmpty()) {
            throw new InvalidSettingException("PullFrom", "pull URLs are only for a Pull publishing point");
        }
        if (autoRestartOnEncoderReconnect && !autoStart) {
            throw new InvalidSettingException("AutoRestartOnEncoderReconnect",
                    "needs AutoStart (start automatically on the first request)");
        }
        if (archive == null) {
            archive = ArchiveSettings.DISABLED;
        }
        if (clientConnections == null) {
            clientConnections = ClientConnectionSettings.DEFAULT;
        }
        if (serverConnections == null) {
            serverConnections = ServerConnectionSettings.DISABLED;
        }
        if (hls == null) {
            hls = HlsSettings.DISABLED;
        }
        ingestCredential = Check.credentialName("IngestCredential", ingestCredential);
        if (anonymousIngest && ingestCredential != null) {
            throw new InvalidSettingException("AnonymousIngest", "a point with an ingest credential takes encoders"
                    + " with that credential only; clear the credential to let anonymous encoders publish");
        }
        Check.range("MaxStreams", maxStreams, 1, MAX_STREAMS);
    }

    /** Server distribution is on when other servers may pull, or when this point pushes downstream. */
    public boolean serverDistribution() {
        return serverConnections.enabled() || !pushTo.isEmpty();
    }

    /** Names of every stored credential these settings refer to. */
    public List<String> credentialNames() {
        return Stream.concat(Stream.concat(pullFrom.stream(), pushTo.stream()).map(SyndicationUrl::credentialName),
                        Stream.of(ingestCredential))
                .filter(name -> name != null).distinct().toList();
    }
}
