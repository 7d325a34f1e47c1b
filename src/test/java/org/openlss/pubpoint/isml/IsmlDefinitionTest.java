package org.openlss.pubpoint.isml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openlss.pubpoint.ArchiveSettings;
import org.openlss.pubpoint.ClientConnectionSettings;
import org.openlss.pubpoint.ErrorCode;
import org.openlss.pubpoint.HlsSettings;
import org.openlss.pubpoint.InvalidSettingException;
import org.openlss.pubpoint.ManagementException;
import org.openlss.pubpoint.PublishingPointSettings;
import org.openlss.pubpoint.ServerConnectionSettings;
import org.openlss.pubpoint.SourceType;
import org.openlss.pubpoint.SyndicationUrl;

/** Reading the {@code .isml} files IIS Manager wrote, refusing what OpenLSS cannot honour, and writing them back. */
class IsmlDefinitionTest {
    private static final Predicate<String> NO_CREDENTIALS = name -> false;
    private static final Predicate<String> ALL_CREDENTIALS = name -> true;

    static byte[] resource(String name) {
        try (InputStream in = IsmlDefinitionTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException | NullPointerException e) {
            throw new AssertionError("missing test file " + name, e);
        }
    }

    /** A file in the form IIS wrote: declaration, SMIL namespace, CRLF, the given metas and refs. */
    static byte[] iis(String metas, String refs) {
        String text = "\uFEFF<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n"
                + "<smil xmlns=\"http://www.w3.org/2001/SMIL20/Language\">\r\n  <head>\r\n" + metas
                + "  </head>\r\n  <body>\r\n    <par>\r\n" + refs + "    </par>\r\n  </body>\r\n</smil>\r\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String meta(String name, String content) {
        return "    <meta name=\"" + name + "\" content=\"" + content + "\" />\r\n";
    }

    @Test
    void aPushPointWithArchiveAndHlsAsIisWroteIt() {
        byte[] file = resource("push-archive-hls.isml");
        assertEquals((byte) 0xEF, file[0], "the sample starts with a UTF-8 byte order mark");
        assertTrue(new String(file, StandardCharsets.UTF_8).contains("\r\n"), "and has CRLF line ends");
        PublishingPointSettings s = IsmlDefinition.read(file, NO_CREDENTIALS);
        assertEquals("Channel 1", s.title());
        assertEquals(SourceType.Push, s.sourceType());
        assertEquals(Duration.ofHours(2), s.estimatedDuration());
        assertEquals(2, s.lookAheadChunks());
        assertTrue(s.autoStart());
        assertTrue(s.autoRestartOnEncoderReconnect());
        assertEquals(new ArchiveSettings(true, Duration.ofMinutes(30), null, false), s.archive());
        assertEquals(new ClientConnectionSettings(true, Duration.ofHours(1), null, "2.0"), s.clientConnections());
        assertEquals(new ServerConnectionSettings(true, true), s.serverConnections());
        assertEquals(List.of(new SyndicationUrl("http://edge1.example/live/channel1.isml", null)), s.pushTo());
        assertEquals(List.of(), s.pullFrom());
        assertEquals(new HlsSettings(true, Duration.ofSeconds(10), 1_600_000, false, false, false, false, null),
                s.hls());
    }

    @Test
    void aPullPointWithTwoUpstreamsInPriorityOrderAndLowerCaseBooleans() {
        PublishingPointSettings s = IsmlDefinition.read(resource("pull-two-upstreams.isml"), NO_CREDENTIALS);
        assertEquals(SourceType.Pull, s.sourceType());
        assertEquals(List.of(new SyndicationUrl("http://origin1.example/live/channel2.isml", null),
                new SyndicationUrl("http://origin2.example:8080/live/channel2.isml", null)), s.pullFrom());
        assertEquals(4, s.lookAheadChunks());
        assertTrue(s.autoStart());
        assertTrue(s.clientConnections().enabled());
        assertFalse(s.serverConnections().enabled());
        assertFalse(s.archive().enabled());
        assertFalse(s.hls().enabled(), "an empty formats meta means no extra format");
    }

