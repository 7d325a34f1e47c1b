package org.openlss.pubpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class PublishingPointSettingsTest {
    private static final SyndicationUrl EDGE = new SyndicationUrl("http://edge.example/live/a.isml", "edge");

    @Test
    void defaultsAreTheIisDefaults() {
        PublishingPointSettings d = PublishingPointSettings.defaults();
        assertEquals(SourceType.Push, d.sourceType());
        assertEquals(2, d.lookAheadChunks());
        assertEquals(true, d.clientConnections().enabled());
        assertEquals(true, d.clientConnections().wholeEvent());
        assertEquals(false, d.archive().enabled());
        assertEquals(false, d.serverDistribution());
        assertEquals(Duration.ofSeconds(10), d.hls().segmentLength());
        assertEquals(1_600_000, d.hls().maxBitRate());
        assertEquals(false, d.anonymousIngest(), "encoders need credentials unless a point says otherwise");
        assertEquals(16, d.maxStreams());
    }

    @Test
    void anonymousEncodersAndAnIngestCredentialExcludeEachOtherAndTheStreamLimitIsBounded() {
        PublishingPointSettings d = PublishingPointSettings.defaults();
        assertField("AnonymousIngest", () -> new PublishingPointSettings("", SourceType.Push, Duration.ZERO, false,
                false, 2, null, null, null, List.of(), List.of(), null, "encoder", true, 16));
        assertField("MaxStreams", () -> new PublishingPointSettings("", SourceType.Push, Duration.ZERO, false,
                false, 2, null, null, null, List.of(), List.of(), null, null, false, 0));
        assertField("MaxStreams", () -> new PublishingPointSettings("", SourceType.Push, Duration.ZERO, false,
                false, 2, null, null, null, List.of(), List.of(), null, null, false, 257));
        assertEquals(true, new PublishingPointSettings(d.title(), d.sourceType(), d.estimatedDuration(), false, false,
                2, null, null, null, List.of(), List.of(), null, null, true, 1).anonymousIngest());
    }

    @Test
    void namesTheFieldOfEveryOutOfRangeValue() {
        assertField("LookAheadChunks", () -> settings(-1, SourceType.Push, List.of(), List.of(), false, false));
        assertField("LookAheadChunks", () -> settings(17, SourceType.Push, List.of(), List.of(), false, false));
        assertField("PullFrom", () -> settings(2, SourceType.Pull, List.of(), List.of(), false, false));
        assertField("PushTo", () -> settings(2, SourceType.Pull, List.of(EDGE), List.of(EDGE), false, false));
        assertField("PullFrom", () -> settings(2, SourceType.Push, List.of(EDGE), List.of(), false, false));
        assertField("AutoRestartOnEncoderReconnect",
                () -> settings(2, SourceType.Push, List.of(), List.of(), false, true));
        assertField("Archive/SegmentLength", () -> new ArchiveSettings(true, Duration.ofSeconds(30), null, false));
        assertField("Archive/Path", () -> new ArchiveSettings(true, Duration.ZERO, "relative/dir", false));
        assertField("ClientConnections/WindowLength",
                () -> new ClientConnectionSettings(true, Duration.ofSeconds(5), null, "2.0"));
        assertField("ClientConnections/ClientManifestVersion",
                () -> new ClientConnectionSettings(true, Duration.ZERO, null, "3.0"));
        assertField("HLS/SegmentLength", () -> new HlsSettings(true, Duration.ofSeconds(1), 1, false, false, false,
                false, null));
        assertField("HLS/Encryption/Key", () -> new HlsSettings(true, Duration.ofSeconds(10), 1, false, false, false,
                true, null));
        assertField("HLS/Encryption/Key", () -> new HlsSettings(true, Duration.ofSeconds(10), 1, false, false, false,
                true, "xyz"));
        assertField("Title", () -> new PublishingPointSettings("bad\u0001title", null, Duration.ZERO, false, false, 2,
                null, null, null, null, null, null, null));
        assertField("IngestCredential", () -> new PublishingPointSettings("", null, Duration.ZERO, false, false, 2,
                null, null, null, null, null, null, "has space"));
    }

    /** What JSON may spell as an escape but the Atom document of the same settings could not carry. */
    @Test
    void refusesTextTheAtomRepresentationCannotCarry() {
        for (String title : new String[] {"a\uFFFF", "a\uFFFE", "a\uD800b", "\uDC00", "a\uD83D"}) {
            assertField("Title", () -> new PublishingPointSettings(title, null, Duration.ZERO, false, false, 2,
                    null, null, null, null, null, null, null));
        }
        assertField("PublishingPoint", () -> new SyndicationUrl("http://edge/\uFFFF.isml", null));
        assertEquals("ch \uD83D\uDE00", new PublishingPointSettings("ch \uD83D\uDE00", null, Duration.ZERO, false,
                false, 2, null, null, null, null, null, null, null).title());
    }

    /** Atom trims element text, so a title or folder read from JSON is trimmed too: both read the same settings. */
    @Test
    void trimsTheTitleAndTheArchivePath() {
        assertEquals("Channel 1", new PublishingPointSettings(" Channel 1\t", null, Duration.ZERO, false, false, 2,
                null, null, null, null, null, null, null).title());
        assertEquals("/srv/a", new ArchiveSettings(true, Duration.ZERO, " /srv/a ", false).path());
        assertEquals(null, new ArchiveSettings(true, Duration.ZERO, " \t", false).path());
    }

    @Test
    void syndicationUrlsMustNameAPublishingPointWithoutCredentials() {
        assertField("PublishingPoint", () -> new SyndicationUrl("ftp://edge/a.isml", null));
        assertField("PublishingPoint", () -> new SyndicationUrl("http://user:pw@edge/a.isml", null));
        assertField("PublishingPoint", () -> new SyndicationUrl("http://edge/a.ism", null));
        assertField("PublishingPoint", () -> new SyndicationUrl("http:///a.isml", null));
        assertField("PublishingPoint@credentialName", () -> new SyndicationUrl("http://edge/a.isml", "a b"));
        assertEquals("https://edge:8443/live/a.isml", new SyndicationUrl(" https://edge:8443/live/a.isml ", "")
                .url());
    }

    @Test
    void listsEveryCredentialItRefersTo() {
        PublishingPointSettings s = new PublishingPointSettings("", SourceType.Push, Duration.ZERO, false, false, 2,
                null, null, null, List.of(), List.of(EDGE, new SyndicationUrl("http://b/x.isml", "edge")), null,
                "encoder");
        assertEquals(List.of("edge", "encoder"), s.credentialNames());
    }

    private static PublishingPointSettings settings(int lookahead, SourceType type, List<SyndicationUrl> pull,
                                                    List<SyndicationUrl> push, boolean autoStart, boolean restart) {
        return new PublishingPointSettings("", type, Duration.ZERO, autoStart, restart, lookahead, null, null, null,
                pull, push, null, null);
    }

    private static void assertField(String field, Supplier<?> construction) {
        assertEquals(field, assertThrows(InvalidSettingException.class, construction::get).field());
    }
}
