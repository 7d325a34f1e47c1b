package org.openlss.ts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * By hand, never a timed assertion: remux throughput against {@code ffmpeg -c copy -f mpegts} on the same clip.
 * Run with {@code mvn -o test -Dtest=TsThroughputCheck -Dopenlss.throughput=true [-Dopenlss.throughput.bframes=2]}.
 * Both figures are MP4 input bytes per second; ours excludes the MP4 demuxing, which the muxer does not do.
 */
@EnabledIfSystemProperty(named = "openlss.throughput", matches = "true")
class TsThroughputCheck {
    private static final int LOOPS = 1000;
    /** Best of this many runs each. */
    private static final int ROUNDS = 5;
    /** One pass of the 6 s clip in 90 kHz ticks, with room to spare. */
    private static final long LOOP_TICKS = 7 * 90_000;

    @Test
    void remuxThroughput() {
        MediaFixture clip = MediaFixture.clip(Integer.getInteger("openlss.throughput.bframes", 0));
        long outputBytes = 0;
        for (int warmup = 0; warmup < 3; warmup++) {
            outputBytes = run(clip);
        }
        double seconds = Double.MAX_VALUE;
        double ffmpegSeconds = Double.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            run(clip);
            seconds = Math.min(seconds, (System.nanoTime() - start) / 1e9);
            start = System.nanoTime();
            ExternalTools.check("ffmpeg", "-nostdin", "-v", "error", "-stream_loop", String.valueOf(LOOPS - 1),
                    "-i", clip.file.toString(), "-map", "0", "-c", "copy", "-f", "mpegts", "-y", "/dev/null");
            ffmpegSeconds = Math.min(ffmpegSeconds, (System.nanoTime() - start) / 1e9);
        }
        double inputMb = (double) clip.bytes.length * LOOPS / 1e6;
        System.out.printf(Locale.ROOT, "%d x %s: ours %.0f MB/s (%.2f s, %.1f MB of TS), ffmpeg %.0f MB/s (%.2f s),"
                + " ratio %.2f%n", LOOPS, clip.file.getFileName(), inputMb / seconds, seconds, outputBytes / 1e6,
                inputMb / ffmpegSeconds, ffmpegSeconds, ffmpegSeconds / seconds);
    }

    /** The clip LOOPS times as 2 s segments of one variant, times shifted on each pass; returns about the TS size. */
    private static long run(MediaFixture clip) {
        TsSegmentWriter writer = TsSegmentWriter.audioVideo(clip.avc, clip.adtsConfig(), new ContinuityCounters());
        long total = 0;
        for (int loop = 0; loop < LOOPS; loop++) {
            long shift = LOOP_TICKS * (loop + 1);
            int a = 0;
            int v = 0;
            while (v < clip.video.size()) {
                List<VideoAccessUnit> units = new ArrayList<>();
                do {
                    MediaFixture.Sample s = clip.video.get(v++);
                    units.add(new VideoAccessUnit(clip.videoTicks(s.dts()) + shift, clip.videoTicks(s.pts()) + shift,
                            clip.bytes, s.position(), s.size()));
                } while (v < clip.video.size() && !clip.video.get(v).key());
                long end = v < clip.video.size() ? clip.videoTicks(clip.video.get(v).dts()) + shift : Long.MAX_VALUE;
                List<AudioFrame> frames = new ArrayList<>();
                while (a < clip.audio.size() && clip.audioTicks(clip.audio.get(a).pts()) + shift < end) {
                    MediaFixture.Sample s = clip.audio.get(a++);
                    frames.add(new AudioFrame(clip.audioTicks(s.pts()) + shift, clip.bytes, s.position(), s.size()));
                }
                byte[] segment = writer.writeSegment(units, frames);
                total += segment.length + (segment[segment.length - 1] & 1); // uses the bytes: nothing optimised away
            }
        }
        return total;
    }
}
