package org.openlss.pubpoint.rest;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openlss.pubpoint.ArchiveSettings;
import org.openlss.pubpoint.ClientConnectionSettings;
import org.openlss.pubpoint.ErrorCode;
import org.openlss.pubpoint.HlsSettings;
import org.openlss.pubpoint.InvalidSettingException;
import org.openlss.pubpoint.ManagementException;
import org.openlss.pubpoint.PublishingPoint;
import org.openlss.pubpoint.PublishingPointPath;
import org.openlss.pubpoint.PublishingPointSettings;
import org.openlss.pubpoint.PublishingPointState;
import org.openlss.pubpoint.ServerConnectionSettings;
import org.openlss.pubpoint.SourceType;
import org.openlss.pubpoint.SyndicationUrl;
import org.openlss.pubpoint.credential.NewCredential;

/** Atom and JSON are two representations of one model: each reads back what it writes, and they agree. */
class RepresentationsTest {
    private static final URI SITE = URI.create("http://media.example/");
    private static final PublishingPointSettings FULL = new PublishingPointSettings("Channel <1> & \"more\"",
            SourceType.Push, Duration.parse("PT1H15M30.5S"), true, true, 3,
            new ArchiveSettings(true, Duration.ofMinutes(30), "/srv/archives/ch1", true),
            new ClientConnectionSettings(true, Duration.ofHours(1), Duration.ofMinutes(2), "2.2"),
            new ServerConnectionSettings(true, false), List.of(),
            List.of(new SyndicationUrl("http://edge1.example/live/channel1.isml", "edge-account"),
                    new SyndicationUrl("https://edge2.example:8443/x/channel1.isml", null)),
            new HlsSettings(true, Duration.ofSeconds(6), 3_000_000, true, true, true, true,
                    "00112233445566778899aabbccddeeff"), "encoder-account");
    private static final PublishingPointSettings PULL = new PublishingPointSettings("", SourceType.Pull, Duration.ZERO,
            true, false, 2, null, null, null,
            List.of(new SyndicationUrl("http://origin1/live/a.isml", "o1"), new SyndicationUrl("http://origin2/live/a.isml", null)),
            List.of(), null, null, true, 4);

