package org.openlss.pubpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PublishingPointStateTest {
    @Test
    void oneWordingForEveryState() {
        assertEquals(List.of("Idle (Shutdown)", "Starting", "Started (Live)", "Stopping", "Stopped (DVR-only)",
                        "Shutting down", "Error"),
                Arrays.stream(PublishingPointState.values()).map(PublishingPointState::wording).toList());
    }
}
