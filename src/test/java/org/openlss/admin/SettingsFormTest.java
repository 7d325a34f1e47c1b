package org.openlss.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openlss.pubpoint.ArchiveSettings;
import org.openlss.pubpoint.ClientConnectionSettings;
import org.openlss.pubpoint.HlsSettings;
import org.openlss.pubpoint.PublishingPointPath;
import org.openlss.pubpoint.PublishingPointSettings;
import org.openlss.pubpoint.ServerConnectionSettings;
import org.openlss.pubpoint.SourceType;
import org.openlss.pubpoint.SyndicationUrl;

class SettingsFormTest {
    @Test
    void aNewFormGivesTheIisDefaults() {
        SettingsForm.Outcome outcome = new SettingsForm().toSettings();
        assertEquals(Map.of(), outcome.errors());
        assertEquals(PublishingPointSettings.defaults(), outcome.settings());
    }

    @Test
    void aPushPointArchivingInSegmentsWithARecentContentWindow() {
        SettingsForm form = new SettingsForm();
        form.getBasic().setTitle("Channel 1");
        form.getBasic().setEstimatedDuration("02:30:05");
        form.getAdvanced().setArchive(true);
        form.getAdvanced().setArchiveMode("segmented");
        form.getAdvanced().setSegmentLength("5");
        form.getAdvanced().setDvrMode("recent");
        form.getAdvanced().setWindowLength("1.5");
        UrlRow push = new UrlRow();
        push.setUrl("http://edge.example/live/a.isml");
        push.setCredential("edge");
        form.getAdvanced().getPushUrls().add(push);
        form.getAdvanced().getPushUrls().add(new UrlRow());
        PublishingPointSettings s = form.toSettings().settings();
        assertEquals("Channel 1", s.title());
        assertEquals(Duration.ofHours(2).plusMinutes(30).plusSeconds(5), s.estimatedDuration());
        assertEquals(Duration.ofMinutes(5), s.archive().segmentLength());
        assertEquals(Duration.ofSeconds(90), s.clientConnections().windowLength());
        assertEquals(List.of(new SyndicationUrl("http://edge.example/live/a.isml", "edge")), s.pushTo(),
                "the empty line is left out");
        assertTrue(s.serverDistribution());
    }

    @Test
    void fieldsTheChoicesHideAreNotRead() {
        SettingsForm form = new SettingsForm();
        form.getBasic().setSourceType("Push");
        UrlRow pull = new UrlRow();
        pull.setUrl("not a url");
        form.getBasic().getPullUrls().add(pull);
        form.getAdvanced().setSegmentLength("garbage");
        form.getAdvanced().setWindowLength("-5");
        form.getMobile().setSegmentLength("x");
        SettingsForm.Outcome outcome = form.toSettings();
        assertEquals(Map.of(), outcome.errors());
        assertEquals(List.of(), outcome.settings().pullFrom());
        assertTrue(outcome.settings().clientConnections().wholeEvent());
    }

    @Test
    void everyProblemIsReportedAtItsField() {
        SettingsForm form = new SettingsForm();
        form.getBasic().setFileName("../evil");
        form.getBasic().setEstimatedDuration("2 hours");
        form.getBasic().setSourceType("Pull");
        UrlRow pull = new UrlRow();
        pull.setUrl("ftp://upstream/x.isml");
        form.getBasic().getPullUrls().add(pull);
        form.getAdvanced().setArchive(true);
        form.getAdvanced().setArchiveMode("segmented");
        form.getAdvanced().setSegmentLength("0.5");
        form.getAdvanced().setDvrMode("recent");
        form.getAdvanced().setWindowLength("-5");
        form.getMobile().setHls(true);
        form.getMobile().setEncryption(true);
        FormErrors errors = new FormErrors();
        assertNull(form.path(errors));
        SettingsForm.Outcome outcome = form.toSettings(errors);
        assertNull(outcome.settings());
        assertEquals(Set.of("fileName", "estimatedDuration", "pullUrls:0:url", "segmentLength", "windowLength",
                "encryptionKey"), outcome.errors().keySet());
        assertEquals("enter a number of minutes, e.g. 30", outcome.errors().get("windowLength"));
        assertEquals("enter hours:minutes:seconds, e.g. 02:30:00", outcome.errors().get("estimatedDuration"));
        assertTrue(outcome.errors().get("segmentLength").contains("out of range"), outcome.errors().toString());
        assertEquals("contains '..'; folders must be named", outcome.errors().get("fileName"));
    }

    /** The settings as a whole are checked once their parts are sound: then a value out of range shows. */
    @Test
    void aValueOutOfRangeIsReportedAtItsField() {
        SettingsForm form = new SettingsForm();
        form.getAdvanced().setLookAheadChunks("99");
        assertEquals(Map.of("lookAheadChunks", "99 is out of range 0..16"), form.toSettings().errors());
    }

    @Test
    void aRuleAcrossFieldsIsReportedWhereItIsFixed() {
        SettingsForm form = new SettingsForm();
        form.getBasic().setSourceType("Pull");
        SettingsForm.Outcome outcome = form.toSettings();
        assertEquals(Map.of("pullUrlList", "a Pull publishing point needs at least one upstream URL"), outcome.errors());
    }

    /** What the API stored comes back unchanged through the dialog, including what the dialog has no field for. */
    @Test
    void editingKeepsEverySettingItDoesNotChange() {
        PublishingPointSettings stored = new PublishingPointSettings("Pulled", SourceType.Pull, Duration.ofSeconds(61),
                true, false, 3, new ArchiveSettings(true, Duration.ofSeconds(90), "/srv/archive", true),
                new ClientConnectionSettings(true, Duration.ofSeconds(45), Duration.ofMinutes(2), "2.2"),
                new ServerConnectionSettings(true, false),
                List.of(new SyndicationUrl("http://up.example/a.isml", "up"), new SyndicationUrl("http://b/a.isml", null)),
                List.of(), new HlsSettings(true, Duration.ofMillis(4500), 900_000, true, false, true, true,
                "00112233445566778899AABBCCDDEEFF"), "ingest");
        SettingsForm form = SettingsForm.of(PublishingPointPath.of("/live/pulled.isml"), stored);
        assertEquals("live/pulled.isml", form.getBasic().getFileName());
        assertEquals("00:01:01", form.getBasic().getEstimatedDuration());
        assertEquals("1.5", form.getAdvanced().getSegmentLength());
        assertEquals("0.75", form.getAdvanced().getWindowLength());
        assertEquals("4.5", form.getMobile().getSegmentLength());
        SettingsForm.Outcome outcome = form.toSettings();
        assertEquals(Map.of(), outcome.errors());
        assertEquals(stored, outcome.settings());
    }

    @Test
    void turningHlsOffKeepsItsSettingsForNextTime() {
        PublishingPointSettings d = PublishingPointSettings.defaults();
        HlsSettings hls = new HlsSettings(true, Duration.ofSeconds(4), 2_000_000, false, false, true, false, null);
        PublishingPointSettings stored = new PublishingPointSettings("", SourceType.Push, Duration.ZERO, false, false,
                2, d.archive(), d.clientConnections(), d.serverConnections(), List.of(), List.of(), hls, null);
        SettingsForm form = SettingsForm.of(PublishingPointPath.of("/a.isml"), stored);
        form.getMobile().setHls(false);
        form.getMobile().setSegmentLength("bad, but hidden");
        HlsSettings off = form.toSettings().settings().hls();
        assertFalse(off.enabled());
        assertEquals(Duration.ofSeconds(4), off.segmentLength());
    }
}
