package org.openlss.pubpoint.rest;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Locale;
import java.util.Map;
import org.openlss.pubpoint.ErrorCode;
import org.openlss.pubpoint.InvalidSettingException;
import org.openlss.pubpoint.ManagementException;
import org.openlss.pubpoint.PointEvent;
import org.openlss.pubpoint.PublishingPoint;
import org.openlss.pubpoint.PublishingPointSettings;
import org.openlss.pubpoint.PublishingPointState;
import org.openlss.pubpoint.PublishingPointStatus;
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
 * The JSON twin of the Atom representation: the same resources and fields, entries as objects with {@code id},
 * {@code title}, {@code updated}, {@code links} and the resource itself. A request may send the entry or just the
 * resource object.
 */
@Provider
@Produces(ManagementMediaTypes.JSON)
public class JsonProvider implements MessageBodyWriter<ManagementDocument> {
    private static final String[] ENVELOPE = {"id", "title", "updated", "links", "path"};
    private static final JsonGeneratorFactory GENERATORS = Json.createGeneratorFactory(Map.of());

    /** Deepest nesting of objects and arrays a request may have; an entry holding settings needs four. */
    private static final int MAX_DEPTH = 16;
    /** Longest number a request may hold; the longest any field takes is a 19-digit whole number. */
    private static final int MAX_NUMBER_LENGTH = 32;

    /** Reads a request body of this representation as {@code type}. */
    static Object read(Class<?> type, InputStream entity) throws IOException {
        JsonValue body = parse(Bodies.utf8(entity));
        String resource = resource(type);
        try {
            return readValue(type, resource, body);
        } catch (InvalidSettingException e) {
            // the reader names fields by their JSON paths; the model by Atom names, which start in upper case
            if (e.field().isEmpty() || !Character.isUpperCase(e.field().charAt(0))) {
                throw e;
            }
            throw new InvalidSettingException(e.code(), ModelFields.json(resource, e.field()), e.problem());
        }
    }

    /** The name of the resource a request of {@code type} carries: the member of an entry that holds it. */
    static String resource(Class<?> type) {
        return type == PublishingPointSettings.class ? ManagementDocument.SETTINGS
                : type == StateRequest.class ? ManagementDocument.STATE : "credential";
    }

    private static Object readValue(Class<?> type, String resource, JsonValue body) {
        if (type == PublishingPointSettings.class) {
            return SettingsJson.read(unwrap(body, resource, "status"), resource);
        }
        if (type == StateRequest.class) {
            JsonFields state = new JsonFields(unwrap(body, resource, "status"), resource, "value", "lastError");
            return new StateRequest(PublishingPointState.parse(state.name("value"), state.string("value", null)));
        }
        JsonFields c = new JsonFields(body, resource, "name", "userName", "password");
        return new NewCredential(c.string("name", null), c.string("userName", null), c.string("password", null));
    }

    /** The resource object: the named member of an entry, or the body itself when it is not an entry. */
    private static JsonValue unwrap(JsonValue body, String member, String alsoAllowed) {
        if (body.getValueType() == JsonValue.ValueType.OBJECT && body.asJsonObject().containsKey(member)) {
            String[] allowed = new String[ENVELOPE.length + 2];
            System.arraycopy(ENVELOPE, 0, allowed, 0, ENVELOPE.length);
            allowed[ENVELOPE.length] = member;
            allowed[ENVELOPE.length + 1] = alsoAllowed;
            new JsonFields(body, "", allowed);
            return body.asJsonObject().get(member);
        }
        return body;
    }

    /**
     * The document, once its nesting and numbers are known to be within bounds: parsers have limits of their own
     * (Parsson's answer to deep nesting is a bare RuntimeException), and a request document comes nowhere near them.
     */
    private static JsonValue parse(String text) {
        try {
            checkBounds(text);
            try (JsonReader reader = Json.createReader(new StringReader(text))) {
                return reader.readValue();
            }
        } catch (JsonParsingException e) {
            throw new ManagementException(ErrorCode.MPE_MGMT_INVALID_XML, "The request body is not well-formed JSON: "
                    + e.getMessage());
        } catch (JsonException e) {
            throw new ManagementException(ErrorCode.MPE_MGMT_INVALID_XML, "The request body is not readable JSON: "
                    + e.getMessage());
        }
    }

    private static void checkBounds(String text) {
        try (JsonParser parser = Json.createParser(new StringReader(text))) {
            int depth = 0;
            while (parser.hasNext()) {
                switch (parser.next()) {
                    case START_OBJECT, START_ARRAY -> {
                        if (++depth > MAX_DEPTH) {
                            throw outOfBounds("JSON nested deeper than " + MAX_DEPTH + " levels of objects and arrays",
                                    parser);
                        }
                    }
                    case END_OBJECT, END_ARRAY -> depth--;
                    case VALUE_NUMBER -> {
                        if (parser.getString().length() > MAX_NUMBER_LENGTH) {
                            throw outOfBounds("a number longer than " + MAX_NUMBER_LENGTH + " characters", parser);
                        }
                    }
                    default -> {
                        // names, strings and literals have no bound beyond the body's size
                    }
                }
            }
        }
    }

