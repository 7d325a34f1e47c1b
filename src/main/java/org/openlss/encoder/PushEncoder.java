package org.openlss.encoder;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.openlss.mp4.BoxFormatException;
import org.openlss.mp4.ManifestBoxes;
import org.openlss.mp4.StreamManifest;

/**
 * The push encoder utility ({@code java -jar pushencoder.jar}): replays an on-demand Smooth presentation into a
 * publishing point as a live encoder would (smooth-ingest.md §9). Exit status 0 when every stream ended as it should,
 * 1 when the push failed, 2 for a wrong command line.
 */
public final class PushEncoder {
    /** Seconds between progress lines. */
    private static final long PROGRESS_SECONDS = 5;

    private PushEncoder() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the push encoder to the end; returns the exit status. */
    public static int run(String... args) {
        EncoderOptions options;
        try {
            options = EncoderOptions.parse(args);
        } catch (EncoderOptions.UsageException e) {
            System.err.println("pushencoder: " + e.getMessage());
            return 2;
        }
        if (options.help()) {
            System.out.print(EncoderOptions.USAGE);
            return 0;
        }
        try {
            push(options);
            return 0;
        } catch (PushFailure e) {
            System.err.println("pushencoder: error: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private static void push(EncoderOptions options) throws PushFailure, InterruptedException {
        ServerAddress server = ServerAddress.of(options.pointUrl(), options.headers());
        List<SourceStream> streams = new ArrayList<>(SourceFiles.open(options.media()));
        if (options.captions() != null) {
            streams.add(CaptionTrack.stream(options, streams)); // last: a sparse stream after its parent's
        }
        byte[] streamManifest = streamManifestBox(options);
        if (options.create()) {
            System.err.println("pushencoder: " + PointCreator.createAndStart(server));
        }
        LiveTimeline timeline = LiveTimeline.of(streams, options, System.currentTimeMillis());
        String prefix = options.id() != null ? options.id() : Long.toString(ProcessHandle.current().pid());
        CountDownLatch stop = new CountDownLatch(1);
        List<StreamPusher> pushers = new ArrayList<>();
        List<StreamProgress> progress = new ArrayList<>();
        for (int i = 0; i < streams.size(); i++) {
            String id = prefix + "-stream" + i;
            StreamProgress p = new StreamProgress(id, System.nanoTime());
            StreamPusher pusher = new StreamPusher(server, id, streams.get(i), streamManifest, timeline, options, stop, p);
            pusher.connect();
            System.err.println("pushencoder: " + id + ": " + streams.get(i).file().getFileName() + " -> "
                    + server.stream(id) + " (" + streams.get(i).tracks().size() + " tracks, "
                    + streams.get(i).fragments().size() + " fragments)");
            pushers.add(pusher);
            progress.add(p);
        }
        List<Thread> threads = start(pushers);
        Thread shutdown = new Thread(() -> {
            stop.countDown(); // Ctrl-C or SIGTERM: end every stream cleanly, as ffmpeg does
            threads.forEach(t -> join(t, 10));
        }, "pushencoder-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        report(threads, progress);
        try {
            Runtime.getRuntime().removeShutdownHook(shutdown);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook runs: it waits for the streams
        }
        for (StreamPusher pusher : pushers) {
            if (pusher.failure() != null) {
                stop.countDown();
                throw pusher.failure();
            }
        }
    }

    /** The /streammanifest file as its box, checked to be a stream manifest; null without the option. */
    static byte[] streamManifestBox(EncoderOptions options) throws PushFailure {
        if (options.streamManifest() == null) {
            return null;
        }
        try {
            byte[] smil = Files.readAllBytes(options.streamManifest());
            StreamManifest.parse(smil);
            return ManifestBoxes.streamManifestBox(smil);
        } catch (IOException e) {
            throw new PushFailure("cannot read the stream manifest " + options.streamManifest() + ": " + e.getMessage());
        } catch (BoxFormatException e) {
            throw new PushFailure(options.streamManifest() + " is not a stream manifest: " + e.getMessage());
        }
    }

    private static List<Thread> start(List<StreamPusher> pushers) {
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (StreamPusher pusher : pushers) {
            pusher.startAt(start);
            Thread thread = new Thread(pusher, "push-" + pusher.id());
            thread.start();
            threads.add(thread);
        }
        return threads;
    }

    /** Prints a progress line per stream every few seconds until every stream has ended, then a last one. */
    private static void report(List<Thread> threads, List<StreamProgress> progress) throws InterruptedException {
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(PROGRESS_SECONDS));
            while (thread.isAlive()) {
                progress.forEach(p -> System.err.println(p.line(System.nanoTime())));
                thread.join(TimeUnit.SECONDS.toMillis(PROGRESS_SECONDS));
            }
        }
        progress.forEach(p -> System.err.println(p.line(System.nanoTime()) + " (ended)"));
    }

    private static void join(Thread thread, long seconds) {
        try {
            thread.join(TimeUnit.SECONDS.toMillis(seconds));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
