package org.openlss.pubpoint.rest;

import jakarta.json.JsonArray;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openlss.pubpoint.ArchiveSettings;
import org.openlss.pubpoint.ClientConnectionSettings;
import org.openlss.pubpoint.HlsSettings;
import org.openlss.pubpoint.PublishingPointSettings;
import org.openlss.pubpoint.ServerConnectionSettings;
import org.openlss.pubpoint.SourceType;
import org.openlss.pubpoint.SyndicationUrl;

/** The settings of a publishing point as a JSON object: the same model as the Atom {@code Settings}, in camel case. */
final class SettingsJson {
    private SettingsJson() {
    }

    static PublishingPointSettings read(JsonValue value, String path) {
        JsonFields f = new JsonFields(value, path, "title", "sourceType", "estimatedDuration", "autoStart",
                "autoRestartOnEncoderReconnect", "lookAheadChunks", "archive", "clientConnections",
                "serverConnections", "pullFrom", "pushTo", "hls", "ingestCredential", "anonymousIngest", "maxStreams");
        PublishingPointSettings d = PublishingPointSettings.defaults();
        String sourceType = f.string("sourceType", null);
        return new PublishingPointSettings(
                f.string("title", d.title()),
                sourceType == null ? d.sourceType() : SourceType.parse(f.name("sourceType"), sourceType),
                f.duration("estimatedDuration", d.estimatedDuration()),
                f.bool("autoStart", d.autoStart()),
                f.bool("autoRestartOnEncoderReconnect", d.autoRestartOnEncoderReconnect()),
                Values.smallInteger(f.name("lookAheadChunks"),
                        String.valueOf(f.integer("lookAheadChunks", d.lookAheadChunks()))),
                f.has("archive") ? archive(new JsonFields(f.value("archive"), f.name("archive"),
                        "enabled", "segmentLength", "path", "useEventIdOnPath")) : d.archive(),
                f.has("clientConnections") ? clientConnections(new JsonFields(f.value("clientConnections"),
                        f.name("clientConnections"), "enabled", "windowLength", "liveCacheLength",
                        "clientManifestVersion")) : d.clientConnections(),
                f.has("serverConnections") ? serverConnections(new JsonFields(f.value("serverConnections"),
                        f.name("serverConnections"), "enabled", "sendEndOfStreamOnStop")) : d.serverConnections(),
                urls(f, "pullFrom", "PullFrom"),
                urls(f, "pushTo", "PushTo"),
                f.has("hls") ? hls(new JsonFields(f.value("hls"), f.name("hls"), "enabled", "segmentLength",
                        "maxBitRate", "allowCaching", "backwardCompatible", "includeCodecs", "encryption")) : d.hls(),
                f.string("ingestCredential", null),
                f.bool("anonymousIngest", d.anonymousIngest()),
                Values.smallInteger(f.name("maxStreams"), String.valueOf(f.integer("maxStreams", d.maxStreams()))));
    }

    private static ArchiveSettings archive(JsonFields f) {
        return new ArchiveSettings(f.bool("enabled", false), f.duration("segmentLength", Duration.ZERO),
                f.string("path", null), f.bool("useEventIdOnPath", false));
    }

    private static ClientConnectionSettings clientConnections(JsonFields f) {
        ClientConnectionSettings d = ClientConnectionSettings.DEFAULT;
        return new ClientConnectionSettings(f.bool("enabled", d.enabled()), f.duration("windowLength", Duration.ZERO),
                f.duration("liveCacheLength", null), f.string("clientManifestVersion", null));
    }

    private static ServerConnectionSettings serverConnections(JsonFields f) {
        ServerConnectionSettings d = ServerConnectionSettings.DISABLED;
        return new ServerConnectionSettings(f.bool("enabled", d.enabled()),
                f.bool("sendEndOfStreamOnStop", d.sendEndOfStreamOnStop()));
    }

