package org.openlss.ts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openlss.testing.ExternalTools;

/**
 * Remuxes a real ffmpeg-made MP4 (without and with B-frames) into 2-second segments and lets ffmpeg and ffprobe judge
 * the result: clean decoding of each segment and of their concatenation (continuity counters run on), every
 * timestamp equal to the source's mapped to 90 kHz, and the very same decoded pictures.
 */
class TsSegmentWriterFfmpegTest {
    /** A constant shift, as a caller adds for negative decode times (the B-frame clip starts at DTS −0.08 s). */
    private static final long SHIFT_90 = 90_000;

    @ParameterizedTest(name = "B-frames: {0}")
    @ValueSource(ints = {0, 2})
    void ffmpegAcceptsEverySegmentAndTheirConcatenation(int bFrames) throws IOException {
        MediaFixture clip = MediaFixture.clip(bFrames);
        List<byte[]> segments = remux(clip);
        assertEquals(3, segments.size(), "an IDR every 2 s in 6 s");
        Path dir = Files.createDirectories(ExternalTools.workDir().resolve("remux-bf" + bFrames));
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (int i = 0; i < segments.size(); i++) {
            Path segment = dir.resolve("segment" + i + ".ts");
            Files.write(segment, segments.get(i));
            assertEquals("", ExternalTools.decodeErrors(segment), "segment " + i + " alone");
            all.writeBytes(segments.get(i));
        }
        Path joined = dir.resolve("all.ts");
        Files.write(joined, all.toByteArray());
        assertEquals("", ExternalTools.decodeErrors(joined), "segments one after the other");

        String streams = ExternalTools.check("ffprobe", "-v", "error", "-show_entries",
                "stream=codec_name,codec_tag,id", "-of", "csv=p=0", joined.toString());
        assertTrue(streams.startsWith("h264,0x001b,0x100\naac,0x000f,0x101\n"), streams);
        assertEquals(expectedTimestamps(clip), ffprobeTimestamps(joined));
        assertEquals(videoMd5(clip.file), videoMd5(joined), "decoded pictures");
    }

    @ParameterizedTest(name = "B-frames: {0}")
    @ValueSource(ints = {0, 2})
    void segmentsAreWellFormedAndStartAtAnIdrWithPcr(int bFrames) {
        MediaFixture clip = MediaFixture.clip(bFrames);
        TsReader reader = new TsReader();
        long lastPcr = -1;
        for (byte[] segment : remux(clip)) {
            int pesBefore = reader.pes.size();
            int sectionsBefore = reader.sections.size();
            reader.read(segment);
            assertEquals(PsiTables.PAT_PID, (segment[1] & 0x1F) << 8 | segment[2] & 0xFF, "PAT first");
            assertEquals(PsiTables.PMT_PID, (segment[189] & 0x1F) << 8 | segment[190] & 0xFF, "PMT second");
            assertEquals(sectionsBefore + 2, reader.sections.size(), "PAT and PMT once per segment");
            List<TsReader.Pes> pes = reader.pes.subList(pesBefore, reader.pes.size());
            TsReader.Pes first = pes.stream().filter(p -> p.pid() == PsiTables.VIDEO_PID).findFirst().orElseThrow();
            assertTrue(first.randomAccess(), "random_access_indicator on the first video PES");
            assertEquals(List.of(9, 7, 8), nalTypes(first.payload()).subList(0, 3), "AUD, SPS, PPS first");
            assertTrue(nalTypes(first.payload()).contains(5), "then an IDR");
            for (TsReader.Pes p : pes) {
                if (p.pid() == PsiTables.VIDEO_PID) {
                    long dts = p.dts() < 0 ? p.pts() : p.dts();
                    assertTrue(p.pcr27() >= lastPcr, "PCR monotonic");
                    assertEquals(Math.max(0, dts - 63_000) * 300, p.pcr27(), "PCR = DTS - 0.7 s on every video PES");
                    assertEquals(0, p.declaredLength(), "video PES unbounded");
                    assertTrue(p.dts() != p.pts(), "DTS only when it differs");
                    lastPcr = p.pcr27();
                } else {
                    assertEquals(-1, p.pcr27(), "no PCR on audio");
                    assertTrue(p.declaredLength() > 0, "audio PES bounded");
                }
            }
        }
    }

