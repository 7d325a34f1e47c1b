package org.openlss.ts;

import java.util.List;
import java.util.Objects;

/**
 * The TS muxer of one HLS variant: H.264 and/or AAC in, one MPEG-2 TS segment out per call (spec §6.8).
 *
 * <p>Each segment starts with PAT and PMT, then carries one PES per video access unit (Annex B, AUD first, SPS and
 * PPS before each IDR) and PES of one or more ADTS frames, interleaved by decode time. The first packet of each PES on
 * the PCR PID carries a PCR of DTS − 0.7 s (as ffmpeg's muxdelay), never below 0, so the PCR precedes the data's
 * decode time and rises with it. Continuity counters live in the {@link ContinuityCounters} given at construction.
 *
 * <p>Times are 90 kHz and unwrapped; the writer wraps them to 33 bits. It needs {@code 0 <= DTS <= PTS}: a caller
 * whose source has negative composition offsets shifts every stream of the presentation by one constant.
 *
 * <p>Output is a pure function of the input and the counters: the same segment written again from a
 * {@link ContinuityCounters#copy() copy} of the counters is byte-identical. Not thread-safe; one writer per variant.
 * The segment is written into an array sized for it and not kept afterwards: a live server holds a writer per variant
 * of every channel, and a megabyte kept by each was most of a channel's heap.
 */
public final class TsSegmentWriter {
    /** PCR = DTS − this (0.7 s, ffmpeg's default muxdelay). */
    static final long PCR_DELAY_90 = 63_000;
    /** With video, an audio PES ends at the next video DTS or after this long. */
    private static final long AUDIO_PES_TICKS_WITH_VIDEO = 45_000;
    /** Alone, audio carries the PCR, wanted about every 100 ms: a PES takes the frames that start within that. */
    private static final long AUDIO_PES_TICKS_ALONE = 9_000;

    private final AnnexB annexB;
    private final AdtsConfig adts;
    private final ContinuityCounters counters;
    private final byte[] pat;
    private final byte[] pmt;
    private final int pcrPid;
    private final long maxAudioPesTicks;
    /** The segment being written; null between segments. */
    private GrowableBytes segment;
    private final GrowableBytes pes = new GrowableBytes(1 << 16);

    private TsSegmentWriter(AvcParameters video, AdtsConfig audio, ContinuityCounters counters) {
        this.annexB = video == null ? null : new AnnexB(video);
        this.adts = audio;
        this.counters = Objects.requireNonNull(counters, "counters");
        this.pat = PsiTables.patPacket();
        this.pmt = PsiTables.pmtPacket(video != null, audio != null);
        this.pcrPid = PsiTables.pcrPid(video != null);
        this.maxAudioPesTicks = video != null ? AUDIO_PES_TICKS_WITH_VIDEO : AUDIO_PES_TICKS_ALONE;
    }

    public static TsSegmentWriter audioVideo(AvcParameters video, AdtsConfig audio, ContinuityCounters counters) {
        return new TsSegmentWriter(Objects.requireNonNull(video, "video"), Objects.requireNonNull(audio, "audio"),
                counters);
    }

    public static TsSegmentWriter videoOnly(AvcParameters video, ContinuityCounters counters) {
        return new TsSegmentWriter(Objects.requireNonNull(video, "video"), null, counters);
    }

    public static TsSegmentWriter audioOnly(AdtsConfig audio, ContinuityCounters counters) {
        return new TsSegmentWriter(null, Objects.requireNonNull(audio, "audio"), counters);
    }

    /**
     * Writes one segment. Video units come in decode order (DTS not decreasing) and should start with an IDR picture
     * so the segment plays on its own; audio frames come in PTS order. Either list may be empty; a list for a stream
     * this variant lacks must be. If the input is rejected, the counters are left as they were.
     *
     * @return the segment, a whole number of 188-byte packets
     * @throws TsInputException if a sample is malformed or the times are out of order
     */
    public byte[] writeSegment(List<VideoAccessUnit> video, List<AudioFrame> audio) {
        if (annexB == null && !video.isEmpty() || adts == null && !audio.isEmpty()) {
            throw new IllegalArgumentException("this variant has no " + (annexB == null ? "video" : "audio"));
        }
        checkOrder(video, audio);
        ContinuityCounters before = counters.copy();
        segment = new GrowableBytes(estimatedSize(video, audio));
        try {
            writeTable(pat, PsiTables.PAT_PID);
            writeTable(pmt, PsiTables.PMT_PID);
            int v = 0;
            int a = 0;
            while (v < video.size() || a < audio.size()) {
                long nextVideoDts = v < video.size() ? video.get(v).dts90() : Long.MAX_VALUE;
                if (a < audio.size() && audio.get(a).pts90() < nextVideoDts) {
                    a = writeAudioPes(audio, a, nextVideoDts);
                } else {
                    writeVideoPes(video.get(v++));
                }
            }
            return segment.toArray();
        } catch (RuntimeException e) {
            counters.restore(before);
            throw e;
        } finally {
            segment = null;
        }
    }

