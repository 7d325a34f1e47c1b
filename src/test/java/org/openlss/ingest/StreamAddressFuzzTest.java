package org.openlss.ingest;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Arbitrary text (UTF-8; seeds in {@code StreamAddressFuzzTestInputs/parse/} are encoder stream addresses) as the
 * resource of an ingest POST: it is a stream address or not, without exceptions, and the identifiers of one are
 * printable names of at most 128 characters. Fuzz with
 * {@code JAZZER_FUZZ=1 mvn test -Dtest=StreamAddressFuzzTest -Djazzer.max_executions=100000}.
 */
class StreamAddressFuzzTest {
    @FuzzTest
    void parse(byte[] input) {
        StreamAddress.parse(new String(input, StandardCharsets.UTF_8)).ifPresent(address -> {
            if (address.streamId().isEmpty() || !name(address.streamId()) || !name(address.eventId())) {
                throw new AssertionError("not a name: " + address);
            }
            address.toString();
        });
    }

    private static boolean name(String id) {
        return id.length() <= 128 && id.chars().noneMatch(c -> c < 0x20 || c == 0x7f || c == '/' || c == '\\');
    }
}