    @Test
    void countersRestartedPerSegmentAreWhatFfmpegFlags() throws IOException {
        MediaFixture clip = MediaFixture.clip(0);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] segment : remux(clip, () -> new ContinuityCounters())) {
            all.writeBytes(segment);
        }
        Path joined = ExternalTools.workDir().resolve("restarted-counters.ts");
        Files.write(joined, all.toByteArray());
        assertTrue(ExternalTools.decodeErrors(joined).contains("Packet corrupt"), "the check above has teeth");
    }

    /** Segments made apart (an archive's, in any order) say that their counters start anew, and ffmpeg accepts that. */
    @Test
    void independentSegmentsAnnounceTheirFreshCountersAndJoinWithoutError() throws IOException {
        MediaFixture clip = MediaFixture.clip(0);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        List<byte[]> segments = remux(clip, ContinuityCounters::independent);
        assertTrue(segments.size() > 1);
        for (byte[] segment : segments) {
            List<Integer> flagged = new ArrayList<>();
            for (int at = 0; at < segment.length; at += TsPacketizer.PACKET_SIZE) {
                boolean field = (segment[at + 3] & 0x20) != 0 && segment[at + 4] > 0;
                if (field && (segment[at + 5] & 0x80) != 0) {
                    flagged.add((segment[at + 1] & 0x1F) << 8 | segment[at + 2] & 0xFF);
                }
            }
            assertEquals(List.of(PsiTables.VIDEO_PID, PsiTables.AUDIO_PID), flagged.stream().sorted().toList(),
                    "the first packet of each media PID, and only that one, says its counter starts anew");
            all.writeBytes(segment);
        }
        Path joined = ExternalTools.workDir().resolve("independent-counters.ts");
        Files.write(joined, all.toByteArray());
        assertEquals("", ExternalTools.decodeErrors(joined), "segments made apart, one after the other");
    }

    static List<byte[]> remux(MediaFixture clip) {
        ContinuityCounters counters = new ContinuityCounters();
        return remux(clip, () -> counters);
    }

    /** Cuts at every IDR; each segment's writer gets the counters the supplier gives. */
    private static List<byte[]> remux(MediaFixture clip, Supplier<ContinuityCounters> counters) {
        List<byte[]> segments = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < clip.video.size(); i++) {
            if (clip.video.get(i).key()) {
                starts.add(i);
            }
        }
        starts.add(clip.video.size());
        int audio = 0;
        for (int s = 0; s + 1 < starts.size(); s++) {
            List<VideoAccessUnit> units = new ArrayList<>();
            for (int i = starts.get(s); i < starts.get(s + 1); i++) {
                MediaFixture.Sample v = clip.video.get(i);
                units.add(new VideoAccessUnit(clip.videoTicks(v.dts()) + SHIFT_90, clip.videoTicks(v.pts()) + SHIFT_90,
                        clip.bytes, v.position(), v.size()));
            }
            boolean last = s + 2 == starts.size();
            long end = last ? Long.MAX_VALUE : clip.videoTicks(clip.video.get(starts.get(s + 1)).dts()) + SHIFT_90;
            List<AudioFrame> frames = new ArrayList<>();
            for (; audio < clip.audio.size(); audio++) {
                MediaFixture.Sample a = clip.audio.get(audio);
                long pts = clip.audioTicks(a.pts()) + SHIFT_90;
                if (pts >= end) {
                    break;
                }
                frames.add(new AudioFrame(pts, clip.bytes, a.position(), a.size()));
            }
            TsSegmentWriter writer = TsSegmentWriter.audioVideo(clip.avc, clip.adtsConfig(), counters.get());
            segments.add(writer.writeSegment(units, frames));
        }
        return segments;
    }

    /** "stream,pts,dts" per packet in decode order, per stream. */
    private static String expectedTimestamps(MediaFixture clip) {
        StringBuilder video = new StringBuilder();
        for (MediaFixture.Sample v : clip.video) {
            video.append("0,").append(clip.videoTicks(v.pts()) + SHIFT_90).append(',')
                    .append(clip.videoTicks(v.dts()) + SHIFT_90).append('\n');
        }
        StringBuilder audio = new StringBuilder();
        for (MediaFixture.Sample a : clip.audio) {
            long pts = clip.audioTicks(a.pts()) + SHIFT_90;
            audio.append("1,").append(pts).append(',').append(pts).append('\n');
        }
        return video.append(audio).toString();
    }

    private static String ffprobeTimestamps(Path ts) {
        String packets = ExternalTools.check("ffprobe", "-v", "error", "-show_entries",
                "packet=stream_index,pts,dts", "-of", "csv=p=0", ts.toString());
        StringBuilder video = new StringBuilder();
        StringBuilder audio = new StringBuilder();
        for (String line : packets.split("\n")) {
            if (!line.isBlank()) {
                String[] f = line.split(",");
                (f[0].equals("0") ? video : audio).append(f[0]).append(',').append(f[1]).append(',').append(f[2])
                        .append('\n');
            }
        }
        return video.append(audio).toString();
    }

    private static String videoMd5(Path file) {
        return ExternalTools.check("ffmpeg", "-nostdin", "-v", "error", "-i", file.toString(), "-map", "0:v",
                "-f", "md5", "-");
    }

    /** nal_unit_type of each NAL unit behind a 4-byte start code. */
    private static List<Integer> nalTypes(byte[] annexB) {
        List<Integer> types = new ArrayList<>();
        for (int i = 0; i + 4 < annexB.length; i++) {
            if (annexB[i] == 0 && annexB[i + 1] == 0 && annexB[i + 2] == 0 && annexB[i + 3] == 1) {
                types.add(annexB[i + 4] & 0x1F);
            }
        }
        return types;
    }
}
