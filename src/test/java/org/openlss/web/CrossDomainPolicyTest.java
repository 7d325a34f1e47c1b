package org.openlss.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class CrossDomainPolicyTest {

    @Test
    void silverlightPolicyGrantsTheOriginsTheMediaPathsOnly() throws Exception {
        Document doc = parse(CrossDomainPolicy.clientAccessPolicy(List.of("*"), List.of("/live/a.isml", "/archive/")));

        assertEquals("access-policy", doc.getDocumentElement().getTagName());
        assertEquals(List.of("*"), attributes(doc, "domain", "uri"));
        assertEquals(List.of("/live/a.isml", "/archive/"), attributes(doc, "resource", "path"));
        assertEquals(List.of("true", "true"), attributes(doc, "resource", "include-subpaths"));
    }

    @Test
    void namedOriginsAreListedAndEscaped() throws Exception {
        Document doc = parse(CrossDomainPolicy.clientAccessPolicy(
                List.of("https://player.example.com", "http://a.example/\"<x>"), List.of("/archive/")));

        assertEquals(List.of("https://player.example.com", "http://a.example/\"<x>"), attributes(doc, "domain", "uri"));
    }

    @Test
    void flashPolicyNamesHostsAndAllowsNoOtherPolicyFile() throws Exception {
        Document doc = parse(CrossDomainPolicy.crossDomain(
                List.of("https://player.example.com:8443", "http://old.example.com")));

        assertEquals("cross-domain-policy", doc.getDocumentElement().getTagName());
        assertEquals(List.of("master-only"), attributes(doc, "site-control", "permitted-cross-domain-policies"));
        assertEquals(List.of("player.example.com", "old.example.com"), attributes(doc, "allow-access-from", "domain"));
        // only the plain-HTTP origin may read over HTTPS from an HTTP page
        assertEquals(List.of("", "false"), attributes(doc, "allow-access-from", "secure"));
    }

    @Test
    void flashNamesTheHostOfEachOriginWildcardsIncluded() {
        assertEquals("*.example.com", CrossDomainPolicy.flashDomain("http://*.example.com"));
        assertEquals("a.example", CrossDomainPolicy.flashDomain("https://a.example:8443/"));
        assertEquals("a.example", CrossDomainPolicy.flashDomain("a.example"));
        assertEquals("*", CrossDomainPolicy.flashDomain("*"));
    }

    @Test
    void flashPolicyForAnyOrigin() throws Exception {
        Document doc = parse(CrossDomainPolicy.crossDomain(List.of(CrossDomainPolicy.ANY)));

        assertEquals(List.of("*"), attributes(doc, "allow-access-from", "domain"));
        assertEquals(List.of("false"), attributes(doc, "allow-access-from", "secure"));
    }

    @Test
    void configuredOriginsAreSplitAtCommas() {
        assertEquals(List.of("https://a.example", "https://b.example"),
                PolicyFileServlet.origins(" https://a.example, ,https://b.example "));
        assertEquals(List.of("*"), PolicyFileServlet.origins("*"));
    }

    private static Document parse(byte[] xml) throws Exception {
        assertTrue(new String(xml, StandardCharsets.UTF_8).startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>"));
        return DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static List<String> attributes(Document doc, String element, String attribute) {
        NodeList nodes = doc.getElementsByTagName(element);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            values.add(((Element) nodes.item(i)).getAttribute(attribute));
        }
        return values;
    }
}
