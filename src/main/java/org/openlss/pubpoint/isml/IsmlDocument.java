package org.openlss.pubpoint.isml;

import static org.openlss.pubpoint.isml.IsmlDefinition.CREDENTIAL_NAME;
import static org.openlss.pubpoint.isml.IsmlDefinition.MAX_BYTES;
import static org.openlss.pubpoint.isml.IsmlDefinition.MAX_ELEMENTS;
import static org.openlss.pubpoint.isml.IsmlDefinition.NAMESPACE;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.openlss.mp4.HardenedXml;
import org.openlss.pubpoint.ErrorCode;
import org.openlss.pubpoint.ManagementException;

/**
 * What an {@code .isml} file holds, read with the hardened StAX parser within bounds (size, element count, no DTD):
 * the head's meta elements (name → content, the first one wins; {@code duplicates} names the others) and the body's
 * refs. What they mean is {@link IsmlReader}'s business.
 */
record IsmlDocument(Map<String, String> meta, List<IsmlDocument.Ref> refs, List<String> duplicates) {
    /** A {@code ref} of the body: an upstream or downstream URL and the stored credential it names. */
    record Ref(String src, String credentialName) {
    }

    static IsmlDocument parse(byte[] xml) {
        if (xml.length > MAX_BYTES) {
            throw new ManagementException(ErrorCode.MPE_MGMT_INVALID_DATA,
                    "The .isml file is larger than " + MAX_BYTES + " bytes; a publishing point definition is smaller.");
        }
        Map<String, String> meta = new LinkedHashMap<>();
        List<String> duplicates = new ArrayList<>();
        List<Ref> refs = new ArrayList<>();
        XMLStreamReader reader = null;
        try {
            reader = HardenedXml.inputFactory().createXMLStreamReader(new ByteArrayInputStream(xml));
            int elements = 0;
            List<String> open = new ArrayList<>();
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD) {
                    throw invalidXml("document type declarations are not accepted");
                }
                if (event == XMLStreamConstants.END_ELEMENT) {
                    open.remove(open.size() - 1);
                    continue;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (++elements > MAX_ELEMENTS) {
                    throw new ManagementException(ErrorCode.MPE_MGMT_INVALID_DATA,
                            "The .isml file has more than " + MAX_ELEMENTS + " elements; it is not a definition.");
                }
                String name = reader.getLocalName();
                if (elements == 1 && (!"smil".equals(name) || !NAMESPACE.equals(nullToEmpty(reader.getNamespaceURI()))
                        && !nullToEmpty(reader.getNamespaceURI()).isEmpty())) {
                    throw new ManagementException(ErrorCode.MPE_MGMT_INVALID_SCHEMA, "The file is not a publishing"
                            + " point definition: its root is <" + name + ">, not a SMIL 2.0 <smil> element.");
                }
                String parent = open.isEmpty() ? "" : open.get(open.size() - 1);
                open.add(name);
                if ("meta".equals(name) && "head".equals(parent)) {
                    String metaName = attribute(reader, "name");
                    if (metaName != null) {
                        String content = attribute(reader, "content");
                        if (meta.containsKey(metaName)) {
                            duplicates.add(metaName);
                        } else {
                            meta.put(metaName, content == null ? "" : content);
                        }
                    }
                } else if ("ref".equals(name) && open.contains("body")) {
                    refs.add(new Ref(attribute(reader, "src"), attribute(reader, CREDENTIAL_NAME)));
                }
            }
            if (elements == 0) {
                throw invalidXml("the file holds no XML element");
            }
        } catch (XMLStreamException e) {
            throw invalidXml(e.getMessage());
        } catch (ManagementException e) {
            throw e;
        } catch (RuntimeException e) {
            // the JDK parser reports some malformed input (bad encodings, entity limits) unchecked
            throw invalidXml(String.valueOf(e.getMessage()));
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException e) {
                    // nothing is held open for a byte array
                }
            }
        }
        return new IsmlDocument(meta, refs, duplicates);
    }

    private static ManagementException invalidXml(String why) {
        return new ManagementException(ErrorCode.MPE_MGMT_INVALID_XML,
                "The .isml file is not well-formed XML: " + why);
    }

    private static String attribute(XMLStreamReader element, String name) {
        for (int i = 0; i < element.getAttributeCount(); i++) {
            if (name.equals(element.getAttributeLocalName(i))) {
                return element.getAttributeValue(i);
            }
        }
        return null;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
