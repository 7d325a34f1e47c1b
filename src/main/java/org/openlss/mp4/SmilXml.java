package org.openlss.mp4;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

/**
 * Reading and writing the SMIL documents of the manifest boxes with the JDK StAX parser, hardened:
 * no DTDs, no external entities, a bounded element count, and every parser failure turned into a
 * {@link BoxFormatException} (400). The encoding is detected from the BOM/declaration (UTF-8 or UTF-16).
 */
final class SmilXml {
    /** The SMIL namespace of both manifest boxes. */
    static final String NAMESPACE = "http://www.w3.org/2001/SMIL20/Language";
    /** A live server manifest of a few tracks has about a hundred elements. */
    static final int MAX_ELEMENTS = 10_000;


    /** Receives the start of each element; the reader stands on its START_ELEMENT. */
    interface ElementVisitor {
        void start(XMLStreamReader element);
    }

    /** Writes one document body. */
    interface Body {
        void write(XMLStreamWriter out) throws XMLStreamException;
    }

    private SmilXml() {
    }

    /** Visits every element of {@code xml}, which must have a {@code smil} root. */
    static void read(byte[] xml, String what, ElementVisitor visitor) {
        XMLStreamReader reader = null;
        try {
            reader = HardenedXml.inputFactory().createXMLStreamReader(new ByteArrayInputStream(xml));
            int elements = 0;
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.START_ELEMENT) {
                    if (++elements > MAX_ELEMENTS) {
                        throw BoxFormatException.malformed(what + " has more than " + MAX_ELEMENTS + " elements");
                    }
                    if (elements == 1 && !"smil".equals(reader.getLocalName())) {
                        throw BoxFormatException.malformed(what + " is not a SMIL document (root " + reader.getLocalName() + ")");
                    }
                    visitor.start(reader);
                }
            }
            if (elements == 0) {
                throw BoxFormatException.malformed(what + " has no root element");
            }
        } catch (XMLStreamException e) {
            throw new BoxFormatException(BoxFormatException.MALFORMED, what + " is not well-formed XML: " + e.getMessage(), e);
        } catch (BoxFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            // the JDK parser reports some malformed input (bad encodings, entity limits) unchecked
            throw new BoxFormatException(BoxFormatException.MALFORMED, what + " cannot be parsed: " + e, e);
        } finally {
            close(reader);
        }
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException e) {
                // nothing is held open for a byte array
            }
        }
    }

    /** The value of an unqualified attribute, or null. */
    static String attribute(XMLStreamReader element, String name) {
        for (int i = 0; i < element.getAttributeCount(); i++) {
            if (name.equals(element.getAttributeLocalName(i))) {
                return element.getAttributeValue(i);
            }
        }
        return null;
    }

    /** A UTF-8 SMIL document: declaration, {@code <smil xmlns=…>}, the body, end. */
    static byte[] write(Body body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            XMLStreamWriter out = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(bytes, "UTF-8");
            out.writeStartDocument("utf-8", "1.0");
            out.writeCharacters("\n");
            out.writeStartElement("smil");
            out.writeDefaultNamespace(NAMESPACE);
            body.write(out);
            out.writeEndElement();
            out.writeEndDocument();
            out.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing SMIL to memory failed", e);
        }
        return bytes.toByteArray();
    }
}
