package org.openlss.pubpoint.rest;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.openlss.pubpoint.ErrorCode;
import org.openlss.pubpoint.InvalidSettingException;
import org.openlss.pubpoint.ManagementException;

/**
 * A parsed element of a management request body: name, path from the document element ({@code entry/content/...}),
 * attributes, child elements and text. Parsing is bounded (depth and element count) and refuses DTDs, so a hostile
 * body cannot expand entities or exhaust memory. Every refusal of a child or attribute names it by its path.
 */
record XmlElement(String namespace, String name, String path, Map<String, String> attributes,
                  List<XmlElement> children, String text) {
    private static final int MAX_DEPTH = 16;
    private static final int MAX_ELEMENTS = 2000;
    private static final XMLInputFactory FACTORY = factory();

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    static XmlElement parse(InputStream in) {
        try {
            XMLStreamReader reader = FACTORY.createXMLStreamReader(in);
            try {
                while (reader.hasNext()) {
                    int event = reader.next();
                    if (event == XMLStreamConstants.DTD) {
                        throw invalidXml("document type declarations are not accepted");
                    }
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        int[] count = {0};
                        XmlElement root = read(reader, "", 1, count);
                        while (reader.hasNext()) {
                            if (reader.next() == XMLStreamConstants.START_ELEMENT) {
                                throw invalidXml("more than one root element");
                            }
                        }
                        return root;
                    }
                }
                throw invalidXml("the body holds no XML element");
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw invalidXml(firstLine(e.getMessage()) + at(e.getLocation()));
        }
    }

    private static XmlElement read(XMLStreamReader reader, String parent, int depth, int[] count)
            throws XMLStreamException {
        if (depth > MAX_DEPTH) {
            throw outOfBounds("XML elements nested deeper than " + MAX_DEPTH + " levels", reader.getLocation());
        }
        if (++count[0] > MAX_ELEMENTS) {
            throw outOfBounds("more than " + MAX_ELEMENTS + " XML elements", reader.getLocation());
        }
        String namespace = reader.getNamespaceURI() == null ? XMLConstants.NULL_NS_URI : reader.getNamespaceURI();
        String name = reader.getLocalName();
        String path = parent.isEmpty() ? name : parent + "/" + name;
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            String attributeNamespace = reader.getAttributeNamespace(i);
            if (attributeNamespace == null || attributeNamespace.isEmpty()) {
                attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
            }
        }
        List<XmlElement> children = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (true) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> children.add(read(reader, path, depth + 1, count));
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> text.append(reader.getText());
                case XMLStreamConstants.ENTITY_REFERENCE -> throw invalidXml("undeclared entity &"
                        + reader.getLocalName() + ";");
                case XMLStreamConstants.END_ELEMENT -> {
                    return new XmlElement(namespace, name, path, attributes, List.copyOf(children),
                            text.toString().trim());
                }
                default -> {
                    // comments and processing instructions carry nothing for us
                }
            }
        }
    }

    /** The only child called {@code name}, or null; more than one is a schema error. */
    XmlElement child(String name) {
        XmlElement found = null;
        for (XmlElement child : children) {
            if (child.name.equals(name)) {
                if (found != null) {
                    throw new InvalidSettingException(ErrorCode.MPE_MGMT_INVALID_SCHEMA, child.path,
                            "appears more than once in " + this.name + "; give it once");
                }
                found = child;
            }
        }
        return found;
    }

    /** Fails with INVALID_SCHEMA naming the first child element not in {@code allowed}. */
    XmlElement allowOnly(String... allowed) {
        for (XmlElement child : children) {
            if (!List.of(allowed).contains(child.name)) {
                throw new InvalidSettingException(ErrorCode.MPE_MGMT_INVALID_SCHEMA, child.path,
                        allowed.length == 0 ? "unknown element; " + name + " takes a value only"
                                : "unknown element; " + name + " holds only " + String.join(", ", allowed));
            }
        }
        return this;
    }

    /** The value of the child {@code name}, parsed with its path, or {@code otherwise} when there is none. */
    <T> T value(String name, BiFunction<String, String, T> parse, T otherwise) {
        XmlElement child = child(name);
        if (child == null) {
            return otherwise;
        }
        child.allowOnly();
        return parse.apply(child.path, child.text);
    }

    /** The attribute {@code name} parsed with its path ({@code .../Archive@enabled}), or {@code otherwise}. */
    <T> T attribute(String name, BiFunction<String, String, T> parse, T otherwise) {
        String value = attributes.get(name);
        return value == null ? otherwise : parse.apply(attributePath(name), value);
    }

    String attributePath(String name) {
        return path + "@" + name;
    }

    private static String at(Location location) {
        return location == null ? "" : " (line " + location.getLineNumber() + ", column " + location.getColumnNumber()
                + ")";
    }

    private static ManagementException outOfBounds(String what, Location location) {
        return new ManagementException(ErrorCode.MPE_MGMT_INVALID_XML, "The request body holds " + what + at(location)
                + ".");
    }

    private static ManagementException invalidXml(String why) {
        return new ManagementException(ErrorCode.MPE_MGMT_INVALID_XML, "The request body is not well-formed XML: " + why);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String m = message.replaceFirst("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "");
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
