package org.openlss.pubpoint.rest;

import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.openlss.mp4.HardenedXml;

/** Tells an IIS definition file ({@code .isml}) from a settings entry among the bodies of a create. */
final class IsmlBodies {
    private IsmlBodies() {
    }

    /** Sent as {@code application/smil+xml}, or as plain XML whose root element is {@code smil}. */
    static boolean isDefinition(MediaType sent, byte[] body) {
        if (sent == null) {
            return false;
        }
        if (sent.isCompatible(MediaType.valueOf(ManagementMediaTypes.SMIL))) {
            return true;
        }
        return sent.isCompatible(MediaType.APPLICATION_XML_TYPE) && "smil".equals(rootName(body));
    }

    /** The root element's local name, or null when the body is not XML up to its root (the read says why). */
    private static String rootName(byte[] body) {
        XMLStreamReader reader = null;
        try {
            reader = HardenedXml.inputFactory().createXMLStreamReader(new ByteArrayInputStream(body));
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.START_ELEMENT) {
                    return reader.getLocalName();
                }
            }
            return null;
        } catch (XMLStreamException | RuntimeException e) {
            return null;
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException e) {
                    // nothing is held open for a byte array
                }
            }
        }
    }
}
