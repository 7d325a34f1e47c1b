package org.openlss.pubpoint.isml;

import static org.openlss.pubpoint.isml.IsmlDefinition.*;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.openlss.pubpoint.ArchiveSettings;
import org.openlss.pubpoint.ClientConnectionSettings;
import org.openlss.pubpoint.ErrorCode;
import org.openlss.pubpoint.HlsSettings;
import org.openlss.pubpoint.InvalidSettingException;
import org.openlss.pubpoint.PublishingPointSettings;
import org.openlss.pubpoint.ServerConnectionSettings;
import org.openlss.pubpoint.SourceType;
import org.openlss.pubpoint.SyndicationUrl;

/**
 * Reads an {@code .isml} file into settings: its meta elements and refs ({@link IsmlDocument}), then every setting,
 * collecting each problem so that one refusal names them all.
 */
final class IsmlReader {
    private IsmlReader() {
    }

    static PublishingPointSettings read(byte[] xml, Predicate<String> credentialExists) {
        return new Reader(IsmlDocument.parse(xml), credentialExists).settings();
    }

    /** Turns the meta elements into settings, collecting every problem before refusing. */
    private static final class Reader {
        private final Map<String, String> meta;
        private final List<IsmlDocument.Ref> refs;
        private final Predicate<String> credentialExists;
        /** Item → problem, in the order found; one item once. */
        private final Map<String, String> problems = new LinkedHashMap<>();

        Reader(IsmlDocument parsed, Predicate<String> credentialExists) {
            this.meta = parsed.meta();
            this.refs = parsed.refs();
            this.credentialExists = credentialExists;
            for (String name : parsed.duplicates()) {
                problem(name, "is given more than once");
            }
        }

        PublishingPointSettings settings() {
            String module = meta.get(MODULE);
            if (module != null && !module.isBlank() && !module.trim().equalsIgnoreCase(LIVE_MODULE)) {
                problem(MODULE, "'" + module + "' is not supported; OpenLSS imports live publishing points ("
                        + LIVE_MODULE + ") only");
            }
            String title = meta.getOrDefault(TITLE, "");
            SourceType sourceType = SourceType.Push;
            if (meta.containsKey(SOURCE_TYPE)) {
                try {
                    sourceType = SourceType.parse(SOURCE_TYPE, meta.get(SOURCE_TYPE));
                } catch (InvalidSettingException e) {
                    problem(SOURCE_TYPE, e.problem());
                }
            }
            boolean fragments = true;
            boolean streams = false;
            boolean archives = false;
            if (meta.containsKey(PUBLISHING)) {
                fragments = false;
                List<String> unknown = new ArrayList<>();
                for (String token : tokens(meta.get(PUBLISHING))) {
                    switch (token.toLowerCase(Locale.ROOT)) {
                        case "fragments" -> fragments = true;
                        case "streams" -> streams = true;
                        case "archives" -> archives = true;
                        default -> unknown.add(token);
                    }
                }
                if (!unknown.isEmpty()) {
                    problem(PUBLISHING, "lists " + quoted(unknown) + ", which OpenLSS does not support;"
                            + " use Fragments, Streams and Archives");
                }
            }
            Duration estimated = seconds(ESTIMATED_TIME, Duration.ZERO,
                    PublishingPointSettings.MAX_ESTIMATED_DURATION);
            long lookahead = number(LOOKAHEAD, PublishingPointSettings.DEFAULT_LOOKAHEAD, 0,
                    PublishingPointSettings.MAX_LOOKAHEAD);
            boolean autoStart = bool(START_ON_FIRST_REQUEST, false);
            boolean restart = bool(RESTART_ON_RECONNECT, false);

            boolean useEventId = bool(USE_EVENT_ID, false);
            Duration segment = seconds(ARCHIVE_SEGMENT_LENGTH, Duration.ZERO, ArchiveSettings.MAX_SEGMENT);
            boolean archivesOn = archives;
            ArchiveSettings archive = build(ARCHIVE_SEGMENT_LENGTH, ArchiveSettings.DISABLED,
                    () -> new ArchiveSettings(archivesOn, segment, meta.get(ARCHIVE_PATH), useEventId));

            Duration window = seconds(WINDOW_LENGTH, Duration.ZERO, ClientConnectionSettings.MAX_WINDOW);
            Duration liveCache = meta.containsKey(LIVE_CACHE_LENGTH)
                    ? seconds(LIVE_CACHE_LENGTH, Duration.ZERO, ClientConnectionSettings.MAX_WINDOW) : null;
            String version = meta.get(MANIFEST_VERSION);
            boolean fragmentsOn = fragments;
            ClientConnectionSettings clients = build(WINDOW_LENGTH, ClientConnectionSettings.DEFAULT,
                    () -> new ClientConnectionSettings(fragmentsOn, window, liveCache,
                            version == null ? null : version.trim()));
            ServerConnectionSettings servers = new ServerConnectionSettings(streams, bool(SEND_EOS, true));

            HlsSettings hls = hls();
            List<SyndicationUrl> urls = urls();
            String ingestCredential = meta.get(INGEST_CREDENTIAL);
            if (ingestCredential != null && ingestCredential.isBlank()) {
                ingestCredential = null;
            }
            credential(INGEST_CREDENTIAL, ingestCredential);
            boolean anonymous = bool(ANONYMOUS_INGEST, false);
            long maxStreams = number(MAX_STREAMS, PublishingPointSettings.DEFAULT_MAX_STREAMS, 1,
                    PublishingPointSettings.MAX_STREAMS);
            if (!problems.isEmpty()) {
                throw refusal();
            }
            SourceType type = sourceType;
            String ingest = ingestCredential;
            PublishingPointSettings settings = build(null, null, () -> new PublishingPointSettings(title, type,
                    estimated, autoStart, restart, (int) lookahead, archive, clients, servers,
                    type == SourceType.Pull ? urls : List.of(), type == SourceType.Pull ? List.of() : urls, hls,
                    ingest, anonymous, (int) maxStreams));
            if (!problems.isEmpty()) {
                throw refusal();
            }
            return settings;
        }

