package org.openlss.admin;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openlss.pubpoint.ArchiveSettings;
import org.openlss.pubpoint.ClientConnectionSettings;
import org.openlss.pubpoint.HlsSettings;
import org.openlss.pubpoint.PublishingPointPath;
import org.openlss.pubpoint.PublishingPointSettings;
import org.openlss.pubpoint.ServerConnectionSettings;
import org.openlss.pubpoint.SourceType;
import org.openlss.pubpoint.SyndicationUrl;

/**
 * The Add/Edit Publishing Point dialog's three tabs, to and from {@link PublishingPointSettings}. Fields the chosen
 * options hide (the pull URLs of a Push point, the window of a whole-event DVR, ...) are not read, as the dialog does
 * not show them. Settings the dialog has no field for (client manifest version, live cache length, end of stream on
 * stop, event id folders) keep the values they had.
 */
public class SettingsForm implements Serializable {
    private static final long serialVersionUID = 1L;
    private final BasicSettingsForm basic = new BasicSettingsForm();
    private final AdvancedSettingsForm advanced = new AdvancedSettingsForm();
    private final MobileSettingsForm mobile = new MobileSettingsForm();
    private PublishingPointSettings original = PublishingPointSettings.defaults();

    /** The settings the form made, or the problems by field id. */
    public record Outcome(PublishingPointSettings settings, Map<String, String> errors) {
    }

    public static SettingsForm of(PublishingPointPath path, PublishingPointSettings s) {
        SettingsForm form = new SettingsForm();
        form.original = s;
        BasicSettingsForm b = form.basic;
        b.setFileName(path.value());
        b.setTitle(s.title());
        b.setEstimatedDuration(FormValues.hms(s.estimatedDuration()));
        b.setSourceType(s.sourceType().name());
        s.pullFrom().forEach(u -> b.getPullUrls().add(UrlRow.of(u)));
        b.setIngestCredential(s.ingestCredential());
        AdvancedSettingsForm a = form.advanced;
        a.setArchive(s.archive().enabled());
        a.setArchiveMode(s.archive().segmented() ? AdvancedSettingsForm.SEGMENTED : AdvancedSettingsForm.SINGLE);
        if (s.archive().segmented()) {
            a.setSegmentLength(FormValues.minutes(s.archive().segmentLength()));
        }
        a.setArchivePath(s.archive().path());
        a.setClientConnections(s.clientConnections().enabled());
        a.setDvrMode(s.clientConnections().wholeEvent() ? AdvancedSettingsForm.WHOLE_EVENT : AdvancedSettingsForm.RECENT);
        if (!s.clientConnections().wholeEvent()) {
            a.setWindowLength(FormValues.minutes(s.clientConnections().windowLength()));
        }
        a.setServerConnections(s.serverConnections().enabled());
        s.pushTo().forEach(u -> a.getPushUrls().add(UrlRow.of(u)));
        a.setAutoStart(s.autoStart());
        a.setAutoRestart(s.autoRestartOnEncoderReconnect());
        a.setLookAheadChunks(String.valueOf(s.lookAheadChunks()));
        a.setAnonymousIngest(s.anonymousIngest());
        a.setMaxStreams(String.valueOf(s.maxStreams()));
        HlsSettings h = s.hls();
        MobileSettingsForm m = form.mobile;
        m.setHls(h.enabled());
        m.setSegmentLength(FormValues.seconds(h.segmentLength()));
        m.setMaxBitRate(String.valueOf(h.maxBitRate()));
        m.setAllowCaching(h.allowCaching());
        m.setBackwardCompatible(h.backwardCompatible());
        m.setIncludeCodecs(h.includeCodecs());
        m.setEncryption(h.encryptionEnabled());
        m.setEncryptionKey(h.encryptionKey());
        return form;
    }

    /** The path typed as File name, e.g. {@code live/channel1.isml}; null after noting its problem. */
    PublishingPointPath path(FormErrors errors) {
        return errors.check("fileName", () -> PublishingPointPath.of(basic.getFileName().trim()));
    }

    public Outcome toSettings() {
        return toSettings(new FormErrors());
    }

