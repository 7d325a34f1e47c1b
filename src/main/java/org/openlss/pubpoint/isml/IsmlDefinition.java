package org.openlss.pubpoint.isml;

import java.util.Map;
import java.util.function.Predicate;
import org.openlss.pubpoint.InvalidSettingException;
import org.openlss.pubpoint.ManagementException;
import org.openlss.pubpoint.PublishingPointSettings;
import org.openlss.pubpoint.SourceType;

/**
 * The IIS publishing point definition file ({@code <name>.isml}): a SMIL 2.0 document whose {@code head} holds the
 * settings as {@code meta name=… content=…} and whose {@code body/par/ref@src} lists the upstream (Pull) or
 * downstream (Push) URLs. Reading accepts what IIS Manager wrote (byte order mark, CRLF, UTF-16, any letter case of
 * booleans, meta names that carry no setting such as {@code filters}) and refuses, in one message naming every item,
 * whatever OpenLSS cannot honour, so an import either creates the same point or nothing. Writing gives back a file
 * IIS reads (the names IIS documented) plus the settings IIS never documented under analogous names.
 */
public final class IsmlDefinition {
    public static final String MEDIA_TYPE = "application/smil+xml";
    static final String NAMESPACE = "http://www.w3.org/2001/SMIL20/Language";
    /** A definition is a few dozen elements; anything much larger is not one. */
    static final int MAX_ELEMENTS = 500;
    static final int MAX_BYTES = 64 * 1024;
    static final String LIVE_MODULE = "liveSmoothStreaming";
    static final String HLS_FORMAT = "m3u8-aapl";

    // the meta names IIS documented
    static final String TITLE = "title";
    static final String MODULE = "module";
    static final String SOURCE_TYPE = "sourceType";
    static final String PUBLISHING = "publishing";
    static final String ESTIMATED_TIME = "estimatedTime";
    static final String LOOKAHEAD = "lookaheadChunks";
    static final String ARCHIVE_PATH = "archivePath";
    static final String START_ON_FIRST_REQUEST = "startOnFirstRequest";
    static final String ARCHIVE_SEGMENT_LENGTH = "archiveSegmentLength";
    static final String WINDOW_LENGTH = "manifestWindowLength";
    static final String RESTART_ON_RECONNECT = "restartOnEncoderReconnect";
    static final String FORMATS = "formats";
    static final String HLS_SEGMENT_LENGTH = "m3u8-aapl-segmentlength";
    static final String HLS_MAX_BITRATE = "m3u8-aapl-maxbitrate";
    static final String HLS_ALLOW_CACHING = "m3u8-aapl-allowcaching";
    static final String HLS_BACKWARD_COMPATIBLE = "m3u8-aapl-backwardcompatible";
    static final String HLS_ENCRYPTION = "m3u8-aapl-enableencryption";
    static final String FILTERS = "filters";
    // settings IIS kept elsewhere or never documented in the file: our analogous names (spec §7.2)
    static final String USE_EVENT_ID = "archiveUseEventIdOnPath";
    static final String LIVE_CACHE_LENGTH = "liveCacheLength";
    static final String MANIFEST_VERSION = "clientManifestVersion";
    static final String SEND_EOS = "sendEndOfStreamOnStop";
    static final String HLS_INCLUDE_CODECS = "m3u8-aapl-includecodecs";
    static final String HLS_KEY = "m3u8-aapl-encryptionkey";
    // OpenLSS's own additions (who may publish)
    static final String INGEST_CREDENTIAL = "ingestCredential";
    static final String ANONYMOUS_INGEST = "anonymousIngest";
    static final String MAX_STREAMS = "maxStreams";
    static final String CREDENTIAL_NAME = "credentialName";

    /** The settings fields (as {@link InvalidSettingException#field()} names them) and the meta that holds each. */
    private static final Map<String, String> META_OF_FIELD = Map.ofEntries(
            Map.entry("Title", TITLE), Map.entry("SourceType", SOURCE_TYPE),
            Map.entry("EstimatedDuration", ESTIMATED_TIME), Map.entry("LookAheadChunks", LOOKAHEAD),
            Map.entry("AutoStart", START_ON_FIRST_REQUEST),
            Map.entry("AutoRestartOnEncoderReconnect", RESTART_ON_RECONNECT),
            Map.entry("Archive/Path", ARCHIVE_PATH), Map.entry("Archive/SegmentLength", ARCHIVE_SEGMENT_LENGTH),
            Map.entry("ClientConnections/WindowLength", WINDOW_LENGTH),
            Map.entry("ClientConnections/LiveCacheLength", LIVE_CACHE_LENGTH),
            Map.entry("ClientConnections/ClientManifestVersion", MANIFEST_VERSION),
            Map.entry("HLS/SegmentLength", HLS_SEGMENT_LENGTH), Map.entry("HLS/MaxBitRate", HLS_MAX_BITRATE),
            Map.entry("HLS/Encryption/Key", HLS_KEY), Map.entry("IngestCredential", INGEST_CREDENTIAL),
            Map.entry("AnonymousIngest", ANONYMOUS_INGEST), Map.entry("MaxStreams", MAX_STREAMS),
            Map.entry("PullFrom", "ref"), Map.entry("PushTo", "ref"));

    private IsmlDefinition() {
    }

    /** The meta name (or {@code ref[n]}) that holds a settings field, for messages about an imported file. */
    public static String metaOf(String field) {
        if (field.startsWith("PullFrom[") || field.startsWith("PushTo[")) {
            return "ref" + field.substring(field.indexOf('['));
        }
        return META_OF_FIELD.getOrDefault(field, field);
    }

    /**
     * The settings {@code xml} defines. {@code credentialExists} says whether a stored credential of that name exists;
     * a file naming one that does not is refused. Throws {@link InvalidSettingException} naming every item that cannot
     * be imported ({@link InvalidSettingException#field()} lists them), or a {@link ManagementException} for a file
     * that is not a SMIL definition at all.
     */
    public static PublishingPointSettings read(byte[] xml, Predicate<String> credentialExists) {
        return IsmlReader.read(xml, credentialExists);
    }

    /** The {@code .isml} file of {@code settings}, UTF-8 with CRLF line ends as IIS Manager wrote it. */
    public static byte[] write(PublishingPointSettings settings) {
        return IsmlWriter.write(settings);
    }
}
