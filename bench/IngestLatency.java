import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
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
 * POST, one fragment at a time, and after the last byte of video fragment N+k (k = lookahead) is written polls until
 * fragment N answers 200 and until the manifest lists it. Every socket (the POST and the two keep-alive GET
 * connections) sets TCP_NODELAY, so no Nagle delay is measured. Prints p50/p99 of both, in milliseconds, over every
 * video fragment of the body (at least 300 wanted: record 600+ s). Client-side times only: the server does not log
 * when it releases a fragment or answers its first 200.
 *
 *   java bench/IngestLatency.java BASE_URL POINT_PATH CAPTURED_BODY [LOOKAHEAD]
 */
public class IngestLatency {
    /** A keep-alive HTTP/1.1 GET connection with TCP_NODELAY; reads Content-Length or chunked bodies. */
    static final class Getter implements AutoCloseable {
        private final String host;
        private final int port;
        private Socket socket;
        private java.io.InputStream in;
        private OutputStream out;

        Getter(URI base) {
            host = base.getHost();
            port = base.getPort();
        }

        /** Status and body of GET /path (body kept only when keep is true). */
        Object[] get(String path, boolean keep) throws IOException {
            for (int attempt = 0; ; attempt++) {
                try {
                    if (socket == null) {
                        socket = new Socket(host, port);
                        socket.setTcpNoDelay(true);
                        in = new java.io.BufferedInputStream(socket.getInputStream(), 1 << 16);
                        out = socket.getOutputStream();
                    }
                    out.write(("GET /" + path + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    return read(keep);
                } catch (IOException e) {
                    close();
                    if (attempt > 0) {
                        throw e;
                    }
                }
            }
        }

        private Object[] read(boolean keep) throws IOException {
            String status = line();
            if (status == null) {
                throw new IOException("connection closed");
            }
            int code = Integer.parseInt(status.split(" ")[1]);
            long length = 0;
            boolean chunked = false;
            boolean closing = false;
            for (String h = line(); h != null && !h.isEmpty(); h = line()) {
                String lower = h.toLowerCase();
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(h.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    closing = true;
                }
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (chunked) {
                for (long n = Long.parseLong(line().split(";")[0].trim(), 16); n > 0;
                        n = Long.parseLong(line().split(";")[0].trim(), 16)) {
                    copy(n, body, keep);
                    line();
                }
                for (String t = line(); t != null && !t.isEmpty(); t = line()) {
                    // trailers
                }
            } else {
                copy(length, body, keep);
            }
            if (closing) {
                close();
            }
            return new Object[] {code, body.toString(StandardCharsets.UTF_8)};
        }

        private void copy(long n, ByteArrayOutputStream to, boolean keep) throws IOException {
            byte[] buffer = new byte[8192];
            while (n > 0) {
                int r = in.read(buffer, 0, (int) Math.min(buffer.length, n));
                if (r < 0) {
                    throw new IOException("short body");
                }
                if (keep) {
                    to.write(buffer, 0, r);
                }
                n -= r;
            }
        }

        private String line() throws IOException {
            StringBuilder b = new StringBuilder();
            for (int c = in.read(); c >= 0; c = in.read()) {
                if (c == '\n') {
                    int len = b.length();
                    return len > 0 && b.charAt(len - 1) == '\r' ? b.substring(0, len - 1) : b.toString();
                }
                b.append((char) c);
            }
            return b.length() == 0 ? null : b.toString();
        }

        @Override
        public void close() {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }

    private static Getter fragmentGetter;
    private static Getter manifestGetter;

    record Fragment(int track, long time, byte[] bytes) {
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        String point = args[1];
        byte[] body = Files.readAllBytes(Path.of(args[2]));
        int lookahead = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        List<Fragment> fragments = new ArrayList<>();
        int headerEnd = split(body, fragments);
        fragmentGetter = new Getter(base);
        manifestGetter = new Getter(base);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            // the base URL's user info signs the POST in, as ffmpeg does with http://user:password@host/
            String signIn = base.getRawUserInfo() == null ? "" : "Authorization: Basic " + java.util.Base64.getEncoder()
                    .encodeToString(java.net.URLDecoder.decode(base.getRawUserInfo(), StandardCharsets.UTF_8)
                            .getBytes(StandardCharsets.UTF_8)) + "\r\n";
            out.write(("POST /" + point + "/Streams(latency) HTTP/1.1\r\nHost: " + base.getHost()
                    + "\r\nTransfer-Encoding: chunked\r\n" + signIn + "\r\n").getBytes(StandardCharsets.US_ASCII));
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
                while (bitrate < 0) { // the manifest answers once every track has enough fragments
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
        return (Integer) fragmentGetter.get(path, false)[0];
    }

    private static String get(URI base, String path) throws Exception {
        Object[] r = manifestGetter.get(path, true);
        return (Integer) r[0] == 200 ? (String) r[1] : "";
    }

    private static long firstBitrate(String manifest) {
        Matcher m = Pattern.compile("Bitrate=\"(\\d+)\"").matcher(manifest);
        if (!m.find()) {
            return -1;
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
