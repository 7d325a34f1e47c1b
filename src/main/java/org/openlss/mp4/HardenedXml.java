package org.openlss.mp4;

import javax.xml.stream.XMLInputFactory;

/** The one way documents from outside (manifest boxes, caption samples and sidecars, IIS definitions) are parsed. */
public final class HardenedXml {
    private HardenedXml() {
    }

    /**
     * The JDK's own StAX parser (not whatever provider a server puts on the class path), one per document, hardened:
     * no DTDs, no external entities, namespace aware.
     */
    public static XMLInputFactory inputFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        return factory;
    }
}