    @Test
    void everyMetaNameMapsToItsSetting() {
        PublishingPointSettings s = IsmlDefinition.read(iis(meta("title", "All")
                + meta("module", "LiveSmoothStreaming") + meta("sourceType", "PUSH")
                + meta("publishing", "Archives, Streams") + meta("estimatedTime", "90")
                + meta("lookaheadChunks", "0") + meta("archivePath", "/srv/media/archives/all")
                + meta("startOnFirstRequest", "TRUE") + meta("archiveSegmentLength", "300")
                + meta("manifestWindowLength", "120") + meta("restartOnEncoderReconnect", "tRuE")
                + meta("formats", "M3U8-AAPL") + meta("m3u8-aapl-segmentlength", "6")
                + meta("m3u8-aapl-maxbitrate", "3000000") + meta("m3u8-aapl-allowcaching", "True")
                + meta("m3u8-aapl-backwardcompatible", "True") + meta("m3u8-aapl-enableencryption", "True")
                + meta("m3u8-aapl-encryptionkey", "00112233445566778899aabbccddeeff")
                + meta("m3u8-aapl-includecodecs", "True") + meta("archiveUseEventIdOnPath", "True")
                + meta("liveCacheLength", "60") + meta("clientManifestVersion", "2.2")
                + meta("sendEndOfStreamOnStop", "False") + meta("ingestCredential", "enc")
                + meta("maxStreams", "8") + meta("filters", "") + meta("somethingElse", "x"), ""), ALL_CREDENTIALS);
        assertEquals("All", s.title());
        assertEquals(Duration.ofSeconds(90), s.estimatedDuration());
        assertEquals(0, s.lookAheadChunks());
        assertTrue(s.autoStart() && s.autoRestartOnEncoderReconnect());
        assertEquals(new ArchiveSettings(true, Duration.ofMinutes(5), "/srv/media/archives/all", true), s.archive());
        assertEquals(new ClientConnectionSettings(false, Duration.ofMinutes(2), Duration.ofMinutes(1), "2.2"),
                s.clientConnections(), "publishing without Fragments: no client connections");
        assertEquals(new ServerConnectionSettings(true, false), s.serverConnections());
        assertEquals(new HlsSettings(true, Duration.ofSeconds(6), 3_000_000, true, true, true, true,
                "00112233445566778899AABBCCDDEEFF"), s.hls());
        assertEquals("enc", s.ingestCredential());
        assertEquals(8, s.maxStreams());
    }

    @Test
    void aFileWithoutSettingsGivesTheIisDefaults() {
        assertEquals(PublishingPointSettings.defaults(), IsmlDefinition.read(iis(meta("filters", ""), ""),
                NO_CREDENTIALS));
    }

