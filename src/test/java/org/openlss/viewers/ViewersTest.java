package org.openlss.viewers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The viewer simulator against a fake live channel on loopback that lists one more 1-second fragment every second
 * (4 listed at the start): viewers fetch each new fragment once from where a player starts, and report stalls and
 * failures when the channel stops or fails.
 */
class ViewersTest {
    private static final Pattern FRAGMENT = Pattern.compile("QualityLevels\\((\\d+)\\)/Fragments\\((video|audio)=(\\d+)(,format=m3u8-aapl)?\\)");
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private HttpServer server;
    private long startNanos;
    private volatile double freezeAfter = Double.MAX_VALUE;
    private volatile long failingVideoTime = -1;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void liveViewersStartThreeFromTheEdgeSeekersAtTheWindowStartAndEachFetchesEveryFragmentOnce() throws Exception {
        Tally total = run(2, 0.5, 0.5, 4.5);

        assertEquals(0, total.failures(), total.line());
        assertEquals(0, total.stalls(), total.line());
        List<Long> smoothVideo = times("QualityLevels(100000)/Fragments(video=");
        List<Long> smoothAudio = times("QualityLevels(64000)/Fragments(audio=");
        List<Long> hls = times("QualityLevels(200000)/Fragments(video=");
        assertEquals(1, smoothVideo.get(0), "the live Smooth viewer starts three fragments from the live edge: " + smoothVideo);
        assertContiguous(smoothVideo);
        assertTrue(smoothVideo.size() >= 6, "it followed the live edge: " + smoothVideo);
        assertEquals(48000, smoothAudio.get(0), "audio from where the video starts (timescale 48 kHz): " + smoothAudio);
        assertContiguous(smoothAudio.stream().map(t -> t / 48000).toList());
        assertTrue(Math.abs(smoothAudio.size() - smoothVideo.size()) <= 1, smoothAudio + " / " + smoothVideo);
        assertEquals(0, hls.get(0), "the HLS seeker starts at the first listed segment, the higher variant: " + hls);
        assertContiguous(hls);
        assertTrue(total.requests("manifest") >= 4 && total.requests("playlist") >= 4,
                "lists refreshed about every fragment duration: " + total.line());
        assertEquals(1, requests.stream().filter(r -> r.contains("manifest(format=m3u8-aapl)")).count(),
                "the master playlist once");
    }

    @Test
    void aChannelThatStopsShowsAsStallsAndFailedFragmentsAsFailuresAfterRetries() throws Exception {
        freezeAfter = 1.5;
        failingVideoTime = 5;
        Tally total = run(2, 0.5, 0, 5);

        assertEquals(2, total.stalls(), "each viewer froze once when the channel stopped: " + total.line());
        assertEquals(0, times("Fragments(video=5").size(), "never listed: " + requests);
        failingVideoTime = 3;
        requests.clear();
        freezeAfter = Double.MAX_VALUE;
        Tally failing = run(1, 0, 0, 4.5);
        assertEquals(3, failing.failuresByCause().get("fragment HTTP 500"), "tried three times: " + failing.line());
        assertEquals(1, failing.stalls(), "the missing second froze the picture: " + failing.line());
        assertEquals(List.of(1L, 2L, 3L, 3L, 3L, 4L), times("QualityLevels(100000)/Fragments(video=").subList(0, 6),
                "skipped after the third try, then on");
    }

    @Test
    void optionsSayWhatIsWrong() {
        assertEquals("--base and --points are required",
                assertThrows(IllegalArgumentException.class, () -> Viewers.Options.parse("--viewers", "3")).getMessage());
        assertEquals("--hls-share is a share between 0 and 1, not 2", assertThrows(IllegalArgumentException.class,
                () -> Viewers.Options.parse("--base", "http://x/", "--points", "a.isml", "--hls-share", "2")).getMessage());
        assertEquals("unknown option --nope", assertThrows(IllegalArgumentException.class,
                () -> Viewers.Options.parse("--nope", "1")).getMessage());
        assertEquals(List.of(false, true, false, true), List.of(Viewers.Options.pick(0, 0.5), Viewers.Options.pick(1, 0.5),
                Viewers.Options.pick(2, 0.5), Viewers.Options.pick(3, 0.5)), "a share spreads over the viewers");
        assertFalse(Viewers.Options.pick(0, 0));
    }

