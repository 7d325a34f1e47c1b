package org.openlss.ts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An independent, strict reader of the TS the muxer writes, for assertions: it checks packet framing, continuity
 * counters (carried over between {@link #read} calls, as from one segment to the next), adaptation field layout and
 * stuffing, and reassembles sections and PES packets.
 */
final class TsReader {
    /** One PSI packet's section (pointer_field 0 assumed, as we write it). */
    record Section(int pid, byte[] bytes) {
    }

    /** A PES packet as read back; dts is -1 when absent, pcr27 -1 when its first packet had none. */
    record Pes(int pid, int streamId, int declaredLength, long pts, long dts, byte[] payload, long pcr27,
            boolean randomAccess, int packets) {
    }

    final List<Section> sections = new ArrayList<>();
    final List<Pes> pes = new ArrayList<>();
    private final Map<Integer, Integer> lastCounter = new HashMap<>();
    private final Map<Integer, ByteArrayOutputStream> open = new HashMap<>();
    private final Map<Integer, long[]> openAdaptation = new HashMap<>();
    private final Map<Integer, Integer> openPackets = new HashMap<>();

    /** Reads one segment; PES still open at its end are completed, since every segment ends on whole PES. */
    TsReader read(byte[] ts) {
        assertEquals(0, ts.length % 188, "whole packets");
        for (int at = 0; at < ts.length; at += 188) {
            packet(ts, at);
        }
        for (int pid : new ArrayList<>(open.keySet())) {
            finishPes(pid);
        }
        return this;
    }

    List<Pes> pes(int pid) {
        return pes.stream().filter(p -> p.pid() == pid).toList();
    }

    private void packet(byte[] ts, int at) {
        assertEquals(0x47, ts[at] & 0xFF, "sync byte at " + at);
        boolean start = (ts[at + 1] & 0x40) != 0;
        int pid = (ts[at + 1] & 0x1F) << 8 | ts[at + 2] & 0xFF;
        int control = (ts[at + 3] >> 4) & 3;
        int counter = ts[at + 3] & 0x0F;
        boolean payload = (control & 1) != 0;
        Integer last = lastCounter.get(pid);
        if (last != null) {
            assertEquals(payload ? (last + 1) & 15 : last, counter, "continuity counter of PID " + pid + " at " + at);
        }
        lastCounter.put(pid, counter);
        int p = at + 4;
        long pcr = -1;
        boolean randomAccess = false;
        if ((control & 2) != 0) {
            int length = ts[p] & 0xFF;
            int end = p + 1 + length;
            assertTrue(end <= at + 188, "adaptation field fits");
            if (length > 0) {
                int flags = ts[p + 1] & 0xFF;
                assertEquals(0, flags & ~0x50, "only random_access_indicator and PCR_flag are used");
                randomAccess = (flags & 0x40) != 0;
                int q = p + 2;
                if ((flags & 0x10) != 0) {
                    long base = (ts[q] & 0xFFL) << 25 | (ts[q + 1] & 0xFF) << 17 | (ts[q + 2] & 0xFF) << 9
                            | (ts[q + 3] & 0xFF) << 1 | (ts[q + 4] & 0xFF) >> 7;
                    assertEquals(0x7E, ts[q + 4] & 0x7E, "PCR reserved bits");
                    pcr = base * 300 + ((ts[q + 4] & 1) << 8 | ts[q + 5] & 0xFF);
                    q += 6;
                }
                for (; q < end; q++) {
                    assertEquals(0xFF, ts[q] & 0xFF, "stuffing byte at " + q);
                }
            }
            p = end;
        }
        if (!payload) {
            fail("adaptation-field-only packet at " + at);
        }
        if (pid == PsiTables.PAT_PID || pid == PsiTables.PMT_PID) {
            assertTrue(start, "one section per packet");
            assertEquals(0, ts[p], "pointer_field");
            int length = (ts[p + 2] & 0x0F) << 8 | ts[p + 3] & 0xFF;
            byte[] section = java.util.Arrays.copyOfRange(ts, p + 1, p + 4 + length);
            assertEquals(0, Crc32Mpeg.compute(section, 0, section.length), "CRC over a section and its CRC is 0");
            sections.add(new Section(pid, section));
            return;
        }
        if (start) {
            finishPes(pid);
            open.put(pid, new ByteArrayOutputStream());
            openAdaptation.put(pid, new long[] {pcr, randomAccess ? 1 : 0});
            openPackets.put(pid, 0);
        } else {
            assertEquals(-1, pcr, "PCR only in the first packet of a PES");
            assertTrue(!randomAccess, "random_access_indicator only in the first packet of a PES");
        }
        ByteArrayOutputStream data = open.get(pid);
        assertTrue(data != null, "payload before the first PES start on PID " + pid);
        data.write(ts, p, at + 188 - p);
        openPackets.merge(pid, 1, Integer::sum);
    }

    private void finishPes(int pid) {
        ByteArrayOutputStream data = open.remove(pid);
        if (data == null) {
            return;
        }
        byte[] b = data.toByteArray();
        assertEquals(0x000001, (b[0] & 0xFF) << 16 | (b[1] & 0xFF) << 8 | b[2] & 0xFF, "PES start code");
        int declared = (b[4] & 0xFF) << 8 | b[5] & 0xFF;
        if (declared != 0) {
            assertEquals(b.length - 6, declared, "PES_packet_length");
        }
        int flags = b[7] & 0xFF;
        int headerLength = b[8] & 0xFF;
        long pts = timestamp(b, 9, (flags & 0x40) != 0 ? 3 : 2);
        long dts = -1;
        if ((flags & 0xC0) == 0xC0) {
            assertEquals(10, headerLength);
            dts = timestamp(b, 14, 1);
        } else {
            assertEquals(0x80, flags, "PTS only");
            assertEquals(5, headerLength);
        }
        long[] adaptation = openAdaptation.remove(pid);
        pes.add(new Pes(pid, b[3] & 0xFF, declared, pts, dts,
                java.util.Arrays.copyOfRange(b, 9 + headerLength, b.length), adaptation[0], adaptation[1] == 1,
                openPackets.remove(pid)));
    }

    static long timestamp(byte[] b, int at, int prefix) {
        assertEquals(prefix, (b[at] & 0xFF) >> 4, "timestamp prefix");
        assertEquals(1, b[at] & b[at + 2] & b[at + 4] & 1, "marker bits");
        return (b[at] & 0x0EL) << 29 | (b[at + 1] & 0xFF) << 22 | (b[at + 2] & 0xFE) << 14 | (b[at + 3] & 0xFF) << 7
                | (b[at + 4] & 0xFF) >> 1;
    }
}