    @Test
    void unsupportedSettingsAreRefusedInOneMessageNamingEveryItem() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> IsmlDefinition.read(resource("unsupported.isml"), NO_CREDENTIALS));
        assertEquals(ErrorCode.MPE_MGMT_INVALID_DATA, e.code());
        assertEquals("module, lookaheadChunks, formats, ref[1]", e.field());
        for (String named : List.of("liveSmoothStreaming2", "99", "'mpeg-dash'", "'ms-sstr-xml'", "'foo'",
                "user name or password", "nothing was created")) {
            assertTrue(e.getMessage().contains(named), "names " + named + ": " + e.getMessage());
        }
        assertFalse(e.getMessage().contains("secret"), "never repeats a password: " + e.getMessage());
        assertFalse(e.getMessage().contains("'m3u8-aapl'"), e.getMessage());
    }

    @Test
    void valuesOutOfRangeOrMalformedAreNamedByTheirMeta() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> IsmlDefinition.read(iis(
                meta("sourceType", "Multicast") + meta("publishing", "Fragments;Pictures")
                        + meta("estimatedTime", "-5") + meta("startOnFirstRequest", "yes")
                        + meta("archiveSegmentLength", "10") + meta("manifestWindowLength", "1")
                        + meta("m3u8-aapl-segmentlength", "600") + meta("clientManifestVersion", "3.0"), ""),
                NO_CREDENTIALS));
        assertEquals("sourceType, publishing, estimatedTime, startOnFirstRequest, archiveSegmentLength,"
                + " manifestWindowLength, m3u8-aapl-segmentlength", e.field(), e.getMessage());
    }

    @Test
    void crossSettingRulesAreNamedByTheMetaToo() {
        InvalidSettingException pull = assertThrows(InvalidSettingException.class,
                () -> IsmlDefinition.read(iis(meta("sourceType", "Pull"), ""), NO_CREDENTIALS));
        assertEquals("ref", pull.field(), pull.getMessage());
        InvalidSettingException restart = assertThrows(InvalidSettingException.class,
                () -> IsmlDefinition.read(iis(meta("restartOnEncoderReconnect", "True"), ""), NO_CREDENTIALS));
        assertEquals("restartOnEncoderReconnect", restart.field());
        InvalidSettingException key = assertThrows(InvalidSettingException.class,
                () -> IsmlDefinition.read(iis(meta("m3u8-aapl-enableencryption", "True"), ""), NO_CREDENTIALS));
        assertEquals("m3u8-aapl-enableencryption", key.field());
    }

    @Test
    void credentialNamesOnRefsMustExist() {
        byte[] file = iis(meta("sourceType", "Pull"),
                "      <ref src=\"http://a.example/live/x.isml\" credentialName=\"upstream\" />\r\n"
                        + "      <ref src=\"http://b.example/live/x.isml\" credentialName=\"other\" />\r\n");
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> IsmlDefinition.read(file, "upstream"::equals));
        assertEquals("ref[2]@credentialName", e.field());
        assertTrue(e.getMessage().contains("'other'"), e.getMessage());
        assertEquals("upstream", IsmlDefinition.read(file, ALL_CREDENTIALS).pullFrom().get(0).credentialName());
    }

    @Test
    void notADefinitionIsRefusedAsSuch() {
        ManagementException notSmil = assertThrows(ManagementException.class, () -> IsmlDefinition.read(
                "<entry xmlns='http://www.w3.org/2005/Atom'/>".getBytes(StandardCharsets.UTF_8), NO_CREDENTIALS));
        assertEquals(ErrorCode.MPE_MGMT_INVALID_SCHEMA, notSmil.code());
        ManagementException broken = assertThrows(ManagementException.class, () -> IsmlDefinition.read(
                "<smil><head>".getBytes(StandardCharsets.UTF_8), NO_CREDENTIALS));
        assertEquals(ErrorCode.MPE_MGMT_INVALID_XML, broken.code());
        ManagementException doctype = assertThrows(ManagementException.class, () -> IsmlDefinition.read(
                ("<?xml version='1.0'?><!DOCTYPE smil [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
                        + "<smil><head><meta name='title' content='&x;'/></head></smil>")
                        .getBytes(StandardCharsets.UTF_8), NO_CREDENTIALS));
        assertEquals(ErrorCode.MPE_MGMT_INVALID_XML, doctype.code());
        ManagementException huge = assertThrows(ManagementException.class,
                () -> IsmlDefinition.read(new byte[IsmlDefinition.MAX_BYTES + 1], NO_CREDENTIALS));
        assertTrue(huge.getMessage().contains("larger than"), huge.getMessage());
    }

    @Test
    void aUtf16FileIsReadToo() {
        String text = new String(iis(meta("title", "Kanal \u00e9"), ""), StandardCharsets.UTF_8).substring(1)
                .replace("utf-8", "utf-16");
        byte[] utf16 = text.getBytes(StandardCharsets.UTF_16);
        assertEquals("Kanal \u00e9", IsmlDefinition.read(utf16, NO_CREDENTIALS).title());
    }

    @Test
    void theWrittenFileHasTheIisForm() {
        String file = new String(IsmlDefinition.write(PublishingPointSettings.defaults()), StandardCharsets.UTF_8);
        assertTrue(file.startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n"
                + "<smil xmlns=\"http://www.w3.org/2001/SMIL20/Language\">\r\n  <head>\r\n"
                + "    <meta name=\"title\" content=\"\"/>\r\n"
                + "    <meta name=\"module\" content=\"liveSmoothStreaming\"/>\r\n"
                + "    <meta name=\"sourceType\" content=\"Push\"/>\r\n"
                + "    <meta name=\"publishing\" content=\"Fragments\"/>\r\n"), file);
        assertTrue(file.contains("<meta name=\"formats\" content=\"\"/>"), file);
        assertTrue(file.contains("<meta name=\"startOnFirstRequest\" content=\"False\"/>"), file);
        assertFalse(file.contains("archivePath"), "no archive path: the server's root applies");
    }

    static Stream<PublishingPointSettings> combinations() {
        PublishingPointSettings d = PublishingPointSettings.defaults();
        return Stream.of(d,
                new PublishingPointSettings("Channel \u00e9 <1> & \"2\"", SourceType.Push, Duration.ofMillis(5_430_500),
                        true, true, 3, new ArchiveSettings(true, Duration.ofMinutes(30), "/srv/archives/ch1", true),
                        new ClientConnectionSettings(true, Duration.ofHours(1), Duration.ofMinutes(2), "2.2"),
                        new ServerConnectionSettings(true, false),
                        List.of(), List.of(new SyndicationUrl("http://edge1.example/live/ch1.isml", "edge"),
                        new SyndicationUrl("https://edge2.example/a/b/ch1.isml", null)),
                        new HlsSettings(true, Duration.ofSeconds(4), 2_500_000, true, true, true, true,
                                "00112233445566778899AABBCCDDEEFF"), "encoder", false, 4),
                new PublishingPointSettings("Edge", SourceType.Pull, Duration.ZERO, false, false, 0,
                        ArchiveSettings.DISABLED, new ClientConnectionSettings(false, Duration.ZERO, null, "2.0"),
                        new ServerConnectionSettings(false, true),
                        List.of(new SyndicationUrl("http://o1.example/live/x.isml", "up"),
                                new SyndicationUrl("http://o2.example:8080/live/x.isml", null)), List.of(),
                        HlsSettings.DISABLED.withEnabled(false), null, true, 256),
                new PublishingPointSettings("", SourceType.Push, Duration.ofDays(1), false, false, 16,
                        new ArchiveSettings(false, Duration.ofHours(2), null, false),
                        new ClientConnectionSettings(true, Duration.ofSeconds(10), Duration.ZERO, "2.0"),
                        ServerConnectionSettings.DISABLED, List.of(), List.of(),
                        new HlsSettings(false, Duration.ofSeconds(60), 1, false, true, false, false,
                                "ffeeddccbbaa99887766554433221100"), null, false, 16));
    }

    @ParameterizedTest
    @MethodSource("combinations")
    void exportThenImportGivesTheSameSettings(PublishingPointSettings settings) {
        assertEquals(settings, IsmlDefinition.read(IsmlDefinition.write(settings), ALL_CREDENTIALS));
    }

    @Test
    void exportedSettingsCarryTheUndocumentedOnesUnderOurNames() {
        Map<String, String> metas = IsmlWriter.metas(combinations().toList().get(1));
        assertEquals("5430.5", metas.get("estimatedTime"), "a fraction is kept only when there is one");
        assertEquals("Fragments;Streams;Archives", metas.get("publishing"));
        assertEquals("m3u8-aapl", metas.get("formats"));
        assertEquals("True", metas.get("archiveUseEventIdOnPath"));
        assertEquals("2.2", metas.get("clientManifestVersion"));
        assertEquals("False", metas.get("sendEndOfStreamOnStop"));
        assertEquals("encoder", metas.get("ingestCredential"));
        assertNull(IsmlWriter.metas(PublishingPointSettings.defaults()).get("ingestCredential"));
    }
}