    @Test
    void theIisCreateExampleReadsWithEveryValue() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("iis-create-entry.xml")) {
            PublishingPointSettings s = (PublishingPointSettings) AtomXmlProvider.read(PublishingPointSettings.class, in);
            assertEquals("Channel 1", s.title());
            assertEquals(Duration.ofHours(2), s.estimatedDuration());
            assertTrue(s.autoStart());
            assertTrue(s.autoRestartOnEncoderReconnect());
            assertEquals(Duration.ofMinutes(30), s.archive().segmentLength());
            assertTrue(s.archive().useEventIdOnPath());
            assertEquals(Duration.ofHours(1), s.clientConnections().windowLength());
            assertTrue(s.clientConnections().repeatRuns());
            assertTrue(s.serverConnections().sendEndOfStreamOnStop());
            assertEquals("http://edge1.example/live/channel1.isml", s.pushTo().get(0).url());
            assertTrue(s.hls().enabled());
            assertTrue(s.hls().includeCodecs());
            assertFalse(s.hls().encryptionEnabled());
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void atomReadsBackWhatItWrites(boolean pull) throws IOException {
        PublishingPointSettings settings = pull ? PULL : FULL;
        byte[] xml = write(new AtomXmlProvider(), new ManagementDocument.SettingsEntry(point(settings), SITE));
        assertEquals(settings, AtomXmlProvider.read(PublishingPointSettings.class, new ByteArrayInputStream(xml)));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void jsonReadsBackWhatItWrites(boolean pull) throws IOException {
        PublishingPointSettings settings = pull ? PULL : FULL;
        byte[] json = write(new JsonProvider(), new ManagementDocument.SettingsEntry(point(settings), SITE));
        assertEquals(settings, JsonProvider.read(PublishingPointSettings.class, new ByteArrayInputStream(json)));
    }

    @Test
    void atomEntryCarriesIdAndLinksAtThePointsOwnUrl() throws IOException {
        String xml = new String(write(new AtomXmlProvider(), new ManagementDocument.StateEntry(point(FULL), org.openlss.pubpoint.PublishingPointStatus.of(FULL, PublishingPointState.Started), SITE)),
                StandardCharsets.UTF_8);
        assertTrue(xml.contains("<id>http://media.example/live/channel1.isml/state</id>"), xml);
        assertTrue(xml.contains("<link rel=\"related\" href=\"http://media.example/live/channel1.isml/settings\""), xml);
        assertTrue(xml.contains("<State><Value>Started</Value><LastError/></State>"), xml);
        assertTrue(xml.contains("<ClientDVR>Started</ClientDVR>"), xml);
    }

    @Test
    void aPointInErrorShowsTheLastErrorAndWhyInBothRepresentations() throws IOException {
        PublishingPoint failed = new PublishingPoint(PublishingPointPath.of("/live/channel1.isml"), FULL,
                PublishingPointState.Error, "every pull URL has failed for 300 s (http://a/x.isml)", 1, Instant.EPOCH,
                Instant.EPOCH);
        ManagementDocument.StateEntry entry = new ManagementDocument.StateEntry(failed,
                org.openlss.pubpoint.PublishingPointStatus.of(FULL, PublishingPointState.Error), SITE);
        String xml = new String(write(new AtomXmlProvider(), entry), StandardCharsets.UTF_8);
        assertTrue(xml.contains("<State><Value>Error</Value><LastError>0x80004005</LastError></State>"), xml);
        assertTrue(xml.contains("<ErrorMessage>every pull URL has failed for 300 s (http://a/x.isml)</ErrorMessage>"),
                xml);
        String json = new String(write(new JsonProvider(), entry), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"state\":{\"value\":\"Error\",\"lastError\":\"0x80004005\"}"), json);
        assertTrue(json.contains("\"errorMessage\":\"every pull URL has failed for 300 s (http://a/x.isml)\""), json);
    }

    @Test
    void leftOutElementsTakeTheIisDefaults() throws IOException {
        assertEquals(PublishingPointSettings.defaults(), atom("<Settings/>"));
        assertEquals(PublishingPointSettings.defaults(), json("{}"));
        assertEquals(PublishingPointSettings.defaults(), json("{\"settings\":{},\"id\":\"x\",\"links\":[]}"));
    }

    @Test
    void stateRequestsInBothRepresentations() throws IOException {
        assertEquals(PublishingPointState.Stopped, ((StateRequest) AtomXmlProvider.read(StateRequest.class,
                stream(entry("<State><Value>Stopped</Value></State>")))).target());
        assertEquals(PublishingPointState.Idle, ((StateRequest) JsonProvider.read(StateRequest.class,
                stream("{\"state\":{\"value\":\"idle\"}}"))).target());
        assertEquals(PublishingPointState.Started, ((StateRequest) JsonProvider.read(StateRequest.class,
                stream("{\"value\":\"Started\"}"))).target());
    }

    @Test
    void credentialsReadInBothRepresentations() throws IOException {
        NewCredential expected = new NewCredential("edge", "syndicator", "pa:ss");
        assertEquals(expected, AtomXmlProvider.read(NewCredential.class, stream(entry(
                "<Credential><Name>edge</Name><UserName>syndicator</UserName><Password>pa:ss</Password></Credential>"))));
        assertEquals(expected, JsonProvider.read(NewCredential.class,
                stream("{\"name\":\"edge\",\"userName\":\"syndicator\",\"password\":\"pa:ss\"}")));
    }

    @Test
    void refusesUnknownElementsAndMembersNamingThem() {
        assertFailure(ErrorCode.MPE_MGMT_INVALID_SCHEMA, "Settings/Colour", () -> atom("<Settings><Colour>red</Colour></Settings>"));
        assertFailure(ErrorCode.MPE_MGMT_INVALID_SCHEMA, "Settings/Archive/Bogus",
                () -> atom("<Settings><Archive enabled='true'><Bogus/></Archive></Settings>"));
        assertFailure(ErrorCode.MPE_MGMT_INVALID_SCHEMA, "settings.colour", () -> json("{\"colour\":\"red\"}"));
        assertFailure(ErrorCode.MPE_MGMT_INVALID_SCHEMA, "settings.archive.bogus", () -> json("{\"archive\":{\"bogus\":1}}"));
        assertFailure(ErrorCode.MPE_MGMT_INVALID_SCHEMA, "Settings/Archive@enabled", () -> atom("<Settings><Archive/></Settings>"));
    }

    @Test
    void refusesWrongTypesAndRangesNamingTheField() {
        assertFailure(ErrorCode.MPE_MGMT_INVALID_DATA, "Settings/LookAheadChunks",
                () -> atom("<Settings><LookAheadChunks>two</LookAheadChunks></Settings>"));
        assertFailure(ErrorCode.MPE_MGMT_INVALID_DATA, "Settings/AutoStart", () -> atom("<Settings><AutoStart>yes</AutoStart></Settings>"));
        assertFailure(ErrorCode.MPE_MGMT_INVALID_SCHEMA, "settings.lookAheadChunks", () -> json("{\"lookAheadChunks\":\"2\"}"));
        assertFailure(ErrorCode.MPE_MGMT_INVALID_DATA, "settings.lookAheadChunks", () -> json("{\"lookAheadChunks\":1000000000000}"));
        assertFailure(ErrorCode.MPE_MGMT_INVALID_DATA, "settings.clientConnections.windowLength",
                () -> json("{\"clientConnections\":{\"windowLength\":\"-PT5M\"}}"));
        assertFailure(ErrorCode.MPE_MGMT_INVALID_DATA, "Settings/ClientConnections/WindowLength",
                () -> atom("<Settings><ClientConnections enabled='true'><WindowLength>P1M</WindowLength></ClientConnections></Settings>"));
        assertFailure(ErrorCode.MPE_MGMT_INVALID_DATA, "settings.hls.encryption.key",
                () -> json("{\"hls\":{\"encryption\":{\"enabled\":true}}}"));
        assertFailure(ErrorCode.MPE_MGMT_INVALID_SCHEMA, "Settings/Modules/Module@id",
                () -> atom("<Settings><Modules><Module id='x'/></Modules></Settings>"));
    }

    /** Each type error names its field by the full path in the document sent, and says what the field takes. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            json  | settings   | []                                          | settings                        | must be an object
            json  | settings   | 1                                           | settings                        | must be an object
            json  | settings   | {"settings":5,"id":"x"}                     | settings                        | must be an object
            json  | settings   | {"archive":1}                               | settings.archive                | must be an object
            json  | settings   | {"archive":{"segmentLength":-1}}            | settings.archive.segmentLength  | must be a duration string such as "PT30M"
            json  | settings   | {"estimatedDuration":3600}                  | settings.estimatedDuration      | must be a duration string
            json  | settings   | {"lookAheadChunks":"2"}                     | settings.lookAheadChunks        | must be a whole number
            json  | settings   | {"hls":{"maxBitRate":1.5}}                  | settings.hls.maxBitRate         | must be a whole number
            json  | settings   | {"hls":{"encryption":true}}                 | settings.hls.encryption         | must be an object
            json  | settings   | {"autoStart":"yes"}                         | settings.autoStart              | must be true or false
            json  | settings   | {"pullFrom":{"url":"http://o/a.isml"}}      | settings.pullFrom               | must be an array of objects
            json  | settings   | {"pushTo":["http://e/a.isml"]}              | settings.pushTo[0]              | must be an object
            json  | state      | {"state":{"value":5}}                       | state.value                     | must be a string
            json  | state      | {"value":"Running"}                         | state.value                     | is not a state
            json  | credential | "edge"                                      | credential                      | must be an object
            json  | credential | {"name":"a b","userName":"u","password":"p"} | credential.name                | is not a credential name
            json  | credential | {"name":"edge","userName":"u\\ud800","password":"p"} | credential.userName | no characters XML cannot carry
            atom  | settings   | <Settings><Archive enabled='true'><SegmentLength>-1</SegmentLength></Archive></Settings> | Settings/Archive/SegmentLength | is not a duration like PT30M
            atom  | settings   | <Settings><Archive enabled='on'/></Settings>                                  | Settings/Archive@enabled                 | is not a boolean (true or false)
            atom  | settings   | <Settings><LookAheadChunks>two</LookAheadChunks></Settings>                   | Settings/LookAheadChunks                 | is not a whole number
            atom  | settings   | <Settings><Title><b>x</b></Title></Settings>                                  | Settings/Title/b                         | Title takes a value only
            atom  | settings   | <Settings><Title>a</Title><Title>b</Title></Settings>                         | Settings/Title                           | appears more than once
            atom  | settings   | <Settings><Modules><Module id='hls'><HLS><MaxBitRate>fast</MaxBitRate></HLS></Module></Modules></Settings> | Settings/Modules/Module/HLS/MaxBitRate | is not a whole number
            atom  | settings   | <Settings><Modules><Module id='hls'><HLS><SegmentLength>PT1S</SegmentLength></HLS></Module></Modules></Settings> | Settings/Modules/Module/HLS/SegmentLength | is out of range
            atom  | settings   | <Settings><Modules><Module/></Modules></Settings>                             | Settings/Modules/Module@id               | is required; the only one is 'hls'
            atom  | settings   | <Title>t</Title>                                                              | Title                                    | SmoothStreaming holds only Settings
            atom  | state      | <State><Value>Running</Value></State>                                         | State/Value                              | is not a state
            atom  | state      | <State/>                                                                      | State/Value                              | is required in State
            atom  | credential | <Credential><Name>a b</Name><UserName>u</UserName><Password>p</Password></Credential> | Credential/Name           | is not a credential name
            """)
    void typeErrorsNameTheFullPathAndWhatItTakes(String representation, String resource, String body, String field,
                                                  String says) {
        Class<?> type = switch (resource) {
            case "settings" -> PublishingPointSettings.class;
            case "state" -> StateRequest.class;
            default -> NewCredential.class;
        };
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> {
            if (representation.equals("json")) {
                JsonProvider.read(type, stream(body));
            } else {
                AtomXmlProvider.read(type, stream(entry(body)));
            }
        });
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().startsWith(field + ": ") && e.getMessage().contains(says), e.getMessage());
    }

    @Test
    void aRefusedUrlIsNamedByItsEntryInItsList() {
        String json = "{\"sourceType\":\"Pull\",\"pullFrom\":[{\"url\":\"http://o1/a.isml\"},{\"url\":\"ftp://o2/a.isml\"}]}";
        assertFailure(ErrorCode.MPE_MGMT_INVALID_DATA, "settings.pullFrom[1].url", () -> json(json));
        assertFailure(ErrorCode.MPE_MGMT_INVALID_DATA, "settings.pushTo[0].credentialName",
                () -> json("{\"pushTo\":[{\"url\":\"http://e/a.isml\",\"credentialName\":\"a b\"}]}"));
        assertFailure(ErrorCode.MPE_MGMT_INVALID_DATA, "Settings/PullFrom/PublishingPoints/PublishingPoint[2]",
                () -> atom("<Settings><SourceType>Pull</SourceType><PullFrom><PublishingPoints>"
                        + "<PublishingPoint>http://o1/a.isml</PublishingPoint><PublishingPoint>http://o2/a.txt</PublishingPoint>"
                        + "</PublishingPoints></PullFrom></Settings>"));
        assertFailure(ErrorCode.MPE_MGMT_INVALID_DATA, "Settings/PushTo/PublishingPoints/PublishingPoint[1]@credentialName",
                () -> atom("<Settings><PushTo><PublishingPoints><PublishingPoint credentialName='a b'>http://e/a.isml"
                        + "</PublishingPoint></PublishingPoints></PushTo></Settings>"));
    }

    @Test
    void modelFieldsSitAtTheirFullPathInEachRepresentation() {
        assertEquals("Settings/PushTo/PublishingPoints/PublishingPoint[2]@credentialName",
                ModelFields.atom("Settings", "PushTo[2]@credentialName"));
        assertEquals("settings.pushTo[1].credentialName", ModelFields.json("settings", "PushTo[2]@credentialName"));
        assertEquals("settings.pullFrom[0].url", ModelFields.json("settings", "PullFrom[1]"));
        assertEquals("Settings/Modules/Module/HLS/Encryption/Key", ModelFields.atom("Settings", "HLS/Encryption/Key"));
        assertEquals("settings.hls.encryption.key", ModelFields.json("settings", "HLS/Encryption/Key"));
        assertEquals("settings.archive.path", ModelFields.json("settings", "Archive/Path"));
        assertEquals("Settings/IngestCredential", ModelFields.atom("Settings", "IngestCredential"));
    }

    @Test
    void deeplyNestedJsonIsA400NamingTheLimit() {
        String arrays = "[".repeat(30_000) + "]".repeat(30_000);
        String objects = "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000);
        for (String body : new String[] {arrays, objects, "{\"settings\":" + "[".repeat(16) + "]".repeat(16) + "}"}) {
            ManagementException e = assertThrows(ManagementException.class, () -> read(JsonProvider.class, body));
            assertEquals(ErrorCode.MPE_MGMT_INVALID_XML, e.code());
            assertTrue(e.getMessage().contains("JSON nested deeper than 16 levels"), e.getMessage());
        }
        ManagementException tooLong = assertThrows(ManagementException.class,
                () -> json("{\"lookAheadChunks\":1" + "0".repeat(5_000) + "}"));
        assertEquals(ErrorCode.MPE_MGMT_INVALID_XML, tooLong.code());
        assertTrue(tooLong.getMessage().contains("a number longer than 32 characters"), tooLong.getMessage());
        ManagementException deepXml = assertThrows(ManagementException.class, () -> read(AtomXmlProvider.class,
                "<a>".repeat(5_000) + "</a>".repeat(5_000)));
        assertTrue(deepXml.getMessage().contains("XML elements nested deeper than 16 levels"), deepXml.getMessage());
    }

    @Test
    void jsonMustBeUtf8() {
        byte[] latin1 = "{\"title\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        ManagementException e = assertThrows(ManagementException.class,
                () -> JsonProvider.read(PublishingPointSettings.class, new ByteArrayInputStream(latin1)));
        assertEquals(ErrorCode.MPE_MGMT_INVALID_XML, e.code());
        assertTrue(e.getMessage().contains("not UTF-8"), e.getMessage());
        assertEquals("caf\u00e9", assertDoesNotThrow(() -> json("\ufeff{\"title\":\"caf\u00e9\"}")).title());
    }

    @Test
    void refusesMalformedOversizedAndHostileDocuments() {
        assertFailure(ErrorCode.MPE_MGMT_INVALID_XML, null, () -> read(AtomXmlProvider.class, "<entry"));
        assertFailure(ErrorCode.MPE_MGMT_INVALID_XML, null, () -> read(AtomXmlProvider.class,
                "<!DOCTYPE e [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><entry>&x;</entry>"));
        assertFailure(ErrorCode.MPE_MGMT_INVALID_XML, null, () -> read(JsonProvider.class, "{\"title\":"));
        assertFailure(ErrorCode.MPE_MGMT_INVALID_SCHEMA, null, () -> read(AtomXmlProvider.class, "<feed/>"));
        assertFailure(ErrorCode.MPE_MGMT_INVALID_SCHEMA, null, () -> read(AtomXmlProvider.class, ""));
        assertFailure(ErrorCode.MPE_MGMT_INVALID_DATA, null,
                () -> read(JsonProvider.class, "{\"title\":\"" + "x".repeat(Bodies.MAX_BYTES) + "\"}"));
        assertFailure(ErrorCode.MPE_MGMT_INVALID_XML, null, () -> read(AtomXmlProvider.class,
                "<a>".repeat(20) + "</a>".repeat(20)));
    }

    @Test
    void errorBodiesCarryTheHresult() throws IOException {
        ManagementDocument error = new ManagementDocument.ErrorBody(ErrorCode.MPE_MGMT_SLUG_HEADER_REQUIRED, "no slug", null);
        String xml = new String(write(new AtomXmlProvider(), error), StandardCharsets.UTF_8);
        assertTrue(xml.contains("<ErrorCode>0x8088002C</ErrorCode><ErrorMessage>no slug</ErrorMessage><InternalError/>"), xml);
        String json = new String(write(new JsonProvider(), error), StandardCharsets.UTF_8);
        assertEquals("{\"error\":{\"code\":\"MPE_MGMT_SLUG_HEADER_REQUIRED\",\"hresult\":\"0x8088002C\","
                + "\"message\":\"no slug\",\"field\":null}}", json);
    }

    private static void assertFailure(ErrorCode code, String field, ThrowingRead read) {
        ManagementException e = assertThrows(ManagementException.class, read::run);
        assertEquals(code, e.code(), e.getMessage());
        if (field != null) {
            assertEquals(field, ((InvalidSettingException) e).field(), e.getMessage());
        } else {
            assertFalse(e.getMessage().isBlank());
        }
    }

    @FunctionalInterface
    private interface ThrowingRead {
        Object run() throws IOException;
    }

    private static Object read(Class<?> provider, String body) throws IOException {
        return provider == AtomXmlProvider.class ? AtomXmlProvider.read(PublishingPointSettings.class, stream(body))
                : JsonProvider.read(PublishingPointSettings.class, stream(body));
    }

    private static PublishingPointSettings atom(String settings) throws IOException {
        return (PublishingPointSettings) AtomXmlProvider.read(PublishingPointSettings.class, stream(entry(settings)));
    }

    private static PublishingPointSettings json(String body) throws IOException {
        return (PublishingPointSettings) JsonProvider.read(PublishingPointSettings.class, stream(body));
    }

    private static String entry(String content) {
        return "<entry xmlns='http://www.w3.org/2005/Atom'><title>t</title><content type='application/xml'>"
                + "<SmoothStreaming xmlns='http://schemas.microsoft.com/iis/media/2011/03/streaming/management'>"
                + content + "</SmoothStreaming></content></entry>";
    }

    private static InputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static PublishingPoint point(PublishingPointSettings settings) {
        return new PublishingPoint(PublishingPointPath.of("/live/channel1.isml"), settings, PublishingPointState.Started,
                null, 1, Instant.EPOCH, Instant.parse("2024-06-01T18:00:00Z"));
    }

    private static byte[] write(jakarta.ws.rs.ext.MessageBodyWriter<ManagementDocument> writer,
                                ManagementDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.writeTo(document, document.getClass(), document.getClass(), new Annotation[0], null, null, out);
        return out.toByteArray();
    }
}
