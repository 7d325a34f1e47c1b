package org.openlss.pubpoint.rest;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Arbitrary bytes as an Atom request body of the management API, read as the resource the first byte picks
 * (settings, state, credential; seeds in {@code AtomBodyFuzzTestInputs/read/} are real entries of each). Only a 4xx
 * refusal may escape, and accepted settings must survive both writers ({@link RequestBodyChecks}). Fuzz with
 * {@code JAZZER_FUZZ=1 mvn test -Dtest=AtomBodyFuzzTest -Djazzer.max_executions=100000}.
 */
class AtomBodyFuzzTest {
    @FuzzTest
    void read(byte[] input) throws IOException {
        RequestBodyChecks.check(input, (type, body) -> AtomXmlProvider.read(type, new ByteArrayInputStream(body)));
    }
}
