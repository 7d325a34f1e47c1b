package org.openlss.pubpoint.rest;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Arbitrary bytes as a JSON request body of the management API, read as the resource the first byte picks
 * (settings, state, credential; seeds in {@code JsonBodyFuzzTestInputs/read/} are real bodies of each). Only a 4xx
 * refusal may escape, and accepted settings must survive both writers ({@link RequestBodyChecks}). Fuzz with
 * {@code JAZZER_FUZZ=1 mvn test -Dtest=JsonBodyFuzzTest -Djazzer.max_executions=100000}.
 */
class JsonBodyFuzzTest {
    @FuzzTest
    void read(byte[] input) throws IOException {
        RequestBodyChecks.check(input, (type, body) -> JsonProvider.read(type, new ByteArrayInputStream(body)));
    }
}