        private HlsSettings hls() {
            boolean enabled = false;
            if (meta.containsKey(FORMATS)) {
                List<String> unknown = new ArrayList<>();
                for (String token : tokens(meta.get(FORMATS))) {
                    if (token.equalsIgnoreCase(HLS_FORMAT)) {
                        enabled = true;
                    } else {
                        unknown.add(token);
                    }
                }
                if (!unknown.isEmpty()) {
                    problem(FORMATS, "lists " + quoted(unknown) + ", which OpenLSS does not support as a "
                            + "publishing point format; only " + HLS_FORMAT + " (Apple HLS) is");
                }
            }
            HlsSettings d = HlsSettings.DISABLED;
            Duration segment = seconds(HLS_SEGMENT_LENGTH, d.segmentLength(), HlsSettings.MAX_SEGMENT);
            long maxBitRate = number(HLS_MAX_BITRATE, d.maxBitRate(), 1, 1_000_000_000);
            boolean caching = bool(HLS_ALLOW_CACHING, d.allowCaching());
            boolean backward = bool(HLS_BACKWARD_COMPATIBLE, d.backwardCompatible());
            boolean codecs = bool(HLS_INCLUDE_CODECS, d.includeCodecs());
            boolean encryption = bool(HLS_ENCRYPTION, d.encryptionEnabled());
            String key = meta.get(HLS_KEY);
            boolean on = enabled;
            if (encryption && (key == null || key.isBlank())) {
                problem(HLS_ENCRYPTION, "AES-128 encryption is on but the file names no key; IIS kept the key"
                        + " outside the file, so add meta " + HLS_KEY + " (32 hexadecimal digits) or turn it off");
                return d;
            }
            return build(HLS_SEGMENT_LENGTH, d, () -> new HlsSettings(on, segment, maxBitRate, caching, backward,
                    codecs, encryption, key));
        }

