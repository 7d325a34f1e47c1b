package org.openlss.ts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openlss.testing.ExternalTools;

/**
 * A real 6-second H.264 + AAC-LC MP4 made by ffmpeg at test time, demuxed with ffprobe's help only (sample positions
 * and times) plus a byte search for the avcC and esds boxes, so that no other OpenLSS code is involved.
 */
final class MediaFixture {
    record Sample(long pts, long dts, boolean key, int position, int size) {
    }

    private static final Map<Integer, MediaFixture> CLIPS = new ConcurrentHashMap<>();

    final Path file;
    final byte[] bytes;
    final long videoTimescale;
    final long audioTimescale;
    final List<Sample> video = new ArrayList<>();
    final List<Sample> audio = new ArrayList<>();
    final AvcParameters avc;
    final byte[] audioSpecificConfig;

    private MediaFixture(Path file) {
        this.file = file;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String streams = ExternalTools.check("ffprobe", "-v", "error", "-show_entries",
                "stream=index,codec_name,time_base", "-of", "csv=p=0", file.toString());
        long[] timescales = new long[2];
        for (String line : streams.strip().split("\n")) {
            String[] f = line.split(",");
            timescales[Integer.parseInt(f[0])] = Long.parseLong(f[2].substring(f[2].indexOf('/') + 1));
        }
        videoTimescale = timescales[0];
        audioTimescale = timescales[1];
        String packets = ExternalTools.check("ffprobe", "-v", "error", "-show_packets", "-show_entries",
                "packet=stream_index,pts,dts,size,pos,flags", "-of", "csv", file.toString());
        for (String line : packets.split("\n")) {
            if (!line.startsWith("packet,")) {
                continue;
            }
            String[] f = line.split(",");
            Sample sample = new Sample(Long.parseLong(f[2]), Long.parseLong(f[3]), f[6].startsWith("K"),
                    Integer.parseInt(f[5]), Integer.parseInt(f[4]));
            (f[1].equals("0") ? video : audio).add(sample);
        }
        avc = readAvcC(boxBody("avcC"));
        audioSpecificConfig = readDecoderSpecificInfo(boxBody("esds"));
    }

    /** The clip with {@code bFrames} B-frames (0 or 2), 320x180 at 25 fps, an IDR every 2 s, 48 kHz stereo AAC. */
    static MediaFixture clip(int bFrames) {
        return CLIPS.computeIfAbsent(bFrames, b -> {
            Path file = ExternalTools.workDir().resolve("clip-bf" + b + ".mp4");
            ExternalTools.check("ffmpeg", "-nostdin", "-v", "error", "-y",
                    "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25",
                    "-f", "lavfi", "-i", "sine=frequency=1000:sample_rate=48000", "-t", "6",
                    "-c:v", "libx264", "-g", "50", "-sc_threshold", "0", "-bf", String.valueOf(b),
                    "-c:a", "aac", "-ac", "2", file.toString());
            return new MediaFixture(file);
        });
    }

    byte[] sampleBytes(Sample sample) {
        return Arrays.copyOfRange(bytes, sample.position(), sample.position() + sample.size());
    }

    long videoTicks(long time) {
        return Timestamps.toMpegTicks(time, videoTimescale);
    }

    long audioTicks(long time) {
        return Timestamps.toMpegTicks(time, audioTimescale);
    }

    AdtsConfig adtsConfig() {
        org.openlss.mp4.AudioSpecificConfig asc = org.openlss.mp4.AudioSpecificConfig.parse(audioSpecificConfig);
        return AdtsConfig.of(asc);
    }

    /** The bytes after the type of the first box of that type (the clips hold one of each). */
    private int boxBody(String type) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        for (int i = 4; i + 4 <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + 4, name, 0, 4)) {
                return i + 4;
            }
        }
        throw new IllegalStateException("no " + type + " box");
    }

    /** AVCDecoderConfigurationRecord, ISO/IEC 14496-15 §5.3.3.1. */
    private AvcParameters readAvcC(int at) {
        int lengthSize = (bytes[at + 4] & 3) + 1;
        int p = at + 5;
        List<byte[]> sps = new ArrayList<>();
        for (int n = bytes[p++] & 0x1F; n > 0; n--) {
            int length = (bytes[p] & 0xFF) << 8 | bytes[p + 1] & 0xFF;
            sps.add(Arrays.copyOfRange(bytes, p + 2, p + 2 + length));
            p += 2 + length;
        }
        List<byte[]> pps = new ArrayList<>();
        for (int n = bytes[p++] & 0xFF; n > 0; n--) {
            int length = (bytes[p] & 0xFF) << 8 | bytes[p + 1] & 0xFF;
            pps.add(Arrays.copyOfRange(bytes, p + 2, p + 2 + length));
            p += 2 + length;
        }
        return new AvcParameters(lengthSize, sps, pps);
    }

    /** esds: version and flags, then ES_Descriptor(3) ⊃ DecoderConfigDescriptor(4) ⊃ DecoderSpecificInfo(5). */
    private byte[] readDecoderSpecificInfo(int at) {
        int p = at + 4;
        while (true) {
            int tag = bytes[p++] & 0xFF;
            int size = 0;
            int b;
            do {
                b = bytes[p++] & 0xFF;
                size = size << 7 | b & 0x7F;
            } while ((b & 0x80) != 0);
            switch (tag) {
                case 3 -> p += 3; // ES_ID, flags (no optional fields in ffmpeg's esds)
                case 4 -> p += 13; // objectTypeIndication .. avgBitrate
                case 5 -> {
                    return Arrays.copyOfRange(bytes, p, p + size);
                }
                default -> throw new IllegalStateException("unexpected descriptor " + tag);
            }
        }
    }
}
