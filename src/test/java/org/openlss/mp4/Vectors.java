package org.openlss.mp4;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The committed encoder captures (see src/test/resources/org/openlss/mp4/README.md) and ways to feed them. */
final class Vectors {
    /** ffmpeg, one POST: video 160x90 (track 1), video 128x72 (track 2), AAC 48 kHz stereo (track 3), 4 s. */
    static final String STREAM1 = "ffmpeg-stream1.body";
    /** ffmpeg --per-track: the audio-only POST (trackID 1). */
    static final String AUDIO0 = "ffmpeg-audio0.body";
    /** ffmpeg, B-frames (signed composition offsets), timeline from 3600 s. */
    static final String BFRAMES = "ffmpeg-bframes.body";
    /** ffmpeg, 32x18 video + 8 kHz mono AAC, 1 s: the fuzz seed. */
    static final String TINY = "ffmpeg-tiny.body";
    /** ffmpeg -f ismv on-demand file (no manifest box, mfra index at the end). */
    static final String ONDEMAND = "ffmpeg-ondemand.ismv";

    private Vectors() {
    }

    static byte[] resource(String name) {
        try (InputStream in = Vectors.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One fragment as boxdump.py lists it. */
    record Expected(int trackId, long time, long duration, int samples, int moofOffset, int moofSize,
                    int mdatOffset, int mdatSize) {
    }

    /** The boxdump.py facts committed next to a capture ({@code <name>.fragments}). */
    static List<Expected> expected(String capture) {
        String name = capture.substring(0, capture.lastIndexOf('.')) + ".fragments";
        List<Expected> list = new ArrayList<>();
        for (String line : new String(resource(name), StandardCharsets.US_ASCII).split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.trim().split(" ");
            list.add(new Expected(Integer.parseInt(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]),
                    Integer.parseInt(f[3]), Integer.parseInt(f[4]), Integer.parseInt(f[5]),
                    Integer.parseInt(f[6]), Integer.parseInt(f[7])));
        }
        return list;
    }

    /** Records what an IngestParser delivers. */
    static final class Recorder implements IngestParser.Listener {
        final List<IngestHeader> headers = new ArrayList<>();
        final List<IngestFragment> fragments = new ArrayList<>();
        int endOfStream;

        @Override
        public void onHeader(IngestHeader header) {
            headers.add(header);
        }

        @Override
        public void onFragment(IngestFragment fragment) {
            fragments.add(fragment);
        }

        @Override
        public void onEndOfStream() {
            endOfStream++;
        }
    }

    /** Parses {@code body} fed in chunks of {@code chunk} bytes (0 = whole, -1 = random sizes from {@code seed}). */
    static Recorder ingest(byte[] body, int chunk, long seed) {
        Recorder recorder = new Recorder();
        IngestParser parser = new IngestParser(recorder);
        feed(body, chunk, seed, parser::feed);
        parser.endOfBody();
        return recorder;
    }

    interface Sink {
        void accept(ByteBuffer data);
    }

    static void feed(byte[] body, int chunk, long seed, Sink sink) {
        Random random = new Random(seed);
        int at = 0;
        while (at < body.length) {
            int n = chunk == 0 ? body.length : chunk > 0 ? chunk : 1 + random.nextInt(random.nextBoolean() ? 16 : 20_000);
            n = Math.min(n, body.length - at);
            sink.accept(ByteBuffer.wrap(body, at, n).slice());
            at += n;
        }
    }
}
