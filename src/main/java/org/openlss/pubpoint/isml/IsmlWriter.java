package org.openlss.pubpoint.isml;

import static org.openlss.pubpoint.isml.IsmlDefinition.*;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.openlss.pubpoint.HlsSettings;
import org.openlss.pubpoint.PublishingPointSettings;
import org.openlss.pubpoint.SourceType;
import org.openlss.pubpoint.SyndicationUrl;

/** Writes settings as an {@code .isml} file: the meta names IIS documented, then the OpenLSS-only ones. */
final class IsmlWriter {
    private IsmlWriter() {
    }

    /** The {@code .isml} file of {@code settings}, UTF-8 with CRLF line ends as IIS Manager wrote it. */
    static byte[] write(PublishingPointSettings settings) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            XMLStreamWriter out = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(bytes, "UTF-8");
            out.writeStartDocument("utf-8", "1.0");
            out.writeCharacters("\r\n");
            out.writeStartElement("smil");
            out.writeDefaultNamespace(NAMESPACE);
            out.writeCharacters("\r\n  ");
            out.writeStartElement("head");
            for (Map.Entry<String, String> m : metas(settings).entrySet()) {
                out.writeCharacters("\r\n    ");
                out.writeEmptyElement("meta");
                out.writeAttribute("name", m.getKey());
                out.writeAttribute("content", m.getValue());
            }
            out.writeCharacters("\r\n  ");
            out.writeEndElement();
            out.writeCharacters("\r\n  ");
            out.writeStartElement("body");
            out.writeCharacters("\r\n    ");
            out.writeStartElement("par");
            for (SyndicationUrl url : settings.sourceType() == SourceType.Pull ? settings.pullFrom()
                    : settings.pushTo()) {
                out.writeCharacters("\r\n      ");
                out.writeEmptyElement("ref");
                out.writeAttribute("src", url.url());
                if (url.credentialName() != null) {
                    out.writeAttribute(CREDENTIAL_NAME, url.credentialName());
                }
            }
            out.writeCharacters("\r\n    ");
            out.writeEndElement();
            out.writeCharacters("\r\n  ");
            out.writeEndElement();
            out.writeCharacters("\r\n");
            out.writeEndElement();
            out.writeCharacters("\r\n");
            out.writeEndDocument();
            out.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing the .isml file to memory failed", e);
        }
        return bytes.toByteArray();
    }

    static Map<String, String> metas(PublishingPointSettings s) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(TITLE, s.title());
        m.put(MODULE, LIVE_MODULE);
        m.put(SOURCE_TYPE, s.sourceType().name());
        List<String> publishing = new ArrayList<>();
        if (s.clientConnections().enabled()) {
            publishing.add("Fragments");
        }
        if (s.serverConnections().enabled()) {
            publishing.add("Streams");
        }
        if (s.archive().enabled()) {
            publishing.add("Archives");
        }
        m.put(PUBLISHING, String.join(";", publishing));
        m.put(ESTIMATED_TIME, seconds(s.estimatedDuration()));
        m.put(LOOKAHEAD, Integer.toString(s.lookAheadChunks()));
        if (s.archive().path() != null) {
            m.put(ARCHIVE_PATH, s.archive().path());
        }
        m.put(WINDOW_LENGTH, seconds(s.clientConnections().windowLength()));
        m.put(START_ON_FIRST_REQUEST, bool(s.autoStart()));
        m.put(ARCHIVE_SEGMENT_LENGTH, seconds(s.archive().segmentLength()));
        m.put(RESTART_ON_RECONNECT, bool(s.autoRestartOnEncoderReconnect()));
        HlsSettings hls = s.hls();
        m.put(FORMATS, hls.enabled() ? HLS_FORMAT : "");
        m.put(HLS_SEGMENT_LENGTH, seconds(hls.segmentLength()));
        m.put(HLS_MAX_BITRATE, Long.toString(hls.maxBitRate()));
        m.put(HLS_ALLOW_CACHING, bool(hls.allowCaching()));
        m.put(HLS_BACKWARD_COMPATIBLE, bool(hls.backwardCompatible()));
        m.put(HLS_ENCRYPTION, bool(hls.encryptionEnabled()));
        m.put(FILTERS, "");
        m.put(USE_EVENT_ID, bool(s.archive().useEventIdOnPath()));
        if (s.clientConnections().liveCacheLength() != null) {
            m.put(LIVE_CACHE_LENGTH, seconds(s.clientConnections().liveCacheLength()));
        }
        m.put(MANIFEST_VERSION, s.clientConnections().clientManifestVersion());
        m.put(SEND_EOS, bool(s.serverConnections().sendEndOfStreamOnStop()));
        m.put(HLS_INCLUDE_CODECS, bool(hls.includeCodecs()));
        if (hls.encryptionKey() != null) {
            m.put(HLS_KEY, hls.encryptionKey());
        }
        if (s.ingestCredential() != null) {
            m.put(INGEST_CREDENTIAL, s.ingestCredential());
        }
        m.put(ANONYMOUS_INGEST, bool(s.anonymousIngest()));
        m.put(MAX_STREAMS, Integer.toString(s.maxStreams()));
        return m;
    }

    /** Whole seconds as IIS wrote them; a fraction only when the setting has one. */
    private static String seconds(Duration d) {
        BigDecimal s = BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9));
        return s.stripTrailingZeros().toPlainString();
    }

    private static String bool(boolean b) {
        return b ? "True" : "False";
    }
}
