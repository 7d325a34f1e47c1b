package org.openlss.hls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The exact text of master and media playlists, as RFC 8216 and the reference players read it. */
class PlaylistsTest {
    private static final long S = 10_000_000;
    private static final long DATE = 1_717_267_400_000L;
    private static final HlsOptions PLAIN = new HlsOptions(Duration.ofSeconds(4), 1_600_000, false, false, true, null);

    @Test
    void aLiveMediaPlaylistWithADiscontinuity() {
        List<Segment> segments = List.of(new Segment(7, 28 * S, 4 * S, false, DATE),
                new Segment(8, 32 * S, 4 * S + 1, false, DATE + 4000),
                new Segment(9, 50 * S, 3_999_999, true, DATE + 20_000));
        String playlist = text(new MediaPlaylist("video_und", S, PLAIN, MediaPlaylist.Type.LIVE).write(segments, 4, 2, false));
        assertEquals("""
                #EXTM3U
                #EXT-X-VERSION:3
                #EXT-X-TARGETDURATION:4
                #EXT-X-MEDIA-SEQUENCE:7
                #EXT-X-DISCONTINUITY-SEQUENCE:2
                #EXT-X-ALLOW-CACHE:NO
                #EXT-X-PROGRAM-DATE-TIME:2024-06-01T18:43:20.000Z
                #EXTINF:4.000,
                Fragments(video_und=280000000,format=m3u8-aapl)
                #EXT-X-PROGRAM-DATE-TIME:2024-06-01T18:43:24.000Z
                #EXTINF:4.000,
                Fragments(video_und=320000000,format=m3u8-aapl)
                #EXT-X-DISCONTINUITY
                #EXT-X-PROGRAM-DATE-TIME:2024-06-01T18:43:40.000Z
                #EXTINF:0.400,
                Fragments(video_und=500000000,format=m3u8-aapl)
                """, playlist);
    }

    @Test
    void aMasterPlaylistWithTwoSubtitlesRenditions() {
        List<MasterPlaylist.Entry> variants = List.of(new MasterPlaylist.Entry(800_000, Map.of(), 900_000, 640, 360,
                null));
        List<MasterPlaylist.Subtitles> subtitles = List.of(
                new MasterPlaylist.Subtitles("captions_en", "en", true,
                        MasterPlaylist.levelManifest(1000, Map.of(), "captions_en", false)),
                new MasterPlaylist.Subtitles("the \"other\" one", null, false,
                        MasterPlaylist.levelManifest(1000, Map.of(), "other", false)));
        assertEquals("""
                #EXTM3U
                #EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="subs",NAME="captions_en",LANGUAGE="en",DEFAULT=YES,\
                AUTOSELECT=YES,URI="QualityLevels(1000)/Manifest(captions_en,format=m3u8-aapl)"
                #EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="subs",NAME="the 'other' one",DEFAULT=NO,AUTOSELECT=YES,\
                URI="QualityLevels(1000)/Manifest(other,format=m3u8-aapl)"
                #EXT-X-STREAM-INF:PROGRAM-ID=1,BANDWIDTH=900000,RESOLUTION=640x360,SUBTITLES="subs"
                QualityLevels(800000)/Manifest(video_und,format=m3u8-aapl)
                """, text(MasterPlaylist.write("video_und", variants, false, subtitles)));
    }

    @Test
    void anEndedEncryptedWholeEventPlaylistForOldDevices() {
        HlsOptions options = new HlsOptions(Duration.ofSeconds(10), 1_600_000, true, true, false, new byte[16]);
        List<Segment> segments = List.of(new Segment(0, 0, 96 * S / 10, false, DATE + 1));
        String playlist = text(new MediaPlaylist("v", S, options, MediaPlaylist.Type.EVENT).write(segments, 10, 0, true));
        assertEquals("""
                #EXTM3U
                #EXT-X-TARGETDURATION:10
                #EXT-X-MEDIA-SEQUENCE:0
                #EXT-X-ALLOW-CACHE:YES
                #EXT-X-KEY:METHOD=AES-128,URI="../KeyFile(format=m3u8-aapl)"
                #EXT-X-PROGRAM-DATE-TIME:2024-06-01T18:43:20.001Z
                #EXTINF:10,
                Fragments(v=0,format=m3u8-aapl).ts
                #EXT-X-ENDLIST
                """, playlist);
        String event = text(new MediaPlaylist("v", S, PLAIN, MediaPlaylist.Type.EVENT).write(segments, 10, 0, false));
        assertEquals(List.of("#EXT-X-PLAYLIST-TYPE:EVENT", "#EXTINF:9.600,"),
                event.lines().filter(l -> l.startsWith("#EXT-X-PLAYLIST-TYPE") || l.startsWith("#EXTINF")).toList());
    }

    @Test
    void theMasterPlaylistListsVariantsLowestFirst() {
        List<MasterPlaylist.Entry> variants = List.of(
                new MasterPlaylist.Entry(800_000, Map.of(), 985_600, 640, 360, "avc1.64001e,mp4a.40.2"),
                new MasterPlaylist.Entry(250_000, Map.of("b", "2", "a", "1"), 380_600, 0, 0, null));
        assertEquals("""
                #EXTM3U
                #EXT-X-STREAM-INF:PROGRAM-ID=1,BANDWIDTH=380600
                QualityLevels(250000,a=1,b=2)/Manifest(video_und,format=m3u8-aapl)
                #EXT-X-STREAM-INF:PROGRAM-ID=1,BANDWIDTH=985600,RESOLUTION=640x360,CODECS="avc1.64001e,mp4a.40.2"
                QualityLevels(800000)/Manifest(video_und,format=m3u8-aapl)
                """, text(MasterPlaylist.write("video_und", variants, false)));
        assertEquals("QualityLevels(250000,a=1,b=2)/Manifest(video_und,format=m3u8-aapl).m3u8",
                text(MasterPlaylist.write("video_und", variants.subList(1, 2), true)).lines().toList().get(2));
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