    private static ManagementException outOfBounds(String what, JsonParser parser) {
        JsonLocation at = parser.getLocation();
        return new ManagementException(ErrorCode.MPE_MGMT_INVALID_XML, "The request body holds " + what + " (line "
                + at.getLineNumber() + ", column " + at.getColumnNumber() + ").");
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations,
                               jakarta.ws.rs.core.MediaType mediaType) {
        return ManagementDocument.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(ManagementDocument document, Class<?> type, Type genericType, Annotation[] annotations,
                        jakarta.ws.rs.core.MediaType mediaType, MultivaluedMap<String, Object> headers,
                        OutputStream out) {
        try (JsonGenerator g = GENERATORS.createGenerator(out, java.nio.charset.StandardCharsets.UTF_8)) {
            write(g, document);
        }
    }

    private static void write(JsonGenerator g, ManagementDocument document) {
        if (document instanceof SettingsEntry e) {
            entryStart(g, e.point(), e.site(), ManagementDocument.SETTINGS, ManagementDocument.STATE);
            SettingsJson.write(g, "settings", e.point().settings());
            g.writeEnd();
        } else if (document instanceof StateEntry e) {
            entryStart(g, e.point(), e.site(), ManagementDocument.STATE, ManagementDocument.SETTINGS);
            state(g, e.point(), e.status());
            g.writeEnd();
        } else if (document instanceof StatisticsEntry e) {
            entryStart(g, e.point(), e.site(), ManagementDocument.STATISTICS, ManagementDocument.SETTINGS);
            StatisticsJson.write(g, "statistics", e.statistics());
            g.writeEnd();
        } else if (document instanceof EventFeed f) {
            g.writeStartObject()
                    .write("id", ManagementDocument.url(f.site(), f.point(), ManagementDocument.EVENTS))
                    .write("path", f.point().path().value())
                    .write("title", "Event Log of " + f.point().path().urlPath())
                    .write("updated", AtomXmlProvider.eventTime(f.updated()));
            g.writeStartArray("events");
            for (PointEvent event : f.events()) {
                g.writeStartObject()
                        .write("sequence", event.sequence())
                        .write("time", AtomXmlProvider.eventTime(event.time()))
                        .write("kind", event.kind().name())
                        .write("title", event.kind().label())
                        .write("stream", event.stream())
                        .write("text", event.text())
                        .writeEnd();
            }
            g.writeEnd().writeEnd();
        } else if (document instanceof PointFeed f) {
            g.writeStartObject().write("title", "Publishing Point Collection")
                    .write("updated", AtomXmlProvider.timestamp(f.updated()));
            g.writeStartArray("entries");
            for (PublishingPoint point : f.points()) {
                entryStart(g, point, f.site(), ManagementDocument.SETTINGS, ManagementDocument.STATE);
                if (f.withSettings()) {
                    SettingsJson.write(g, "settings", point.settings());
                }
                g.writeEnd();
            }
            g.writeEnd().writeEnd();
        } else if (document instanceof ErrorBody e) {
            g.writeStartObject().writeStartObject("error")
                    .write("code", e.code().name())
                    .write("hresult", e.code().hresult())
                    .write("message", e.message());
            SettingsJson.nullable(g, "field", e.field());
            g.writeEnd().writeEnd();
        } else if (document instanceof CredentialList l) {
            g.writeStartObject().writeStartArray("credentials");
            for (CredentialDescription c : l.credentials()) {
                credential(g.writeStartObject(), c).writeEnd();
            }
            g.writeEnd().writeEnd();
        } else if (document instanceof CredentialEntry e) {
            credential(g.writeStartObject(), e.credential()).writeEnd();
        }
    }

    private static JsonGenerator credential(JsonGenerator g, CredentialDescription c) {
        return g.write("name", c.name()).write("userName", c.userName())
                .write("created", AtomXmlProvider.timestamp(c.created()));
    }

    /** Opens an entry object with its envelope members. */
    private static void entryStart(JsonGenerator g, PublishingPoint point, java.net.URI site,
                                   String self, String related) {
        g.writeStartObject();
        g.write("id", ManagementDocument.url(site, point, self))
                .write("path", point.path().value())
                .write("title", point.settings().title())
                .write("updated", AtomXmlProvider.timestamp(point.updated()));
        g.writeStartArray("links");
        g.writeStartObject().write("rel", "self").write("href", ManagementDocument.url(site, point, self)).writeEnd();
        g.writeStartObject().write("rel", "related").write("href", ManagementDocument.url(site, point, related))
                .writeEnd();
        g.writeEnd();
    }

    private static void state(JsonGenerator g, PublishingPoint point, PublishingPointStatus s) {
        g.writeStartObject("state").write("value", point.state().name());
        SettingsJson.nullable(g, "lastError", point.state() == PublishingPointState.Error
                ? StatusXml.LAST_ERROR_HRESULT : null);
        g.writeEnd();
        g.writeStartObject("status")
                .write("state", s.sourcing().name())
                .write("archive", s.archive().name())
                .write("clientDvr", s.clientDvr().name())
                .write("serverDistribution", s.serverDistribution().name())
                .write("uiState", point.state().uiName().toLowerCase(Locale.ROOT));
        g.writeStartArray("enabledOptions");
        s.enabledOptions().forEach(g::write);
        g.writeEnd();
        SettingsJson.nullable(g, "errorMessage", point.lastError());
        SettingsJson.nullable(g, "archiveError", s.archiveError());
        SettingsJson.nullable(g, "sourcingError", s.sourcingError());
        SettingsJson.nullable(g, "distributionError", s.distributionError());
        SettingsJson.nullable(g, "archivePath", s.archivePath());
        SettingsJson.nullable(g, "archiveUrl", s.archiveUrl());
        g.writeEnd();
    }
}
