package org.openlss.pubpoint;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Arbitrary text (UTF-8; seeds in {@code PublishingPointUrlFuzzTestInputs/parse/} are request paths of every kind)
 * as a decoded request path and as a Slug. A path either names a point or not, without exceptions, and splits into
 * exactly the point's path and the resource (a trailing slash after the point names the point); a Slug is a point's path or an {@link InvalidSettingException} (a 400).
 * Fuzz with {@code JAZZER_FUZZ=1 mvn test -Dtest=PublishingPointUrlFuzzTest -Djazzer.max_executions=100000}.
 */
class PublishingPointUrlFuzzTest {
    @FuzzTest
    void parse(byte[] input) {
        String path = new String(input, StandardCharsets.UTF_8);
        PublishingPointUrl.parse(path).ifPresent(url -> {
            String whole = url.point().urlPath() + (url.resource().isEmpty() ? "" : "/" + url.resource());
            if (!whole.equals(path) && !(url.resource().isEmpty() && path.equals(whole + "/"))) {
                throw new AssertionError("'" + path + "' split into " + url);
            }
            url.isManagement();
            url.isStreamSource();
        });
        try {
            PublishingPointPath.of(path).presentationName();
        } catch (InvalidSettingException expected) {
            // the one refusal of a Slug
        }
    }
}
