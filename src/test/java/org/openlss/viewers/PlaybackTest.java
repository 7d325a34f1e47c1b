package org.openlss.viewers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PlaybackTest {
    @Test
    void thePlayheadFollowsTheClockAndFreezesWhereTheBufferEnds() {
        Playback playback = new Playback();
        assertEquals(0, playback.ahead(5), 1e-9, "nothing before the first segment");
        playback.arrived(2, 10);
        assertEquals(0.5, playback.ahead(11.5), 1e-9);
        assertEquals(0, playback.stalls(11.9));
        assertEquals(1, playback.stalls(12.5), "the buffer ran out at 12");
        assertEquals(0, playback.ahead(12.8), 1e-9, "frozen at the end of the buffer");
        playback.arrived(2, 13);
        assertEquals(1.5, playback.ahead(13.5), 1e-9, "resumed at 13 after a 1 s freeze");
        assertEquals(1, playback.stalls(14.9), "one stall, counted once");
        playback.missed(2, 14.9);
        assertEquals(2, playback.stalls(14.9), "a segment never fetched is a stall");
        assertEquals(2.1, playback.ahead(14.9), 1e-9, "and the player jumps over the hole");
    }
}
