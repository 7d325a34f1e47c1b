package org.openlss.pubpoint.rest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.openlss.pubpoint.ArchiveSettings;
import org.openlss.pubpoint.ClientConnectionSettings;
import org.openlss.pubpoint.ErrorCode;
import org.openlss.pubpoint.HlsSettings;
import org.openlss.pubpoint.InvalidSettingException;
import org.openlss.pubpoint.ManagementException;
import org.openlss.pubpoint.PublishingPointSettings;
import org.openlss.pubpoint.ServerConnectionSettings;
import org.openlss.pubpoint.SourceType;
import org.openlss.pubpoint.SyndicationUrl;

/**
 * The {@code Settings} element of the IIS SmoothStreaming schema, read strictly (unknown elements are refused, left-out
 * elements take the IIS defaults) and written completely, in schema order.
 */
final class SettingsXml {
    private static final String HLS_MODULE = "hls";

    private SettingsXml() {
    }

    static PublishingPointSettings read(XmlElement settings) {
        settings.allowOnly("Settings", "Title", "SourceType", "EstimatedDuration", "AutoStart",
                "AutoRestartOnEncoderReconnect", "LookAheadChunks", "Archive", "ClientConnections",
                "ServerConnections", "PullFrom", "PushTo", "Modules", "IngestCredential", "AnonymousIngest",
                "MaxStreams");
        PublishingPointSettings d = PublishingPointSettings.defaults();
        return new PublishingPointSettings(
                text(settings, "Title", t -> t, d.title()),
                text(settings, "SourceType", t -> SourceType.parse("SourceType", t), d.sourceType()),
                text(settings, "EstimatedDuration", t -> Values.duration("EstimatedDuration", t), d.estimatedDuration()),
                text(settings, "AutoStart", t -> Values.bool("AutoStart", t), d.autoStart()),
                text(settings, "AutoRestartOnEncoderReconnect", t -> Values.bool("AutoRestartOnEncoderReconnect", t),
                        d.autoRestartOnEncoderReconnect()),
                text(settings, "LookAheadChunks", t -> Values.smallInteger("LookAheadChunks", t), d.lookAheadChunks()),
                archive(settings.child("Archive")),
                clientConnections(settings.child("ClientConnections")),
                serverConnections(settings.child("ServerConnections")),
                urls(settings.child("PullFrom"), "PullFrom"),
                urls(settings.child("PushTo"), "PushTo"),
                hls(settings.child("Modules")),
                text(settings, "IngestCredential", t -> t.isEmpty() ? null : t, null),
                text(settings, "AnonymousIngest", t -> Values.bool("AnonymousIngest", t), d.anonymousIngest()),
                text(settings, "MaxStreams", t -> Values.smallInteger("MaxStreams", t), d.maxStreams()));
    }

    private static ArchiveSettings archive(XmlElement archive) {
        if (archive == null) {
            return ArchiveSettings.DISABLED;
        }
        archive.allowOnly("Archive", "SegmentLength", "Path");
        XmlElement path = archive.child("Path");
        if (path != null) {
            path.allowOnly("Archive/Path");
        }
        return new ArchiveSettings(requiredFlag(archive, "Archive"),
                text(archive, "SegmentLength", t -> Values.duration("Archive/SegmentLength", t), Duration.ZERO),
                path == null || path.text().isEmpty() ? null : path.text(),
                path != null && path.attributes().containsKey("useEventIdOnPath")
                        && Values.bool("Archive/Path@useEventIdOnPath", path.attributes().get("useEventIdOnPath")));
    }

    private static ClientConnectionSettings clientConnections(XmlElement client) {
        if (client == null) {
            return ClientConnectionSettings.DEFAULT;
        }
        client.allowOnly("ClientConnections", "WindowLength", "LiveCacheLength", "ClientManifestVersion");
        return new ClientConnectionSettings(requiredFlag(client, "ClientConnections"),
                text(client, "WindowLength", t -> Values.duration("ClientConnections/WindowLength", t), Duration.ZERO),
                text(client, "LiveCacheLength", t -> Values.duration("ClientConnections/LiveCacheLength", t), null),
                text(client, "ClientManifestVersion", t -> t, null));
    }

