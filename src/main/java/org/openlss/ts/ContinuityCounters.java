package org.openlss.ts;

/**
 * The 4-bit continuity_counter of each of our PIDs (13818-1 §2.4.3.3). One instance per variant lives as long as the
 * variant's stream: the counters run on from one segment to the next, so consecutive segments concatenate into one
 * valid TS (as IIS's one-file-per-stream did); restarting them per segment makes ffmpeg report "Packet corrupt" at
 * every boundary. Not thread-safe: one segment is written at a time per variant.
 */
public final class ContinuityCounters {
    private final int[] next;
    /** Per PID: its next packet with payload starts the counter anew and says so (discontinuity_indicator). */
    private final boolean[] announce;

    public ContinuityCounters() {
        this(new int[4]);
    }

    private ContinuityCounters(int[] next) {
        this(next, new boolean[4]);
    }

    private ContinuityCounters(int[] next, boolean[] announce) {
        this.next = next;
        this.announce = announce;
    }

    /**
     * Counters for a segment made on its own, with no knowledge of the one before (an archive's segments, made in any
     * order): the first media packet of each PID carries the discontinuity_indicator (§2.4.3.5), which tells readers
     * that its counter starts anew, so that segments made apart still play one after the other without a continuity
     * error.
     */
    public static ContinuityCounters independent() {
        boolean[] announce = new boolean[4];
        announce[slot(PsiTables.VIDEO_PID)] = true;
        announce[slot(PsiTables.AUDIO_PID)] = true;
        return new ContinuityCounters(new int[4], announce);
    }

    /**
     * The counters that continue after {@code segment}, a clear segment this muxer wrote: where a variant's writer
     * resumes after a restart, so that the stream stays continuous across it.
     */
    public static ContinuityCounters continuing(byte[] segment) {
        if (segment.length % TsPacketizer.PACKET_SIZE != 0) {
            throw new TsInputException("not whole transport packets: " + segment.length + " bytes");
        }
        int[] next = new int[4];
        for (int at = 0; at < segment.length; at += TsPacketizer.PACKET_SIZE) {
            if (segment[at] != TsPacketizer.SYNC_BYTE) {
                throw new TsInputException("no sync byte at " + at);
            }
            if ((segment[at + 3] & 0x10) != 0) { // adaptation-field-only packets do not count
                int pid = (segment[at + 1] & 0x1F) << 8 | segment[at + 2] & 0xFF;
                next[slot(pid)] = (segment[at + 3] + 1) & 0x0F;
            }
        }
        return new ContinuityCounters(next);
    }

    /** An independent snapshot, e.g. kept to rewrite a segment later with exactly the same bytes. */
    public ContinuityCounters copy() {
        return new ContinuityCounters(next.clone(), announce.clone());
    }

    /** Goes back to the state of {@code snapshot}, e.g. after a segment was abandoned half-written. */
    void restore(ContinuityCounters snapshot) {
        System.arraycopy(snapshot.next, 0, next, 0, next.length);
        System.arraycopy(snapshot.announce, 0, announce, 0, announce.length);
    }

    /** Whether the next packet of this PID must carry the discontinuity_indicator; true once at most. */
    boolean announceDiscontinuity(int pid) {
        int slot = slot(pid);
        boolean due = announce[slot];
        announce[slot] = false;
        return due;
    }

    /** The counter for the next packet with payload on this PID; adaptation-field-only packets must not call this. */
    int next(int pid) {
        int slot = slot(pid);
        int counter = next[slot];
        next[slot] = (counter + 1) & 0x0F;
        return counter;
    }

    private static int slot(int pid) {
        return switch (pid) {
            case PsiTables.PAT_PID -> 0;
            case PsiTables.PMT_PID -> 1;
            case PsiTables.VIDEO_PID -> 2;
            case PsiTables.AUDIO_PID -> 3;
            default -> throw new IllegalArgumentException("not one of our PIDs: " + pid);
        };
    }
}