    /** Adds its problems to {@code errors} (which may hold the file name's already). */
    Outcome toSettings(FormErrors errors) {
        SourceType type = errors.check("sourceType", () -> SourceType.parse("SourceType", basic.getSourceType()));
        Duration estimated = errors.check("estimatedDuration",
                () -> FormValues.hms("EstimatedDuration", basic.getEstimatedDuration()));
        List<SyndicationUrl> pullFrom = type == SourceType.Pull ? urls(errors, "pullUrls", basic.getPullUrls()) : List.of();
        List<SyndicationUrl> pushTo = type == SourceType.Push ? urls(errors, "pushUrls", advanced.getPushUrls()) : List.of();
        Integer lookAhead = errors.check("lookAheadChunks",
                () -> (int) Math.min(Integer.MAX_VALUE, FormValues.whole("LookAheadChunks", advanced.getLookAheadChunks())));
        Integer maxStreams = errors.check("maxStreams",
                () -> (int) Math.min(Integer.MAX_VALUE, FormValues.whole("MaxStreams", advanced.getMaxStreams())));
        ArchiveSettings archive = errors.check("segmentLength", this::archive);
        ClientConnectionSettings clients = errors.check("windowLength", this::clientConnections);
        HlsSettings hls = errors.check("hlsSegmentLength", this::hls);
        if (errors.any()) {
            return new Outcome(null, errors.all());
        }
        ServerConnectionSettings servers = new ServerConnectionSettings(advanced.isServerConnections(),
                original.serverConnections().sendEndOfStreamOnStop());
        boolean autoRestart = type == SourceType.Push && advanced.isAutoStart() && advanced.isAutoRestart();
        String ingestCredential = basic.getIngestCredential().isEmpty() ? null : basic.getIngestCredential();
        PublishingPointSettings settings = errors.check("title", () -> new PublishingPointSettings(basic.getTitle(),
                type, estimated, advanced.isAutoStart(), autoRestart, lookAhead, archive, clients, servers, pullFrom,
                pushTo, hls, ingestCredential, advanced.isAnonymousIngest(), maxStreams));
        return new Outcome(settings, errors.all());
    }

    private ArchiveSettings archive() {
        if (!advanced.isArchive()) {
            return ArchiveSettings.DISABLED;
        }
        Duration segment = AdvancedSettingsForm.SEGMENTED.equals(advanced.getArchiveMode())
                ? FormValues.minutes("Archive/SegmentLength", advanced.getSegmentLength()) : Duration.ZERO;
        return new ArchiveSettings(true, segment, advanced.getArchivePath(), original.archive().useEventIdOnPath());
    }

    private ClientConnectionSettings clientConnections() {
        ClientConnectionSettings o = original.clientConnections();
        Duration window = advanced.isClientConnections() && AdvancedSettingsForm.RECENT.equals(advanced.getDvrMode())
                ? FormValues.minutes("ClientConnections/WindowLength", advanced.getWindowLength()) : Duration.ZERO;
        return new ClientConnectionSettings(advanced.isClientConnections(), window, o.liveCacheLength(),
                o.clientManifestVersion());
    }

    private HlsSettings hls() {
        if (!mobile.isHls()) {
            return original.hls().withEnabled(false);
        }
        return new HlsSettings(true, FormValues.seconds("HLS/SegmentLength", mobile.getSegmentLength()),
                FormValues.whole("HLS/MaxBitRate", mobile.getMaxBitRate()), mobile.isAllowCaching(),
                mobile.isBackwardCompatible(), mobile.isIncludeCodecs(), mobile.isEncryption(),
                mobile.isEncryption() ? mobile.getEncryptionKey() : original.hls().encryptionKey());
    }

    /** Each line is checked on its own, so every bad URL gets its message; empty lines are left out. */
    private static List<SyndicationUrl> urls(FormErrors errors, String listId, List<UrlRow> rows) {
        List<SyndicationUrl> urls = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            UrlRow row = rows.get(i);
            if (!row.getUrl().isBlank()) {
                SyndicationUrl url = errors.check(listId + ":" + i + ":url", row::toUrl);
                if (url != null) {
                    urls.add(url);
                }
            }
        }
        return urls;
    }

    public BasicSettingsForm getBasic() {
        return basic;
    }

    public AdvancedSettingsForm getAdvanced() {
        return advanced;
    }

    public MobileSettingsForm getMobile() {
        return mobile;
    }
}