    private Tally run(int viewers, double hlsShare, double seekShare, double seconds) throws Exception {
        if (server == null) {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", this::serve);
            server.start();
        }
        startNanos = System.nanoTime();
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Tally total = Viewers.run(Viewers.Options.parse("--base", base.toString(), "--points", "live/p.isml",
                "--viewers", String.valueOf(viewers), "--seconds", String.valueOf(seconds),
                "--hls-share", String.valueOf(hlsShare), "--seek-share", String.valueOf(seekShare),
                "--buffer", "30", "--every", "2", "--ramp", "0"), new PrintStream(printed, true, StandardCharsets.UTF_8));
        String report = printed.toString(StandardCharsets.UTF_8);
        assertTrue(report.contains("  2.0 s  ") && report.contains("total    "), report);
        return total;
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.add(path);
        double elapsed = Math.min((System.nanoTime() - startNanos) / 1e9, freezeAfter);
        int listed = 4 + (int) elapsed;
        String body;
        int status = 200;
        Matcher fragment = FRAGMENT.matcher(path);
        if (path.endsWith("/Manifest")) {
            body = "<SmoothStreamingMedia MajorVersion=\"2\" MinorVersion=\"2\" TimeScale=\"10000000\" IsLive=\"TRUE\">"
                    + "<StreamIndex Type=\"video\" Name=\"video\" Url=\"QualityLevels({bitrate})/Fragments(video={start time})\">"
                    + "<QualityLevel Index=\"0\" Bitrate=\"100000\"/><QualityLevel Index=\"1\" Bitrate=\"200000\"/>"
                    + "<c t=\"0\" d=\"10000000\" r=\"" + listed + "\"/></StreamIndex>"
                    + "<StreamIndex Type=\"audio\" Name=\"audio\" TimeScale=\"48000\" Url=\"QualityLevels({bitrate})/Fragments(audio={start time})\">"
                    + "<QualityLevel Index=\"0\" Bitrate=\"64000\"/><c t=\"0\" d=\"48000\"/>"
                    + "<c d=\"48000\" r=\"" + (listed - 1) + "\"/></StreamIndex></SmoothStreamingMedia>";
        } else if (path.endsWith("/manifest(format=m3u8-aapl)")) {
            body = "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=200000\nQualityLevels(200000)/Manifest(video,format=m3u8-aapl)\n"
                    + "#EXT-X-STREAM-INF:BANDWIDTH=100000\nQualityLevels(100000)/Manifest(video,format=m3u8-aapl)\n";
        } else if (path.endsWith("/Manifest(video,format=m3u8-aapl)")) {
            StringBuilder playlist = new StringBuilder("#EXTM3U\n#EXT-X-TARGETDURATION:1\n#EXT-X-MEDIA-SEQUENCE:0\n");
            for (int i = 0; i < listed; i++) {
                playlist.append("#EXTINF:1.000,\nFragments(video=").append(i).append(",format=m3u8-aapl)\n");
            }
            body = playlist.toString();
        } else if (fragment.find()) {
            long time = Long.parseLong(fragment.group(3));
            long second = fragment.group(2).equals("audio") ? time / 48000 : time / 10_000_000L;
            boolean hls = fragment.group(4) != null;
            long index = hls ? time : second;
            status = index >= listed ? 404 : fragment.group(2).equals("video") && index == failingVideoTime ? 500 : 200;
            body = "x".repeat(1000);
        } else {
            status = 404;
            body = "no such resource";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** The times (seconds, or HLS indexes) of requests whose path contains {@code prefix}, in request order. */
    private List<Long> times(String prefix) {
        List<Long> times = new ArrayList<>();
        synchronized (requests) {
            for (String r : requests) {
                if (r.contains(prefix)) {
                    Matcher m = FRAGMENT.matcher(r);
                    assertTrue(m.find(), r);
                    long t = Long.parseLong(m.group(3));
                    times.add(m.group(4) != null || m.group(2).equals("audio") ? t : t / 10_000_000L);
                }
            }
        }
        return times;
    }

    private static void assertContiguous(List<Long> times) {
        for (int i = 1; i < times.size(); i++) {
            assertEquals(times.get(i - 1) + 1, times.get(i), "each once, in order: " + times);
        }
    }
}
