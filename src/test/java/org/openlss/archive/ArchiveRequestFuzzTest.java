package org.openlss.archive;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Arbitrary text (UTF-8; seeds in {@code ArchiveRequestFuzzTestInputs/parse/} are archive paths) as the decoded path
 * below {@code /archive}: only {@link ArchiveRequest.Refused} with 400 or 404 may escape, every folder and file name
 * of a parsed request is a plain name, and looking it up under an (empty) archive root finds nothing and fails on
 * nothing. Fuzz with {@code JAZZER_FUZZ=1 mvn test -Dtest=ArchiveRequestFuzzTest -Djazzer.max_executions=100000}.
 */
class ArchiveRequestFuzzTest {
    private static final Path ROOT = emptyRoot();

    @FuzzTest
    void parse(byte[] input) throws IOException {
        ArchiveRequest request;
        try {
            request = ArchiveRequest.parse(new String(input, StandardCharsets.UTF_8));
        } catch (ArchiveRequest.Refused refused) {
            if (refused.status() != 400 && refused.status() != 404) {
                throw new AssertionError("refused with " + refused.status(), refused);
            }
            return;
        }
        for (String name : request.folders()) {
            plainName(name);
        }
        plainName(request.serverManifest());
        if (request.resource().isEmpty()) {
            throw new AssertionError("no resource asked in " + request);
        }
        if (request.locate(ROOT) != null) {
            throw new AssertionError("found a presentation in an empty root for " + request);
        }
    }

    private static void plainName(String name) {
        if (!ArchiveNames.isFileName(name)) {
            throw new AssertionError("'" + name + "' is not a plain name");
        }
    }

    private static Path emptyRoot() {
        try {
            Path root = Files.createTempDirectory("archive-fuzz");
            root.toFile().deleteOnExit();
            return root;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
