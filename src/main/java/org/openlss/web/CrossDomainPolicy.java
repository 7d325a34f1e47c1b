package org.openlss.web;

import java.io.ByteArrayOutputStream;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The cross-domain policy files that Silverlight-era players fetch from a server's root before they read media from
 * another origin, as IIS Media Services sites served them: Silverlight's {@code /clientaccesspolicy.xml} and Flash's
 * {@code /crossdomain.xml} (which Silverlight also reads when the first is missing).
 *
 * <p>Silverlight's policy names the paths it grants, so it grants only media: the publishing points and the archives,
 * never the management API or the screens. Flash's format has no paths, so its policy covers the whole host: there the
 * API and the screens stay behind their own credentials.
 */
public final class CrossDomainPolicy {
    /** Any origin: the default, as for the media itself ({@code Access-Control-Allow-Origin: *}). */
    public static final String ANY = "*";

    private CrossDomainPolicy() {
    }

    /**
     * Silverlight's policy: {@code origins} (e.g. {@code *} or {@code https://player.example.com}) may read
     * {@code mediaPaths} and everything below them.
     */
    public static byte[] clientAccessPolicy(List<String> origins, List<String> mediaPaths) {
        return document(out -> {
            out.writeStartElement("access-policy");
            out.writeStartElement("cross-domain-access");
            out.writeStartElement("policy");
            out.writeStartElement("allow-from");
            out.writeAttribute("http-request-headers", "*");
            for (String origin : origins) {
                out.writeEmptyElement("domain");
                out.writeAttribute("uri", origin);
            }
            out.writeEndElement();
            out.writeStartElement("grant-to");
            for (String path : mediaPaths) {
                out.writeEmptyElement("resource");
                out.writeAttribute("path", path);
                out.writeAttribute("include-subpaths", "true");
            }
            out.writeEndElement();
            out.writeEndElement();
            out.writeEndElement();
            out.writeEndElement();
        });
    }

    /**
     * Flash's policy: the host of each of {@code origins} may read (Flash names hosts, not origins); no other policy
     * file on the server counts ({@code master-only}).
     */
    public static byte[] crossDomain(List<String> origins) {
        return document(out -> {
            out.writeStartElement("cross-domain-policy");
            out.writeEmptyElement("site-control");
            out.writeAttribute("permitted-cross-domain-policies", "master-only");
            for (String origin : origins) {
                out.writeEmptyElement("allow-access-from");
                out.writeAttribute("domain", flashDomain(origin));
                if (ANY.equals(origin) || origin.startsWith("http:")) {
                    // content over HTTPS may be read by a player loaded over plain HTTP only when this says so
                    out.writeAttribute("secure", "false");
                }
            }
            out.writeEndElement();
        });
    }

    /**
     * {@code https://player.example.com:8443} → {@code player.example.com}, {@code http://*.example.com} →
     * {@code *.example.com}; {@code *} and bare hosts stay.
     */
    static String flashDomain(String origin) {
        int scheme = origin.indexOf("://");
        String host = scheme < 0 ? origin : origin.substring(scheme + 3);
        int end = host.length();
        for (char c : new char[] {'/', ':'}) {
            end = host.indexOf(c) >= 0 ? Math.min(end, host.indexOf(c)) : end;
        }
        return host.substring(0, end);
    }

    private interface Body {
        void write(XMLStreamWriter out) throws XMLStreamException;
    }

    private static byte[] document(Body body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            XMLStreamWriter out = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(bytes, "UTF-8");
            out.writeStartDocument("utf-8", "1.0");
            out.writeCharacters("\n");
            body.write(out);
            out.writeEndDocument();
            out.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing a policy file to memory failed", e);
        }
        return bytes.toByteArray();
    }
}
