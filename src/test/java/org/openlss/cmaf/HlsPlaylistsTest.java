package org.openlss.cmaf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openlss.live.Timeline;
import org.openlss.mp4.TrackType;

class HlsPlaylistsTest {
    private static final CmafEvent.Anchor ANCHOR = new CmafEvent.Anchor(0, 10_000_000,
            Instant.parse("2026-12-04T10:00:00Z"));

    private static CmafStream video(Timeline timeline) {
        return new CmafStream(TrackType.VIDEO, "video", 10_000_000,
                List.of(new CmafStream.Level(1_000_000, MpdWriterTest.video(1_000_000, 640)),
                        new CmafStream.Level(300_000, MpdWriterTest.video(300_000, 320))), timeline);
    }

    private static CmafStream audio(String name, String language, Timeline timeline) {
        return new CmafStream(TrackType.AUDIO, name, 10_000_000,
                List.of(new CmafStream.Level(64000, MpdWriterTest.audio(language))), timeline);
    }

    private static String text(byte[] playlist) {
        return new String(playlist, StandardCharsets.UTF_8);
    }

    @Test
    void masterHasCodecsOnEveryVariantAndTheAudioStreamsAsAGroup() {
        Timeline t = MpdWriterTest.contiguous(0, 20_000_000, 3);
        String master = text(HlsPlaylists.master(List.of(video(t), audio("audio_eng", "eng", t),
                audio("audio_fra", "fra", t))));
        assertEquals("""
                #EXTM3U
                #EXT-X-VERSION:7
                #EXT-X-INDEPENDENT-SEGMENTS
                #EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="audio",NAME="audio_eng",LANGUAGE="eng",DEFAULT=YES,AUTOSELECT=YES,\
                URI="QualityLevels(64000)/Manifest(audio_eng,format=m3u8-cmaf)"
                #EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="audio",NAME="audio_fra",LANGUAGE="fra",DEFAULT=NO,AUTOSELECT=YES,\
                URI="QualityLevels(64000)/Manifest(audio_fra,format=m3u8-cmaf)"
                #EXT-X-STREAM-INF:BANDWIDTH=364000,CODECS="avc1.64001f,mp4a.40.2",RESOLUTION=320x180,AUDIO="audio"
                QualityLevels(300000)/Manifest(video,format=m3u8-cmaf)
                #EXT-X-STREAM-INF:BANDWIDTH=1064000,CODECS="avc1.64001f,mp4a.40.2",RESOLUTION=640x360,AUDIO="audio"
                QualityLevels(1000000)/Manifest(video,format=m3u8-cmaf)
                """, master);
    }

    @Test
    void audioOnlyIsVariantsOfAudioAndNothingListedIsNoPlaylist() {
        Timeline t = MpdWriterTest.contiguous(0, 20_000_000, 3);
        String master = text(HlsPlaylists.master(List.of(audio("audio", null, t))));
        assertTrue(master.contains("#EXT-X-STREAM-INF:BANDWIDTH=64000,CODECS=\"mp4a.40.2\"\n"
                + "QualityLevels(64000)/Manifest(audio,format=m3u8-cmaf)\n"), master);
        Timeline empty = new Timeline(new long[0], new long[0]);
        assertNull(HlsPlaylists.master(List.of(video(empty))));
        assertNull(HlsPlaylists.media(video(empty), ANCHOR, true, false, false));
    }

    @Test
    void mediaPlaylistMapsTheHeaderAndCarriesSequenceBreaksAndDates() {
        Timeline t = new Timeline(new long[] {40_000_000, 60_000_000, 100_000_000}, new long[] {20_000_000,
                20_000_000, 19_000_000}, 7, 2);
        String media = text(HlsPlaylists.media(video(t), ANCHOR, false, false, false));
        assertEquals("""
                #EXTM3U
                #EXT-X-VERSION:7
                #EXT-X-TARGETDURATION:2
                #EXT-X-MEDIA-SEQUENCE:7
                #EXT-X-DISCONTINUITY-SEQUENCE:2
                #EXT-X-INDEPENDENT-SEGMENTS
                #EXT-X-MAP:URI="Fragments(video=i,format=m3u8-cmaf)"
                #EXT-X-PROGRAM-DATE-TIME:2026-12-04T10:00:04.000Z
                #EXTINF:2.000,
                Fragments(video=40000000,format=m3u8-cmaf)
                #EXT-X-PROGRAM-DATE-TIME:2026-12-04T10:00:06.000Z
                #EXTINF:2.000,
                Fragments(video=60000000,format=m3u8-cmaf)
                #EXT-X-DISCONTINUITY
                #EXT-X-PROGRAM-DATE-TIME:2026-12-04T10:00:10.000Z
                #EXTINF:1.900,
                Fragments(video=100000000,format=m3u8-cmaf)
                """, media);
    }

    @Test
    void aWholeEventIsAnEventPlaylistThatEndsAndAnArchiveIsVod() {
        Timeline t = MpdWriterTest.contiguous(0, 20_000_000, 2);
        String live = text(HlsPlaylists.media(video(t), ANCHOR, true, false, false));
        assertTrue(live.contains("#EXT-X-PLAYLIST-TYPE:EVENT\n") && !live.contains("ENDLIST"), live);
        String ended = text(HlsPlaylists.media(video(t), ANCHOR, true, true, false));
        assertTrue(ended.endsWith("#EXT-X-ENDLIST\n"), ended);
        String archived = text(HlsPlaylists.media(video(t), null, true, true, true));
        assertTrue(archived.contains("#EXT-X-PLAYLIST-TYPE:VOD\n") && !archived.contains("PROGRAM-DATE-TIME"),
                archived);
    }
}