        private List<SyndicationUrl> urls() {
            List<SyndicationUrl> urls = new ArrayList<>();
            for (int i = 0; i < refs.size(); i++) {
                IsmlDocument.Ref ref = refs.get(i);
                String item = "ref[" + (i + 1) + "]";
                if (ref.src() == null || ref.src().isBlank()) {
                    problem(item, "has no src URL");
                    continue;
                }
                try {
                    URI uri = new URI(ref.src().trim());
                    if (uri.getRawUserInfo() != null) {
                        problem(item, "'" + redacted(uri) + "' carries a user name or password in the URL, which"
                                + " OpenLSS does not keep; store them as a credential and name it with "
                                + CREDENTIAL_NAME);
                        continue;
                    }
                } catch (URISyntaxException e) {
                    // SyndicationUrl says what is wrong
                }
                try {
                    SyndicationUrl url = new SyndicationUrl(ref.src(), ref.credentialName());
                    urls.add(url);
                    credential(item + "@" + CREDENTIAL_NAME, url.credentialName());
                } catch (InvalidSettingException e) {
                    problem(item + e.field().substring("PublishingPoint".length()), e.problem());
                }
            }
            if (urls.size() > PublishingPointSettings.MAX_URLS) {
                problem("ref", "lists more than " + PublishingPointSettings.MAX_URLS + " URLs");
            }
            return urls;
        }

        private void credential(String item, String name) {
            if (name != null && !credentialExists.test(name)) {
                problem(item, "no stored credential is named '" + name + "'; create it first");
            }
        }

        /** Builds a part; a refusal is recorded against the meta that holds the field (else {@code item}). */
        private <T> T build(String item, T fallback, Supplier<T> part) {
            try {
                return part.get();
            } catch (InvalidSettingException e) {
                String metaName = metaOf(e.field());
                problem(metaName.equals(e.field()) && item != null ? item : metaName, e.problem());
                return fallback;
            }
        }

        private boolean bool(String name, boolean fallback) {
            String value = meta.get(name);
            if (value == null || value.isBlank()) {
                return fallback;
            }
            if (value.trim().equalsIgnoreCase("true")) {
                return true;
            }
            if (value.trim().equalsIgnoreCase("false")) {
                return false;
            }
            problem(name, "'" + value + "' is not a boolean (True or False)");
            return fallback;
        }

        private long number(String name, long fallback, long min, long max) {
            String value = meta.get(name);
            if (value == null || value.isBlank()) {
                return fallback;
            }
            try {
                long n = Long.parseLong(value.trim());
                if (n < min || n > max) {
                    problem(name, value.trim() + " is out of range " + min + ".." + max);
                    return fallback;
                }
                return n;
            } catch (NumberFormatException e) {
                problem(name, "'" + value + "' is not a whole number");
                return fallback;
            }
        }

        /** Seconds (IIS wrote whole numbers; a fraction is kept) up to {@code max}. */
        private Duration seconds(String name, Duration fallback, Duration max) {
            String value = meta.get(name);
            if (value == null || value.isBlank()) {
                return fallback;
            }
            try {
                BigDecimal s = new BigDecimal(value.trim());
                if (s.signum() < 0 || s.compareTo(BigDecimal.valueOf(max.getSeconds())) > 0) {
                    problem(name, value.trim() + " seconds is out of range 0.." + max.getSeconds());
                    return fallback;
                }
                return Duration.ofNanos(s.movePointRight(9).longValueExact());
            } catch (NumberFormatException | ArithmeticException e) {
                problem(name, "'" + value + "' is not a number of seconds");
                return fallback;
            }
        }

        private void problem(String item, String problem) {
            problems.putIfAbsent(item, problem);
        }

        private InvalidSettingException refusal() {
            StringBuilder text = new StringBuilder("the .isml file cannot be imported, nothing was created; ")
                    .append(problems.size() == 1 ? "this setting is" : "these " + problems.size() + " settings are")
                    .append(" not supported by OpenLSS: ");
            String separator = "";
            for (Map.Entry<String, String> p : problems.entrySet()) {
                text.append(separator).append(p.getKey()).append(" (").append(p.getValue()).append(')');
                separator = "; ";
            }
            return new InvalidSettingException(ErrorCode.MPE_MGMT_INVALID_DATA,
                    String.join(", ", problems.keySet()), text.toString());
        }
    }

    private static List<String> tokens(String list) {
        Set<String> tokens = new LinkedHashSet<>();
        for (String token : list.split("[;,\\s]+")) {
            if (!token.isBlank()) {
                tokens.add(token.trim());
            }
        }
        return List.copyOf(tokens);
    }

    private static String quoted(List<String> values) {
        return String.join(", ", values.stream().map(v -> "'" + v + "'").toList());
    }

    private static String redacted(URI uri) {
        return uri.getScheme() + "://…@" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }
}
