package org.openlss.ts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openlss.ts.PesHeaderTest.bytes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The muxer on synthetic input, read back with {@link TsReader}; real media is {@link TsSegmentWriterFfmpegTest}. */
class TsSegmentWriterTest {
    private static final AvcParameters AVC =
            new AvcParameters(4, List.of(bytes(0x67, 0x42, 0xC0, 0x1E)), List.of(bytes(0x68, 0xCE, 0x3C, 0x80)));
    private static final AdtsConfig AAC = new AdtsConfig(2, 3, 2);
    private static final long FRAME_90 = 3600; // 25 fps
    private static final long AAC_FRAME_90 = 1920; // 1024 samples at 48 kHz
    private static final long START = 10 * 90_000;

    @Test
    void segmentStartsWithTablesAndAnIdrCarryingPcrAndRandomAccess() {
        TsReader reader = read(audioVideo(new ContinuityCounters()).writeSegment(video(START, 3), List.of()));
        assertEquals(List.of(PsiTables.PAT_PID, PsiTables.PMT_PID),
                reader.sections.stream().map(TsReader.Section::pid).toList());
        assertPmt(PsiTables.pmtPacket(true, true), reader);
        List<TsReader.Pes> pes = reader.pes(PsiTables.VIDEO_PID);
        assertEquals(3, pes.size());
        TsReader.Pes first = pes.get(0);
        assertTrue(first.randomAccess());
        assertEquals((START - 63_000) * 300, first.pcr27());
        assertEquals(0xE0, first.streamId());
        assertEquals(START + FRAME_90, first.pts());
        assertEquals(START, first.dts());
        byte[] expectedStart = bytes(0, 0, 0, 1, 0x09, 0xF0, 0, 0, 0, 1, 0x67, 0x42, 0xC0, 0x1E, 0, 0, 0, 1, 0x68);
        assertArrayEquals(expectedStart, Arrays.copyOf(first.payload(), expectedStart.length));
        assertTrue(!pes.get(1).randomAccess(), "non-IDR");
        assertEquals((START + FRAME_90 - 63_000) * 300, pes.get(1).pcr27(), "a PCR on every video PES");
    }

    @Test
    void dtsIsLeftOutWhenItEqualsPts() {
        byte[] idr = sample(0x65, 100);
        TsReader reader = read(audioVideo(new ContinuityCounters())
                .writeSegment(List.of(new VideoAccessUnit(START, START, idr, 0, idr.length)), List.of()));
        TsReader.Pes pes = reader.pes.get(0);
        assertEquals(-1, pes.dts());
        assertEquals(START, pes.pts());
    }

    @Test
    void audioBetweenVideoFramesIsGroupedUpToTheNextVideoDts() {
        List<AudioFrame> audio = audio(START, 10, 300); // 0.19 s of audio against 0.12 s of video
        TsReader reader = read(audioVideo(new ContinuityCounters()).writeSegment(video(START, 3), audio));
        List<Integer> order = new ArrayList<>();
        for (TsReader.Pes pes : reader.pes) {
            order.add(pes.pid() == PsiTables.VIDEO_PID ? -1 : adtsFrames(pes.payload()).size());
        }
        // video DTS 0, 3600, 7200; audio 0, 1920 | 3840, 5760 | 7680 .. 17280 (0.5 s at most) after the last video
        assertEquals(List.of(-1, 2, -1, 2, -1, 6), order);
        TsReader.Pes second = reader.pes(PsiTables.AUDIO_PID).get(1);
        assertEquals(START + 2 * AAC_FRAME_90, second.pts());
        assertEquals(0xC0, second.streamId());
        assertEquals(second.payload().length + 8, second.declaredLength());
        assertEquals(-1, second.pcr27());
        assertArrayEquals(bytes(0xFF, 0xF1, 0x4C, 0x80, 0x26, 0x7F, 0xFC), Arrays.copyOf(second.payload(), 7));
    }

    @Test
    void audioAloneCarriesThePcrInPesOfAtMost100ms() {
        TsSegmentWriter writer = TsSegmentWriter.audioOnly(AAC, new ContinuityCounters());
        TsReader reader = read(writer.writeSegment(List.of(), audio(START, 12, 200)));
        assertPmt(PsiTables.pmtPacket(false, true), reader);
        List<TsReader.Pes> pes = reader.pes(PsiTables.AUDIO_PID);
        assertEquals(List.of(5, 5, 2), pes.stream().map(p -> adtsFrames(p.payload()).size()).toList());
        for (TsReader.Pes p : pes) {
            assertEquals((p.pts() - 63_000) * 300, p.pcr27());
            assertTrue(p.randomAccess());
        }
    }

