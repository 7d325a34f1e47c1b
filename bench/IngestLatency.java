import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ingest-to-available latency: replays a recorded Smooth push (a body saved by ingest-capture.py) as one chunked
 * POST, one fragment at a time, and after the last byte of video fragment N+k (k = lookahead) polls until fragment N
 * answers 200 and until the manifest lists it. Prints p50/p99 of both, in milliseconds.
 *
 *   java bench/IngestLatency.java BASE_URL POINT_PATH CAPTURED_BODY [LOOKAHEAD]
 */
public class IngestLatency {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    record Fragment(int track, long time, byte[] bytes) {
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        String point = args[1];
        byte[] body = Files.readAllBytes(Path.of(args[2]));
        int lookahead = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        List<Fragment> fragments = new ArrayList<>();
        int headerEnd = split(body, fragments);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /" + point + "/Streams(latency) HTTP/1.1\r\nHost: " + base.getHost()
                    + "\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            chunk(out, Arrays.copyOf(body, headerEnd));
            List<Long> videoTimes = new ArrayList<>();
            List<Double> fragmentLatency = new ArrayList<>();
            List<Double> manifestLatency = new ArrayList<>();
            long bitrate = -1;
            for (Fragment f : fragments) {
                chunk(out, f.bytes());
                if (f.track() != 1) {
                    continue;
                }
                long sent = System.nanoTime();
                videoTimes.add(f.time());
                int n = videoTimes.size() - 1 - lookahead;
                if (n < 0) {
                    continue;
                }
                if (bitrate < 0) {
                    bitrate = firstBitrate(get(base, point + "/Manifest"));
                }
                String fragment = point + "/QualityLevels(" + bitrate + ")/Fragments(video_und=" + videoTimes.get(n) + ")";
                while (status(base, fragment) != 200) {
                    Thread.onSpinWait();
                }
                fragmentLatency.add((System.nanoTime() - sent) / 1e6);
                while (listedVideo(get(base, point + "/Manifest")) < n + 1) {
                    Thread.onSpinWait();
                }
                manifestLatency.add((System.nanoTime() - sent) / 1e6);
                Thread.sleep(20);
            }
            System.out.printf("ingest-to-available over %d fragments (lookahead %d): fragment GET p50 %.2f ms p99 %.2f ms;"
                    + " manifest listing p50 %.2f ms p99 %.2f ms%n", fragmentLatency.size(), lookahead,
                    percentile(fragmentLatency, 50), percentile(fragmentLatency, 99),
                    percentile(manifestLatency, 50), percentile(manifestLatency, 99));
        }
    }

    /** Splits a recorded body into its header (returned: where the first moof starts) and its moof+mdat pairs. */
    private static int split(byte[] body, List<Fragment> fragments) {
        int at = 0;
        int headerEnd = -1;
        while (at + 8 <= body.length) {
            int size = ByteBuffer.wrap(body, at, 4).getInt();
            String type = new String(body, at + 4, 4, StandardCharsets.US_ASCII);
            if (type.equals("moof")) {
                if (headerEnd < 0) {
                    headerEnd = at;
                }
                int mdatSize = ByteBuffer.wrap(body, at + size, 4).getInt();
                byte[] bytes = Arrays.copyOfRange(body, at, at + size + mdatSize);
                fragments.add(new Fragment(trackId(bytes), tfxdTime(bytes), bytes));
                at += size + mdatSize;
            } else {
                at += size;
            }
        }
        return headerEnd;
    }

    private static int trackId(byte[] moof) {
        int tfhd = indexOf(moof, "tfhd".getBytes(StandardCharsets.US_ASCII));
        return ByteBuffer.wrap(moof, tfhd + 8, 4).getInt();
    }

    private static long tfxdTime(byte[] moof) {
        byte[] uuid = {0x6D, 0x1D, (byte) 0x9B, 0x05, 0x42, (byte) 0xD5, 0x44, (byte) 0xE6, (byte) 0x80, (byte) 0xE2,
            0x14, 0x1D, (byte) 0xAF, (byte) 0xF7, 0x57, (byte) 0xB2};
        int at = indexOf(moof, uuid);
        return ByteBuffer.wrap(moof, at + 20, 8).getLong();
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("pattern not found");
    }

    private static void chunk(OutputStream out, byte[] data) throws IOException {
        ByteArrayOutputStream chunk = new ByteArrayOutputStream(data.length + 16);
        chunk.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        chunk.write(data);
        chunk.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.write(chunk.toByteArray());
        out.flush();
    }

    private static int status(URI base, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(base.resolve("/" + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String get(URI base, String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(base.resolve("/" + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 200 ? r.body() : "";
    }

    private static long firstBitrate(String manifest) {
        Matcher m = Pattern.compile("Bitrate=\"(\\d+)\"").matcher(manifest);
        if (!m.find()) {
            throw new IllegalStateException("no quality level in the manifest yet");
        }
        return Long.parseLong(m.group(1));
    }

    /** Listed fragments of the first stream (video), counting r runs. */
    private static int listedVideo(String manifest) {
        int end = manifest.indexOf("</StreamIndex>");
        if (end < 0) {
            return 0;
        }
        Matcher m = Pattern.compile("<c [^>]*?(r=\"(\\d+)\")?[^>]*/>").matcher(manifest.substring(0, end));
        int count = 0;
        while (m.find()) {
            count += m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
        }
        return count;
    }

    private static double percentile(List<Double> values, int p) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
