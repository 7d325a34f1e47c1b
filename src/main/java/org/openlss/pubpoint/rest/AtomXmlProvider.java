package org.openlss.pubpoint.rest;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.openlss.pubpoint.ErrorCode;
import org.openlss.pubpoint.InvalidSettingException;
import org.openlss.pubpoint.ManagementException;
import org.openlss.pubpoint.PointEvent;
import org.openlss.pubpoint.PublishingPoint;
import org.openlss.pubpoint.PublishingPointSettings;
import org.openlss.pubpoint.PublishingPointState;
import org.openlss.pubpoint.credential.CredentialDescription;
import org.openlss.pubpoint.credential.NewCredential;
import org.openlss.pubpoint.rest.ManagementDocument.CredentialEntry;
import org.openlss.pubpoint.rest.ManagementDocument.CredentialList;
import org.openlss.pubpoint.rest.ManagementDocument.ErrorBody;
import org.openlss.pubpoint.rest.ManagementDocument.EventFeed;
import org.openlss.pubpoint.rest.ManagementDocument.PointFeed;
import org.openlss.pubpoint.rest.ManagementDocument.SettingsEntry;
import org.openlss.pubpoint.rest.ManagementDocument.StateEntry;
import org.openlss.pubpoint.rest.ManagementDocument.StatisticsEntry;

/**
 * The IIS Media Services 4.1 representation: Atom entries and feeds whose content is a {@code SmoothStreaming} element
 * of the management namespace. Scripts written against IIS read and write exactly these documents.
 */
@Provider
@Produces({ManagementMediaTypes.ATOM, MediaType.APPLICATION_XML})
public class AtomXmlProvider implements MessageBodyWriter<ManagementDocument> {
    static final String ATOM_NS = "http://www.w3.org/2005/Atom";
    static final String MGMT_NS = "http://schemas.microsoft.com/iis/media/2011/03/streaming/management";
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    /** Reads a request body of this representation as {@code type}. */
    static Object read(Class<?> type, InputStream entity) throws IOException {
        XmlElement smooth = smoothStreaming(XmlElement.parse(Bodies.bounded(entity)));
        String resource = resource(type);
        try {
            return readContent(type, resource, smooth);
        } catch (InvalidSettingException e) {
            // fields are named below SmoothStreaming: the reader's element paths lose the Atom envelope, the model's
            // names (relative to the resource element) gain the resource
            String envelope = smooth.path() + "/";
            String field = e.field().startsWith(envelope) ? e.field().substring(envelope.length())
                    : ModelFields.atom(resource, e.field());
            throw new InvalidSettingException(e.code(), field, e.problem());
        }
    }

    /** The element of {@code SmoothStreaming} that holds the resource a request of {@code type} carries. */
    static String resource(Class<?> type) {
        return type == PublishingPointSettings.class ? "Settings" : type == StateRequest.class ? "State" : "Credential";
    }

    private static Object readContent(Class<?> type, String resource, XmlElement smooth) {
        if (type == StateRequest.class) {
            smooth.allowOnly(resource, "Status");
            XmlElement state = required(smooth, resource);
            state.allowOnly("Value", "LastError");
            XmlElement value = required(state, "Value");
            value.allowOnly();
            return new StateRequest(PublishingPointState.parse(value.path(), value.text()));
        }
        smooth.allowOnly(resource);
        XmlElement content = required(smooth, resource);
        if (type == PublishingPointSettings.class) {
            return SettingsXml.read(content);
        }
        content.allowOnly("Name", "UserName", "Password");
        return new NewCredential(content.value("Name", Values::text, null),
                content.value("UserName", Values::text, null),
                content.value("Password", Values::text, null));
    }