    /** About the segment's size: the media with start codes, ADTS and PES headers, in 188-byte packets of 184. */
    private static int estimatedSize(List<VideoAccessUnit> video, List<AudioFrame> audio) {
        long payload = 2 * 188;
        for (VideoAccessUnit unit : video) {
            payload += unit.length() + 256;
        }
        for (AudioFrame frame : audio) {
            payload += frame.length() + 32;
        }
        return (int) Math.min(GrowableBytes.MAX_CAPACITY, payload * 188 / 176);
    }

    private static void checkOrder(List<VideoAccessUnit> video, List<AudioFrame> audio) {
        for (int i = 1; i < video.size(); i++) {
            if (video.get(i).dts90() < video.get(i - 1).dts90()) {
                throw new TsInputException("video DTS goes back at unit " + i + ": " + video.get(i).dts90());
            }
        }
        for (int i = 1; i < audio.size(); i++) {
            if (audio.get(i).pts90() < audio.get(i - 1).pts90()) {
                throw new TsInputException("audio PTS goes back at frame " + i + ": " + audio.get(i).pts90());
            }
        }
    }

    private void writeTable(byte[] packet, int pid) {
        int at = segment.size;
        segment.append(packet, 0, packet.length);
        segment.array[at + 3] = (byte) (packet[3] & 0xF0 | counters.next(pid));
    }

    private void writeVideoPes(VideoAccessUnit unit) {
        pes.size = PesHeader.MAX_SIZE;
        boolean idr = annexB.append(unit.data(), unit.offset(), unit.length(), pes);
        writePes(PsiTables.VIDEO_PID, PesHeader.STREAM_ID_VIDEO, unit.pts90(), unit.dts90(), idr);
    }

    /**
     * Writes frames from {@code first} on as one PES: those that start before {@code nextVideoDts}, within the PES
     * duration limit, and fit PES_packet_length. Returns the index of the first frame left out.
     */
    private int writeAudioPes(List<AudioFrame> audio, int first, long nextVideoDts) {
        long pts = audio.get(first).pts90();
        long end = Math.min(nextVideoDts, pts + maxAudioPesTicks);
        pes.size = PesHeader.MAX_SIZE;
        int i = first;
        do {
            appendAdtsFrame(audio.get(i++));
        } while (i < audio.size() && audio.get(i).pts90() < end
                && pes.size - PesHeader.MAX_SIZE + Adts.HEADER_SIZE + audio.get(i).length()
                        <= PesHeader.MAX_BOUNDED_PAYLOAD);
        // Every AAC frame is a random access point.
        writePes(PsiTables.AUDIO_PID, PesHeader.STREAM_ID_AUDIO, pts, pts, true);
        return i;
    }

    private void appendAdtsFrame(AudioFrame frame) {
        pes.ensure(Adts.HEADER_SIZE + frame.length());
        Adts.writeHeader(adts, frame.length(), pes.array, pes.size);
        System.arraycopy(frame.data(), frame.offset(), pes.array, pes.size + Adts.HEADER_SIZE, frame.length());
        pes.size += Adts.HEADER_SIZE + frame.length();
    }

    /** Packetizes the payload assembled in {@link #pes} behind its header. */
    private void writePes(int pid, int streamId, long pts90, long dts90, boolean randomAccess) {
        int payloadLength = pes.size - PesHeader.MAX_SIZE;
        int start = PesHeader.write(pes.array, PesHeader.MAX_SIZE, payloadLength, streamId, pts90, dts90);
        long pcr27 = pid == pcrPid
                ? Timestamps.wrap33(Math.max(0, dts90 - PCR_DELAY_90)) * TsPacketizer.PCR_TICKS_PER_BASE_TICK
                : TsPacketizer.NO_PCR;
        TsPacketizer.write(segment, counters, pid, pes.array, start, pes.size - start, pcr27, randomAccess);
    }
}
