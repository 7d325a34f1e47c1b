package org.openlss.ts;

/**
 * The 4-bit continuity_counter of each of our PIDs (13818-1 §2.4.3.3). One instance per variant lives as long as the
 * variant's stream: the counters run on from one segment to the next, so consecutive segments concatenate into one
 * valid TS (as IIS's one-file-per-stream did); restarting them per segment makes ffmpeg report "Packet corrupt" at
 * every boundary. Not thread-safe: one segment is written at a time per variant.
 */
public final class ContinuityCounters {
    private final int[] next;

    public ContinuityCounters() {
        this(new int[4]);
    }

    private ContinuityCounters(int[] next) {
        this.next = next;
    }

    /** An independent snapshot, e.g. kept to rewrite a segment later with exactly the same bytes. */
    public ContinuityCounters copy() {
        return new ContinuityCounters(next.clone());
    }

    /** Goes back to the state of {@code snapshot}, e.g. after a segment was abandoned half-written. */
    void restore(ContinuityCounters snapshot) {
        System.arraycopy(snapshot.next, 0, next, 0, next.length);
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