    @Test
    void videoAloneHasNoAudioInItsPmt() {
        TsSegmentWriter writer = TsSegmentWriter.videoOnly(AVC, new ContinuityCounters());
        TsReader reader = read(writer.writeSegment(video(START, 2), List.of()));
        assertPmt(PsiTables.pmtPacket(true, false), reader);
        assertThrows(IllegalArgumentException.class, () -> writer.writeSegment(List.of(), audio(START, 1, 10)));
        TsSegmentWriter audioOnly = TsSegmentWriter.audioOnly(AAC, new ContinuityCounters());
        assertThrows(IllegalArgumentException.class, () -> audioOnly.writeSegment(video(START, 1), List.of()));
    }

    @Test
    void audioPesStaysWithinItsLengthField() {
        // 8000-byte frames: 0.5 s would be 187 kB, more than PES_packet_length can count
        TsSegmentWriter writer = audioVideo(new ContinuityCounters());
        TsReader reader = read(writer.writeSegment(List.of(), audio(START, 10, 8000)));
        assertEquals(List.of(8, 2), reader.pes.stream().map(p -> adtsFrames(p.payload()).size()).toList());
    }

    @Test
    void largeVideoFrameIsOneUnboundedPes() {
        byte[] idr = sample(0x65, 200_000);
        TsReader reader = read(audioVideo(new ContinuityCounters())
                .writeSegment(List.of(new VideoAccessUnit(START, START, idr, 0, idr.length)), List.of()));
        TsReader.Pes pes = reader.pes.get(0);
        assertEquals(0, pes.declaredLength());
        assertEquals(6 + (4 + 4) + (4 + 4) + (4 + 200_000), pes.payload().length); // AUD, SPS, PPS, IDR
    }

    @Test
    void countersRunOnFromOneSegmentToTheNext() {
        ContinuityCounters counters = new ContinuityCounters();
        TsSegmentWriter writer = audioVideo(counters);
        byte[] first = writer.writeSegment(video(START, 50), audio(START, 100, 300));
        byte[] second = writer.writeSegment(video(START + 50 * FRAME_90, 50),
                audio(START + 100 * AAC_FRAME_90, 100, 300));
        TsReader reader = read(first).read(second); // asserts every counter step
        assertEquals(1, second[3] & 0x0F, "PAT counter, second segment");
        assertEquals(1, second[188 + 3] & 0x0F, "PMT counter, second segment");
        assertEquals(100, reader.pes(PsiTables.VIDEO_PID).size());
        // A writer made later for the same variant continues the same way.
        byte[] third = audioVideo(counters).writeSegment(video(START + 100 * FRAME_90, 5), List.of());
        read(first).read(second).read(third);
    }

    @Test
    void sameInputAndCountersGiveTheSameBytes() {
        ContinuityCounters counters = new ContinuityCounters();
        audioVideo(counters).writeSegment(video(START, 7), List.of());
        ContinuityCounters snapshot = counters.copy();
        byte[] once = audioVideo(counters).writeSegment(video(START, 30), audio(START, 60, 250));
        byte[] again = audioVideo(snapshot).writeSegment(video(START, 30), audio(START, 60, 250));
        assertArrayEquals(once, again);
    }

    @Test
    void rejectedInputLeavesTheCountersAlone() {
        ContinuityCounters counters = new ContinuityCounters();
        TsSegmentWriter writer = audioVideo(counters);
        byte[] first = writer.writeSegment(video(START, 5), List.of());
        List<VideoAccessUnit> malformed = new ArrayList<>(video(START + 5 * FRAME_90, 5));
        malformed.add(new VideoAccessUnit(START + 10 * FRAME_90, START + 10 * FRAME_90, bytes(0, 0, 0, 9, 0x41), 0, 5));
        assertThrows(TsInputException.class, () -> writer.writeSegment(malformed, List.of()));
        List<VideoAccessUnit> backwards = List.of(video(START + 6 * FRAME_90, 1).get(0), video(START, 1).get(0));
        assertThrows(TsInputException.class, () -> writer.writeSegment(backwards, List.of()));
        List<AudioFrame> audioBackwards = List.of(audio(START + 5000, 1, 10).get(0), audio(START, 1, 10).get(0));
        assertThrows(TsInputException.class, () -> writer.writeSegment(List.of(), audioBackwards));
        byte[] second = writer.writeSegment(video(START + 5 * FRAME_90, 5), List.of());
        read(first).read(second);
    }