    private static ServerConnectionSettings serverConnections(XmlElement server) {
        if (server == null) {
            return ServerConnectionSettings.DISABLED;
        }
        server.allowOnly("ServerConnections", "SendEndOfStreamOnStop");
        return new ServerConnectionSettings(requiredFlag(server, "ServerConnections"),
                text(server, "SendEndOfStreamOnStop", t -> Values.bool("ServerConnections/SendEndOfStreamOnStop", t),
                        ServerConnectionSettings.DISABLED.sendEndOfStreamOnStop()));
    }

    private static List<SyndicationUrl> urls(XmlElement list, String name) {
        if (list == null) {
            return List.of();
        }
        list.allowOnly(name, "PublishingPoints");
        XmlElement points = list.child("PublishingPoints");
        if (points == null) {
            return List.of();
        }
        points.allowOnly(name + "/PublishingPoints", "PublishingPoint");
        List<SyndicationUrl> urls = new ArrayList<>();
        for (XmlElement point : points.children()) {
            point.allowOnly(name + "/PublishingPoints/PublishingPoint");
            urls.add(new SyndicationUrl(point.text(), point.attributes().get("credentialName")));
        }
        return urls;
    }

    private static HlsSettings hls(XmlElement modules) {
        if (modules == null) {
            return HlsSettings.DISABLED;
        }
        modules.allowOnly("Modules", "Module");
        HlsSettings d = HlsSettings.DISABLED;
        for (XmlElement module : modules.children()) {
            if (!HLS_MODULE.equalsIgnoreCase(module.attributes().get("id"))) {
                throw new InvalidSettingException(ErrorCode.MPE_MGMT_INVALID_SCHEMA, "Modules/Module@id",
                        "'" + module.attributes().get("id") + "' is not a module of this server; the only one is 'hls'");
            }
            module.allowOnly("Modules/Module", "HLS");
            XmlElement hls = module.child("HLS");
            if (hls == null) {
                return d.withEnabled(true);
            }
            hls.allowOnly("HLS", "SegmentLength", "MaxBitRate", "AllowCaching", "BackwardCompatible",
                    "IncludeCodecs", "Encryption");
            XmlElement encryption = hls.child("Encryption");
            if (encryption != null) {
                encryption.allowOnly("HLS/Encryption", "Key");
            }
            return new HlsSettings(true,
                    text(hls, "SegmentLength", t -> Values.duration("HLS/SegmentLength", t), d.segmentLength()),
                    text(hls, "MaxBitRate", t -> Values.integer("HLS/MaxBitRate", t), d.maxBitRate()),
                    text(hls, "AllowCaching", t -> Values.bool("HLS/AllowCaching", t), d.allowCaching()),
                    text(hls, "BackwardCompatible", t -> Values.bool("HLS/BackwardCompatible", t), d.backwardCompatible()),
                    text(hls, "IncludeCodecs", t -> Values.bool("HLS/IncludeCodecs", t), d.includeCodecs()),
                    encryption != null && encryption.attributes().containsKey("enabled")
                            && Values.bool("HLS/Encryption@enabled", encryption.attributes().get("enabled")),
                    encryption == null ? null : text(encryption, "Key", t -> t, null));
        }
        return d;
    }

    private static boolean requiredFlag(XmlElement element, String path) {
        String enabled = element.attributes().get("enabled");
        if (enabled == null) {
            throw new InvalidSettingException(ErrorCode.MPE_MGMT_INVALID_SCHEMA, path + "@enabled", "is required");
        }
        return Values.bool(path + "@enabled", enabled);
    }

