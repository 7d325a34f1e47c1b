package org.openlss.viewers;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Simulated viewers for capacity and soak runs (bench/): N per publishing point, Smooth and HLS mixed, a share of them
 * seeking back to the start of the DVR window; they follow the live edge as players do (see {@link Viewer}) and the
 * run reports per-request latency, failures and stalls, every interval and in total.
 *
 * <pre>java -cp target/test-classes org.openlss.viewers.Viewers --base http://127.0.0.1:8080/ \
 *     --points live/a.isml,live/b.isml --viewers 10 --seconds 60 [--hls-share 0.5] [--seek-share 0.1] \
 *     [--buffer 30] [--every 10] [--ramp 2]</pre>
 */
public final class Viewers {
    /** What the viewers share: the HTTP client, the timer, the clock and the tallies. */
    static final class Session implements AutoCloseable {
        private final ExecutorService callbacks = Executors.newFixedThreadPool(4, daemon("viewers-http"));
        private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, daemon("viewers-timer"));
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(callbacks).build();
        private final long startNanos = System.nanoTime();
        private final double seconds;
        private final double bufferSeconds;
        private final Tally total = new Tally();
        private volatile Tally interval = new Tally();

        Session(double seconds, double bufferSeconds) {
            this.seconds = seconds;
            this.bufferSeconds = bufferSeconds;
        }

        double now() {
            return (System.nanoTime() - startNanos) / 1e9;
        }

        boolean over() {
            return now() >= seconds;
        }

        double secondsLeft() {
            return Math.max(0, seconds - now());
        }

        double bufferSeconds() {
            return bufferSeconds;
        }

        ScheduledExecutorService timer() {
            return timer;
        }

        Tally total() {
            return total;
        }

        /** The interval's tally so far, and a fresh one for the next. */
        Tally nextInterval() {
            Tally ended = interval;
            interval = new Tally();
            return ended;
        }

        /** GETs a manifest or playlist: its text, or null when it failed (counted). */
        CompletableFuture<String> text(String kind, URI uri) {
            long t0 = System.nanoTime();
            return http.sendAsync(get(uri), HttpResponse.BodyHandlers.ofByteArray()).handle((response, failure) ->
                    answered(kind, t0, response, failure, response == null ? 0 : response.body().length)
                            ? new String(response.body(), StandardCharsets.UTF_8) : null);
        }

        /** GETs a fragment or segment, counting its bytes without keeping them: true when it came whole. */
        CompletableFuture<Boolean> media(String kind, URI uri) {
            long t0 = System.nanoTime();
            AtomicLong size = new AtomicLong();
            return http.sendAsync(get(uri), info -> HttpResponse.BodySubscribers.ofByteArrayConsumer(
                    chunk -> chunk.ifPresent(b -> size.addAndGet(b.length))))
                    .handle((response, failure) -> answered(kind, t0, response, failure, size.get()));
        }

        /** Counts an answer: true for a 200, else its failure by status or exception. */
        private boolean answered(String kind, long t0, HttpResponse<?> response, Throwable failure, long size) {
            if (failure != null) {
                failed(kind, failure);
                return false;
            }
            if (response.statusCode() != 200) {
                failed(kind, "HTTP " + response.statusCode());
                return false;
            }
            ok(kind, System.nanoTime() - t0, size);
            return true;
        }

        private static HttpRequest get(URI uri) {
            return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build();
        }

        private void ok(String kind, long nanos, long size) {
            total.ok(kind, nanos, size);
            interval.ok(kind, nanos, size);
        }

