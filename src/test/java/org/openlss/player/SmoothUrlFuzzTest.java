package org.openlss.player;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Arbitrary text (UTF-8; seeds in {@code SmoothUrlFuzzTestInputs/parse/} are the resources players ask for) as the
 * resource after {@code <name>.isml/}: only {@link SmoothUrl.NotSmooth} (a 404) and {@link SmoothUrl.Malformed} (a 400)
 * may escape, and what parses holds numbers in their range. Fuzz with
 * {@code JAZZER_FUZZ=1 mvn test -Dtest=SmoothUrlFuzzTest -Djazzer.max_executions=100000}.
 */
class SmoothUrlFuzzTest {
    @FuzzTest
    void parse(byte[] input) {
        SmoothUrl url;
        try {
            url = SmoothUrl.parse(new String(input, StandardCharsets.UTF_8));
        } catch (SmoothUrl.NotSmooth | SmoothUrl.Malformed expected) {
            return;
        }
        if (url instanceof SmoothUrl.Fragment f && (f.bitrate() < 0 || f.bitrate() > 0xFFFF_FFFFL || f.time() < 0)) {
            throw new AssertionError("out of range: " + f);
        }
        if (url instanceof SmoothUrl.LevelManifest l && (l.bitrate() < 0 || l.bitrate() > 0xFFFF_FFFFL)) {
            throw new AssertionError("out of range: " + l);
        }
        url.hls();
    }
}