    private static <T> T text(XmlElement parent, String name, Function<String, T> parse, T otherwise) {
        XmlElement child = parent.child(name);
        if (child == null) {
            return otherwise;
        }
        if (!child.children().isEmpty()) {
            throw new ManagementException(ErrorCode.MPE_MGMT_INVALID_SCHEMA,
                    name + " holds elements; it takes a value only");
        }
        return parse.apply(child.text());
    }

    static void write(XMLStreamWriter w, PublishingPointSettings s) throws XMLStreamException {
        w.writeStartElement("Settings");
        element(w, "Title", s.title());
        element(w, "SourceType", s.sourceType().name());
        element(w, "EstimatedDuration", s.estimatedDuration().toString());
        element(w, "AutoStart", s.autoStart());
        element(w, "AutoRestartOnEncoderReconnect", s.autoRestartOnEncoderReconnect());
        element(w, "LookAheadChunks", s.lookAheadChunks());

        w.writeStartElement("Archive");
        w.writeAttribute("enabled", String.valueOf(s.archive().enabled()));
        element(w, "SegmentLength", s.archive().segmentLength().toString());
        w.writeStartElement("Path");
        w.writeAttribute("useEventIdOnPath", String.valueOf(s.archive().useEventIdOnPath()));
        if (s.archive().path() != null) {
            w.writeCharacters(s.archive().path());
        }
        w.writeEndElement();
        w.writeEndElement();

        w.writeStartElement("ClientConnections");
        w.writeAttribute("enabled", String.valueOf(s.clientConnections().enabled()));
        element(w, "WindowLength", s.clientConnections().windowLength().toString());
        if (s.clientConnections().liveCacheLength() != null) {
            element(w, "LiveCacheLength", s.clientConnections().liveCacheLength().toString());
        }
        element(w, "ClientManifestVersion", s.clientConnections().clientManifestVersion());
        w.writeEndElement();

        w.writeStartElement("ServerConnections");
        w.writeAttribute("enabled", String.valueOf(s.serverConnections().enabled()));
        element(w, "SendEndOfStreamOnStop", s.serverConnections().sendEndOfStreamOnStop());
        w.writeEndElement();

        boolean pull = s.sourceType() == SourceType.Pull;
        w.writeStartElement(pull ? "PullFrom" : "PushTo");
        w.writeStartElement("PublishingPoints");
        for (SyndicationUrl url : pull ? s.pullFrom() : s.pushTo()) {
            w.writeStartElement("PublishingPoint");
            if (url.credentialName() != null) {
                w.writeAttribute("credentialName", url.credentialName());
            }
            w.writeCharacters(url.url());
            w.writeEndElement();
        }
        w.writeEndElement();
        w.writeEndElement();

        w.writeStartElement("Modules");
        if (s.hls().enabled()) {
            HlsSettings h = s.hls();
            w.writeStartElement("Module");
            w.writeAttribute("id", HLS_MODULE);
            w.writeAttribute("type", "sink");
            w.writeAttribute("name", "HTTP Live Streaming");
            w.writeStartElement("HLS");
            element(w, "SegmentLength", h.segmentLength().toString());
            element(w, "MaxBitRate", h.maxBitRate());
            element(w, "AllowCaching", h.allowCaching());
            element(w, "BackwardCompatible", h.backwardCompatible());
            element(w, "IncludeCodecs", h.includeCodecs());
            w.writeStartElement("Encryption");
            w.writeAttribute("enabled", String.valueOf(h.encryptionEnabled()));
            if (h.encryptionKey() != null) {
                element(w, "Key", h.encryptionKey());
            }
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
        }
        w.writeEndElement();
        if (s.ingestCredential() != null) {
            element(w, "IngestCredential", s.ingestCredential());
        }
        element(w, "AnonymousIngest", s.anonymousIngest());
        element(w, "MaxStreams", s.maxStreams());
        w.writeEndElement();
    }

    static void element(XMLStreamWriter w, String name, Object value) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(String.valueOf(value));
        w.writeEndElement();
    }
}