        void failed(String kind, Throwable failure) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            failed(kind, cause.getClass().getSimpleName());
        }

        private void failed(String kind, String cause) {
            total.failed(kind, cause);
            interval.failed(kind, cause);
        }

        void stalled(String viewer, int count) {
            total.stalled(viewer, count);
            interval.stalled(viewer, count);
        }

        @Override
        public void close() {
            timer.shutdownNow();
            callbacks.shutdownNow();
        }

        private static java.util.concurrent.ThreadFactory daemon(String name) {
            return r -> {
                Thread t = new Thread(r, name);
                t.setDaemon(true);
                return t;
            };
        }
    }

    /** The run's settings, as given on the command line. */
    record Options(URI base, List<String> points, int viewersPerPoint, double seconds, double hlsShare,
                   double seekShare, double bufferSeconds, double everySeconds, double rampSeconds) {
        static Options parse(String... args) {
            URI base = null;
            List<String> points = List.of();
            int viewers = 10;
            double seconds = 60;
            double hls = 0.5;
            double seek = 0.1;
            double buffer = 30;
            double every = 10;
            double ramp = 2;
            for (int i = 0; i < args.length; i += 2) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(args[i] + " needs a value");
                }
                String value = args[i + 1];
                switch (args[i]) {
                    case "--base" -> base = URI.create(value.endsWith("/") ? value : value + "/");
                    case "--points" -> points = List.of(value.split(","));
                    case "--viewers" -> viewers = Integer.parseInt(value);
                    case "--seconds" -> seconds = Double.parseDouble(value);
                    case "--hls-share" -> hls = share(args[i], value);
                    case "--seek-share" -> seek = share(args[i], value);
                    case "--buffer" -> buffer = Double.parseDouble(value);
                    case "--every" -> every = Double.parseDouble(value);
                    case "--ramp" -> ramp = Double.parseDouble(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (base == null || points.isEmpty()) {
                throw new IllegalArgumentException("--base and --points are required");
            }
            return new Options(base, points, viewers, seconds, hls, seek, buffer, every, ramp);
        }

        private static double share(String option, String value) {
            double share = Double.parseDouble(value);
            if (share < 0 || share > 1) {
                throw new IllegalArgumentException(option + " is a share between 0 and 1, not " + value);
            }
            return share;
        }

        /** Whether viewer {@code i} of a point is one of the {@code share}: spread evenly, not the first ones. */
        static boolean pick(int i, double share) {
            return Math.floor((i + 1) * share) > Math.floor(i * share);
        }
    }

    private Viewers() {
    }

    public static void main(String[] args) throws InterruptedException {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("viewers: " + e.getMessage());
            System.exit(2);
            return;
        }
        Tally total = run(options, System.out);
        System.exit(total.requests("fragment") + total.requests("segment") == 0 ? 1 : 0);
    }

    /** Runs the viewers for the given time, printing a line per interval and the totals; returns the totals. */
    static Tally run(Options o, PrintStream out) throws InterruptedException {
        try (Session session = new Session(o.seconds(), o.bufferSeconds())) {
            List<Viewer> viewers = new ArrayList<>();
            for (String point : o.points()) {
                URI base = o.base().resolve(point.startsWith("/") ? point.substring(1) : point);
                for (int i = 0; i < o.viewersPerPoint(); i++) {
                    boolean seeker = Options.pick(i, o.seekShare());
                    viewers.add(Options.pick(i, o.hlsShare())
                            ? new HlsViewer(session, URI.create(base + "/manifest(format=m3u8-aapl)"), seeker, i)
                            : new SmoothViewer(session, URI.create(base + "/Manifest"), seeker, i));
                }
            }
            long hls = viewers.stream().filter(v -> v instanceof HlsViewer).count();
            long seekers = viewers.stream().filter(v -> v.seeker).count();
            out.printf("viewers: %d (%d Smooth, %d HLS, %d of them seeking into the DVR window) on %d points for %.0f s%n",
                    viewers.size(), viewers.size() - hls, hls, seekers, o.points().size(), o.seconds());
            for (int i = 0; i < viewers.size(); i++) {
                long delay = (long) (o.rampSeconds() * 1000 * i / viewers.size());
                session.timer().schedule(viewers.get(i)::start, delay, TimeUnit.MILLISECONDS);
            }
            double next = o.everySeconds();
            while (!session.over()) {
                Thread.sleep((long) (Math.max(0.01, Math.min(next, o.seconds()) - session.now()) * 1000));
                if (session.now() >= next || session.over()) {
                    viewers.forEach(Viewer::finish);
                    out.printf("%6.1f s  %s%n", session.now(), session.nextInterval().line());
                    next += o.everySeconds();
                }
            }
            viewers.forEach(Viewer::finish);
            Tally total = session.total();
            out.printf("total    %s%n", total.line());
            return total;
        }
    }
}