    /** The URL list {@code member}, the model's {@code list}; a refused URL is named by the model, by its entry. */
    private static List<SyndicationUrl> urls(JsonFields settings, String member, String list) {
        JsonArray array = settings.array(member);
        List<SyndicationUrl> urls = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonFields f = new JsonFields(array.get(i), settings.name(member) + "[" + i + "]", "url", "credentialName");
            urls.add(SyndicationUrl.listed(list, i + 1, f.string("url", null), f.string("credentialName", null)));
        }
        return urls;
    }

    private static HlsSettings hls(JsonFields f) {
        HlsSettings d = HlsSettings.DISABLED;
        boolean encrypted = false;
        String key = null;
        if (f.has("encryption")) {
            JsonFields e = new JsonFields(f.value("encryption"), f.name("encryption"), "enabled", "key");
            encrypted = e.bool("enabled", false);
            key = e.string("key", null);
        }
        return new HlsSettings(f.bool("enabled", true), f.duration("segmentLength", d.segmentLength()),
                f.integer("maxBitRate", d.maxBitRate()), f.bool("allowCaching", d.allowCaching()),
                f.bool("backwardCompatible", d.backwardCompatible()), f.bool("includeCodecs", d.includeCodecs()),
                encrypted, key);
    }

    static void write(JsonGenerator g, String name, PublishingPointSettings s) {
        g.writeStartObject(name)
                .write("title", s.title())
                .write("sourceType", s.sourceType().name())
                .write("estimatedDuration", s.estimatedDuration().toString())
                .write("autoStart", s.autoStart())
                .write("autoRestartOnEncoderReconnect", s.autoRestartOnEncoderReconnect())
                .write("lookAheadChunks", s.lookAheadChunks());
        g.writeStartObject("archive")
                .write("enabled", s.archive().enabled())
                .write("segmentLength", s.archive().segmentLength().toString());
        nullable(g, "path", s.archive().path());
        g.write("useEventIdOnPath", s.archive().useEventIdOnPath()).writeEnd();
        g.writeStartObject("clientConnections")
                .write("enabled", s.clientConnections().enabled())
                .write("windowLength", s.clientConnections().windowLength().toString());
        nullable(g, "liveCacheLength", s.clientConnections().liveCacheLength() == null ? null
                : s.clientConnections().liveCacheLength().toString());
        g.write("clientManifestVersion", s.clientConnections().clientManifestVersion()).writeEnd();
        g.writeStartObject("serverConnections")
                .write("enabled", s.serverConnections().enabled())
                .write("sendEndOfStreamOnStop", s.serverConnections().sendEndOfStreamOnStop())
                .writeEnd();
        writeUrls(g, "pullFrom", s.pullFrom());
        writeUrls(g, "pushTo", s.pushTo());
        HlsSettings h = s.hls();
        g.writeStartObject("hls")
                .write("enabled", h.enabled())
                .write("segmentLength", h.segmentLength().toString())
                .write("maxBitRate", h.maxBitRate())
                .write("allowCaching", h.allowCaching())
                .write("backwardCompatible", h.backwardCompatible())
                .write("includeCodecs", h.includeCodecs());
        g.writeStartObject("encryption").write("enabled", h.encryptionEnabled());
        nullable(g, "key", h.encryptionKey());
        g.writeEnd().writeEnd();
        nullable(g, "ingestCredential", s.ingestCredential());
        g.write("anonymousIngest", s.anonymousIngest());
        g.write("maxStreams", s.maxStreams());
        g.writeEnd();
    }

    private static void writeUrls(JsonGenerator g, String name, List<SyndicationUrl> urls) {
        g.writeStartArray(name);
        for (SyndicationUrl url : urls) {
            g.writeStartObject().write("url", url.url());
            nullable(g, "credentialName", url.credentialName());
            g.writeEnd();
        }
        g.writeEnd();
    }

    static void nullable(JsonGenerator g, String name, String value) {
        if (value == null) {
            g.writeNull(name);
        } else {
            g.write(name, value);
        }
    }
}
