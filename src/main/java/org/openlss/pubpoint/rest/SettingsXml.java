package org.openlss.pubpoint.rest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
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
 * The {@code Settings} element of the IIS SmoothStreaming schema, read strictly (unknown elements are refused, left-out
 * elements take the IIS defaults) and written completely, in schema order.
 */
final class SettingsXml {
    private static final String HLS_MODULE = "hls";

    private SettingsXml() {
    }

    static PublishingPointSettings read(XmlElement settings) {
        settings.allowOnly("Title", "SourceType", "EstimatedDuration", "AutoStart", "AutoRestartOnEncoderReconnect",
                "LookAheadChunks", "Archive", "ClientConnections", "ServerConnections", "PullFrom", "PushTo", "Modules",
                "IngestCredential", "AnonymousIngest", "MaxStreams");
        PublishingPointSettings d = PublishingPointSettings.defaults();
        return new PublishingPointSettings(
                settings.value("Title", Values::text, d.title()),
                settings.value("SourceType", SourceType::parse, d.sourceType()),
                settings.value("EstimatedDuration", Values::duration, d.estimatedDuration()),
                settings.value("AutoStart", Values::bool, d.autoStart()),
                settings.value("AutoRestartOnEncoderReconnect", Values::bool, d.autoRestartOnEncoderReconnect()),
                settings.value("LookAheadChunks", Values::smallInteger, d.lookAheadChunks()),
                archive(settings.child("Archive")),
                clientConnections(settings.child("ClientConnections")),
                serverConnections(settings.child("ServerConnections")),
                urls(settings.child("PullFrom")),
                urls(settings.child("PushTo")),
                hls(settings.child("Modules")),
                settings.value("IngestCredential", (field, t) -> t.isEmpty() ? null : t, null),
                settings.value("AnonymousIngest", Values::bool, d.anonymousIngest()),
                settings.value("MaxStreams", Values::smallInteger, d.maxStreams()));
    }

    private static ArchiveSettings archive(XmlElement archive) {
        if (archive == null) {
            return ArchiveSettings.DISABLED;
        }
        archive.allowOnly("SegmentLength", "Path");
        XmlElement path = archive.child("Path");
        if (path != null) {
            path.allowOnly();
        }
        return new ArchiveSettings(requiredFlag(archive),
                archive.value("SegmentLength", Values::duration, Duration.ZERO),
                path == null || path.text().isEmpty() ? null : path.text(),
                path != null && path.attribute("useEventIdOnPath", Values::bool, false));
    }

    private static ClientConnectionSettings clientConnections(XmlElement client) {
        if (client == null) {
            return ClientConnectionSettings.DEFAULT;
        }
        client.allowOnly("WindowLength", "LiveCacheLength", "ClientManifestVersion");
        return new ClientConnectionSettings(requiredFlag(client),
                client.value("WindowLength", Values::duration, Duration.ZERO),
                client.value("LiveCacheLength", Values::duration, null),
                client.value("ClientManifestVersion", Values::text, null));
    }

    private static ServerConnectionSettings serverConnections(XmlElement server) {
        if (server == null) {
            return ServerConnectionSettings.DISABLED;
        }
        server.allowOnly("SendEndOfStreamOnStop");
        return new ServerConnectionSettings(requiredFlag(server),
                server.value("SendEndOfStreamOnStop", Values::bool,
                        ServerConnectionSettings.DISABLED.sendEndOfStreamOnStop()));
    }

    /** {@code PullFrom} or {@code PushTo}; a refused URL is named by the model, by its entry in the list. */
    private static List<SyndicationUrl> urls(XmlElement list) {
        if (list == null) {
            return List.of();
        }
        list.allowOnly("PublishingPoints");
        XmlElement points = list.child("PublishingPoints");
        if (points == null) {
            return List.of();
        }
        points.allowOnly("PublishingPoint");
        List<SyndicationUrl> urls = new ArrayList<>();
        for (XmlElement point : points.children()) {
            point.allowOnly();
            urls.add(SyndicationUrl.listed(list.name(), urls.size() + 1, point.text(),
                    point.attributes().get("credentialName")));
        }
        return urls;
    }

    private static HlsSettings hls(XmlElement modules) {
        if (modules == null) {
            return HlsSettings.DISABLED;
        }
        modules.allowOnly("Module");
        HlsSettings d = HlsSettings.DISABLED;
        for (XmlElement module : modules.children()) {
            String id = module.attributes().get("id");
            if (!HLS_MODULE.equalsIgnoreCase(id)) {
                throw new InvalidSettingException(ErrorCode.MPE_MGMT_INVALID_SCHEMA, module.attributePath("id"),
                        (id == null ? "is required" : "'" + id + "' is not a module of this server")
                                + "; the only one is '" + HLS_MODULE + "'");
            }
            module.allowOnly("HLS");
            XmlElement hls = module.child("HLS");
            if (hls == null) {
                return d.withEnabled(true);
            }
            hls.allowOnly("SegmentLength", "MaxBitRate", "AllowCaching", "BackwardCompatible", "IncludeCodecs",
                    "Encryption");
            XmlElement encryption = hls.child("Encryption");
            if (encryption != null) {
                encryption.allowOnly("Key");
            }
            return new HlsSettings(true,
                    hls.value("SegmentLength", Values::duration, d.segmentLength()),
                    hls.value("MaxBitRate", Values::integer, d.maxBitRate()),
                    hls.value("AllowCaching", Values::bool, d.allowCaching()),
                    hls.value("BackwardCompatible", Values::bool, d.backwardCompatible()),
                    hls.value("IncludeCodecs", Values::bool, d.includeCodecs()),
                    encryption != null && encryption.attribute("enabled", Values::bool, false),
                    encryption == null ? null : encryption.value("Key", Values::text, null));
        }
        return d;
    }

    private static boolean requiredFlag(XmlElement element) {
        Boolean enabled = element.attribute("enabled", Values::bool, null);
        if (enabled == null) {
            throw new InvalidSettingException(ErrorCode.MPE_MGMT_INVALID_SCHEMA, element.attributePath("enabled"),
                    "is required (true or false)");
        }
        return enabled;
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