    /** The {@code SmoothStreaming} element inside an Atom entry's content. */
    private static XmlElement smoothStreaming(XmlElement root) {
        if (!root.name().equals("entry") || !root.namespace().equals(ATOM_NS)) {
            throw new ManagementException(ErrorCode.MPE_MGMT_INVALID_SCHEMA,
                    "the body must be an Atom entry (element 'entry' of " + ATOM_NS + "), not '" + root.name() + "'");
        }
        XmlElement content = root.child("content");
        if (content == null || content.children().size() != 1) {
            throw new ManagementException(ErrorCode.MPE_MGMT_INVALID_SCHEMA,
                    "the Atom entry needs a content element holding one SmoothStreaming element");
        }
        XmlElement smooth = content.children().get(0);
        if (!smooth.name().equals("SmoothStreaming")
                || !(smooth.namespace().equals(MGMT_NS) || smooth.namespace().isEmpty())) {
            throw new ManagementException(ErrorCode.MPE_MGMT_INVALID_SCHEMA,
                    "the content must be a SmoothStreaming element of " + MGMT_NS + ", not '" + smooth.name() + "'");
        }
        return smooth;
    }

    private static XmlElement required(XmlElement parent, String name) {
        XmlElement element = parent.child(name);
        if (element == null) {
            throw new InvalidSettingException(ErrorCode.MPE_MGMT_INVALID_SCHEMA, parent.path() + "/" + name,
                    "is required in " + parent.name());
        }
        return element;
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return ManagementDocument.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(ManagementDocument document, Class<?> type, Type genericType, Annotation[] annotations,
                        MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out)
            throws IOException {
        try {
            XMLStreamWriter w = OUTPUT.createXMLStreamWriter(out, "utf-8");
            w.writeStartDocument("utf-8", "1.0");
            write(w, document);
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write the response document", e);
        }
    }

    static void write(XMLStreamWriter w, ManagementDocument document) throws XMLStreamException {
        if (document instanceof SettingsEntry e) {
            entry(w, e.point(), e.site(), ManagementDocument.SETTINGS, ManagementDocument.STATE, true,
                    () -> SettingsXml.write(w, e.point().settings()));
        } else if (document instanceof StateEntry e) {
            entry(w, e.point(), e.site(), ManagementDocument.STATE, ManagementDocument.SETTINGS, true,
                    () -> StatusXml.writeState(w, e.point(), e.status()));
        } else if (document instanceof StatisticsEntry e) {
            entry(w, e.point(), e.site(), ManagementDocument.STATISTICS, ManagementDocument.SETTINGS, true,
                    () -> StatusXml.writeStatistics(w, e.statistics()));
        } else if (document instanceof PointFeed f) {
            feed(w, f);
        } else if (document instanceof EventFeed f) {
            events(w, f);
        } else if (document instanceof ErrorBody e) {
            smoothStreamingStart(w);
            w.writeStartElement("Error");
            SettingsXml.element(w, "ErrorCode", e.code().hresult());
            SettingsXml.element(w, "ErrorMessage", e.message());
            w.writeEmptyElement("InternalError");
            w.writeEndElement();
            w.writeEndElement();
        } else if (document instanceof CredentialList l) {
            smoothStreamingStart(w);
            w.writeStartElement("Credentials");
            for (CredentialDescription c : l.credentials()) {
                credential(w, c);
            }
            w.writeEndElement();
            w.writeEndElement();
        } else if (document instanceof CredentialEntry e) {
            smoothStreamingStart(w);
            credential(w, e.credential());
            w.writeEndElement();
        }
    }

    private static void credential(XMLStreamWriter w, CredentialDescription c) throws XMLStreamException {
        w.writeStartElement("Credential");
        SettingsXml.element(w, "Name", c.name());
        SettingsXml.element(w, "UserName", c.userName());
        SettingsXml.element(w, "Created", c.created().truncatedTo(ChronoUnit.SECONDS).toString());
        w.writeEndElement();
    }

    private static void feed(XMLStreamWriter w, PointFeed f) throws XMLStreamException {
        w.writeStartElement("feed");
        w.writeDefaultNamespace(ATOM_NS);
        w.writeStartElement("author");
        w.writeEmptyElement("name");
        w.writeEndElement();
        SettingsXml.element(w, "title", "Publishing Point Collection");
        SettingsXml.element(w, "updated", timestamp(f.updated()));
        for (PublishingPoint point : f.points()) {
            entry(w, point, f.site(), ManagementDocument.SETTINGS, ManagementDocument.STATE, false,
                    f.withSettings() ? () -> SettingsXml.write(w, point.settings()) : null);
        }
        w.writeEndElement();
    }

    /** One entry per event, newest first; its content an {@code Event} element of the management namespace. */
    private static void events(XMLStreamWriter w, EventFeed f) throws XMLStreamException {
        String self = ManagementDocument.url(f.site(), f.point(), ManagementDocument.EVENTS);
        w.writeStartElement("feed");
        w.writeDefaultNamespace(ATOM_NS);
        SettingsXml.element(w, "id", self);
        SettingsXml.element(w, "title", "Event Log of " + f.point().path().urlPath());
        w.writeStartElement("author");
        w.writeEmptyElement("name");
        w.writeEndElement();
        SettingsXml.element(w, "updated", eventTime(f.updated()));
        link(w, "self", self, ManagementDocument.EVENTS);
        link(w, "related", ManagementDocument.url(f.site(), f.point(), ManagementDocument.STATE),
                ManagementDocument.STATE);
        for (PointEvent event : f.events()) {
            w.writeStartElement("entry");
            SettingsXml.element(w, "id", self + "/" + event.sequence());
            SettingsXml.element(w, "title", event.kind().label());
            SettingsXml.element(w, "updated", eventTime(event.time()));
            SettingsXml.element(w, "summary", event.summary());
            w.writeStartElement("content");
            w.writeAttribute("type", "application/xml");
            smoothStreamingStart(w);
            w.writeStartElement("Event");
            SettingsXml.element(w, "Sequence", String.valueOf(event.sequence()));
            SettingsXml.element(w, "Time", eventTime(event.time()));
            SettingsXml.element(w, "Kind", event.kind().name());
            SettingsXml.element(w, "Stream", event.stream());
            SettingsXml.element(w, "Text", event.text());
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private static void entry(XMLStreamWriter w, PublishingPoint point, java.net.URI site, String self,
                              String related, boolean root, Content content) throws XMLStreamException {
        w.writeStartElement("entry");
        if (root) {
            w.writeDefaultNamespace(ATOM_NS);
        }
        SettingsXml.element(w, "id", ManagementDocument.url(site, point, self));
        SettingsXml.element(w, "title", point.settings().title());
        w.writeStartElement("author");
        w.writeEmptyElement("name");
        w.writeEndElement();
        SettingsXml.element(w, "updated", timestamp(point.updated()));
        link(w, "self", ManagementDocument.url(site, point, self), self);
        link(w, "related", ManagementDocument.url(site, point, related), related);
        if (content != null) {
            w.writeStartElement("content");
            w.writeAttribute("type", "application/xml");
            smoothStreamingStart(w);
            content.write();
            w.writeEndElement();
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private static void link(XMLStreamWriter w, String rel, String href, String resource) throws XMLStreamException {
        w.writeEmptyElement("link");
        w.writeAttribute("rel", rel);
        w.writeAttribute("href", href);
        w.writeAttribute("type", ManagementMediaTypes.ATOM);
        w.writeAttribute("title", Character.toUpperCase(resource.charAt(0)) + resource.substring(1));
    }

    private static void smoothStreamingStart(XMLStreamWriter w) throws XMLStreamException {
        w.writeStartElement("SmoothStreaming");
        w.writeDefaultNamespace(MGMT_NS);
    }

    static String timestamp(Instant instant) {
        return (instant == null ? Instant.EPOCH : instant).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** An event's time: UTC ISO-8601 to the millisecond, so events within one second keep their order. */
    static String eventTime(Instant instant) {
        return (instant == null ? Instant.EPOCH : instant).truncatedTo(ChronoUnit.MILLIS).toString();
    }

    @FunctionalInterface
    private interface Content {
        void write() throws XMLStreamException;
    }
}