    @Test
    void pcrIsNeverNegativeAndTimesWrapAt33Bits() {
        TsReader reader = read(audioVideo(new ContinuityCounters()).writeSegment(video(0, 2), List.of()));
        assertEquals(0, reader.pes.get(0).pcr27());
        long wrap = 1L << 33;
        reader = read(audioVideo(new ContinuityCounters()).writeSegment(video(wrap - FRAME_90, 2),
                audio(wrap - 100, 1, 10)));
        assertEquals(List.of(wrap - FRAME_90, 0L, 0L, FRAME_90),
                reader.pes(PsiTables.VIDEO_PID).stream().flatMap(p -> List.of(p.dts(), p.pts()).stream()).toList());
        assertEquals(wrap - 100, reader.pes(PsiTables.AUDIO_PID).get(0).pts());
        assertEquals((wrap - 63_000) * 300, reader.pes(PsiTables.VIDEO_PID).get(1).pcr27());
    }

    @Test
    void emptySegmentIsJustTheTables() {
        assertEquals(2 * 188, audioVideo(new ContinuityCounters()).writeSegment(List.of(), List.of()).length);
    }

    @Test
    void inputValuesAreChecked() {
        byte[] data = new byte[10];
        assertThrows(TsInputException.class, () -> new VideoAccessUnit(100, 99, data, 0, 10)); // PTS before DTS
        assertThrows(TsInputException.class, () -> new VideoAccessUnit(-1, 0, data, 0, 10));
        assertThrows(IndexOutOfBoundsException.class, () -> new VideoAccessUnit(0, 0, data, 5, 6));
        assertThrows(TsInputException.class, () -> new AudioFrame(-1, data, 0, 10));
        assertThrows(TsInputException.class, () -> new AudioFrame(0, data, 0, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> new AudioFrame(0, data, -1, 10));
    }

    /** The segment's PMT is the table's packet with counter 0. */
    private static void assertPmt(byte[] packet, TsReader reader) {
        byte[] section = reader.sections.get(1).bytes();
        assertArrayEquals(Arrays.copyOfRange(packet, 5, 5 + section.length), section);
    }

    private static TsReader read(byte[] segment) {
        return new TsReader().read(segment);
    }

    private static TsSegmentWriter audioVideo(ContinuityCounters counters) {
        return TsSegmentWriter.audioVideo(AVC, AAC, counters);
    }

    /** IDR then P frames at 25 fps, PTS one frame after DTS (as with B-frames). */
    private static List<VideoAccessUnit> video(long firstDts, int count) {
        List<VideoAccessUnit> units = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] data = sample(i == 0 ? 0x65 : 0x41, 50 + 97 * i);
            long dts = firstDts + i * FRAME_90;
            units.add(new VideoAccessUnit(dts, dts + FRAME_90, data, 0, data.length));
        }
        return units;
    }

    private static List<AudioFrame> audio(long firstPts, int count, int size) {
        List<AudioFrame> frames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] data = new byte[size + 3];
            Arrays.fill(data, (byte) i);
            frames.add(new AudioFrame(firstPts + i * AAC_FRAME_90, data, 3, size));
        }
        return frames;
    }

    /** One NAL unit of the given header byte and total size, behind a 4-byte length. */
    private static byte[] sample(int nalHeader, int size) {
        byte[] sample = new byte[4 + size];
        sample[0] = (byte) (size >>> 24);
        sample[1] = (byte) (size >>> 16);
        sample[2] = (byte) (size >>> 8);
        sample[3] = (byte) size;
        sample[4] = (byte) nalHeader;
        for (int i = 5; i < sample.length; i++) {
            sample[i] = (byte) (i % 251 + 1);
        }
        return sample;
    }

    /** The raw sizes of the ADTS frames that make up an audio PES payload. */
    private static List<Integer> adtsFrames(byte[] payload) {
        List<Integer> sizes = new ArrayList<>();
        for (int at = 0; at < payload.length; ) {
            assertEquals(0xFFF1, (payload[at] & 0xFF) << 8 | payload[at + 1] & 0xFF, "ADTS sync");
            int length = (payload[at + 3] & 3) << 11 | (payload[at + 4] & 0xFF) << 3 | (payload[at + 5] & 0xFF) >> 5;
            sizes.add(length - 7);
            at += length;
        }
        return sizes;
    }
}
