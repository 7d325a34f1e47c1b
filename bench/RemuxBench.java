import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openlss.mp4.AudioSpecificConfig;
import org.openlss.mp4.AvcDecoderConfig;
import org.openlss.mp4.FragmentSamples;
import org.openlss.mp4.IngestFragment;
import org.openlss.mp4.IngestBody;
import org.openlss.mp4.MovieFragment;
import org.openlss.mp4.TrackDescription;
import org.openlss.mp4.TrackType;
import org.openlss.ts.AdtsConfig;
import org.openlss.ts.AudioFrame;
import org.openlss.ts.AvcParameters;
import org.openlss.ts.ContinuityCounters;
import org.openlss.ts.Timestamps;
import org.openlss.ts.TsSegmentWriter;
import org.openlss.ts.VideoAccessUnit;

/**
 * Remux throughput of our TS muxer against {@code ffmpeg -c copy -f mpegts}, on the same fragments: a live Smooth
 * ingest body (what an encoder POSTs) holding the first video quality level and the audio. Ours does what the HLS
 * segmenter does per segment: parse each fragment's moof, map the sample times to 90 kHz, write TS; both figures are
 * input bytes (moof + mdat of the two tracks) per second. Run by bench/run.sh:
 *
 * <pre>java -cp target/classes bench/RemuxBench.java live.body [loops]</pre>
 */
public class RemuxBench {
    private static final int ROUNDS = 3;

    public static void main(String[] args) throws Exception {
        Path body = Path.of(args[0]);
        int loops = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Clip clip = Clip.read(body);
        for (int warmup = 0; warmup < 3; warmup++) {
            clip.remux(loops / 4);
        }
        double ours = Double.MAX_VALUE;
        double ffmpeg = Double.MAX_VALUE;
        long tsBytes = 0;
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            tsBytes = clip.remux(loops);
            ours = Math.min(ours, (System.nanoTime() - start) / 1e9);
            start = System.nanoTime();
            Process p = new ProcessBuilder("ffmpeg", "-nostdin", "-v", "error",
                    "-stream_loop", String.valueOf(loops - 1), "-i", body.toString(), "-map", "0:v:0", "-map", "0:a:0",
                    "-c", "copy", "-f", "mpegts", "-y", "/dev/null").inheritIO().start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("ffmpeg failed");
            }
            ffmpeg = Math.min(ffmpeg, (System.nanoTime() - start) / 1e9);
        }
        double megabytes = clip.inputBytes * (double) loops / 1e6;
        System.out.printf(Locale.ROOT, "remux %d x %s (%.1f MB of fragments in, %.1f MB of TS out):%n", loops,
                body.getFileName(), megabytes, tsBytes / 1e6);
        System.out.printf(Locale.ROOT, "  openlss  %8.1f MB/s  (%.2f s, best of %d)%n", megabytes / ours, ours, ROUNDS);
        System.out.printf(Locale.ROOT, "  ffmpeg   %8.1f MB/s  (%.2f s, best of %d)%n", megabytes / ffmpeg, ffmpeg,
                ROUNDS);
        System.out.printf(Locale.ROOT, "  ratio    %8.2f x ffmpeg (goal >= 1.0)%n", ffmpeg / ours);
    }

    /** The first video level's and the audio's fragments as ingested, with what the muxer needs about them. */
    record Clip(TrackDescription video, TrackDescription audio, List<IngestFragment> videoFragments,
                List<IngestFragment> audioFragments, long inputBytes) {
        static Clip read(Path body) throws Exception {
            IngestBody parsed = IngestBody.parse(Files.readAllBytes(body));
            List<IngestFragment> fragments = parsed.fragments();
            TrackDescription video = parsed.header().tracks().stream().filter(t -> t.type() == TrackType.VIDEO)
                    .findFirst().orElseThrow();
            TrackDescription audio = parsed.header().tracks().stream().filter(t -> t.type() == TrackType.AUDIO)
                    .findFirst().orElseThrow();
            List<IngestFragment> v = fragments.stream().filter(f -> f.trackId() == video.trackId()).toList();
            List<IngestFragment> a = fragments.stream().filter(f -> f.trackId() == audio.trackId()).toList();
            long bytes = 0;
            for (IngestFragment f : v) {
                bytes += f.size();
            }
            for (IngestFragment f : a) {
                bytes += f.size();
            }
            return new Clip(video, audio, v, a, bytes);
        }

        /** The clip {@code loops} times, one segment per video fragment, times shifted on each pass; TS bytes. */
        long remux(int loops) {
            AvcDecoderConfig avc = AvcDecoderConfig.fromCodecPrivateData(video.codecPrivateData(),
                    video.nalLengthSize());
            TsSegmentWriter writer = TsSegmentWriter.audioVideo(new AvcParameters(avc.nalLengthSize(), avc.sps(),
                    avc.pps()), AdtsConfig.of(AudioSpecificConfig.parse(audio.codecPrivateData())), new ContinuityCounters());
            long clipLength = videoFragments.get(videoFragments.size() - 1).time()
                    + videoFragments.get(videoFragments.size() - 1).duration();
            long total = 0;
            for (int loop = 0; loop < loops; loop++) {
                long shift = clipLength * loop;
                int a = 0;
                for (int i = 0; i < videoFragments.size(); i++) {
                    IngestFragment f = videoFragments.get(i);
                    long end = f.time() + f.duration();
                    List<VideoAccessUnit> units = new ArrayList<>();
                    FragmentSamples s = samples(f);
                    for (int k = 0; k < s.count(); k++) {
                        long dts = f.time() + s.decodeOffset(k) + shift;
                        long pts = Timestamps.toMpegTicks(dts + s.compositionOffset(k), video.timescale());
                        units.add(new VideoAccessUnit(Timestamps.toMpegTicks(dts, video.timescale()), pts, f.mdat(),
                                s.mdatOffset(k), s.size(k)));
                    }
                    List<AudioFrame> frames = new ArrayList<>();
                    for (; a < audioFragments.size() && (audioFragments.get(a).time() < end
                            || i == videoFragments.size() - 1); a++) {
                        IngestFragment af = audioFragments.get(a);
                        FragmentSamples as = samples(af);
                        for (int k = 0; k < as.count(); k++) {
                            frames.add(new AudioFrame(Timestamps.toMpegTicks(af.time() + as.decodeOffset(k) + shift,
                                    audio.timescale()), af.mdat(), as.mdatOffset(k), as.size(k)));
                        }
                    }
                    byte[] segment = writer.writeSegment(units, frames);
                    total += segment.length;
                }
            }
            return total;
        }

        /** What the segmenter does for every stored fragment: parse its moof. */
        private static FragmentSamples samples(IngestFragment f) {
            return FragmentSamples.parse(f.moof(), MovieFragment.parse(f.moof()).trackFragments().get(0),
                    org.openlss.mp4.TrackExtends.none(f.trackId()), 8, f.mdat().length);
        }
    }
}
