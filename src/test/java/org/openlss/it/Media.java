package org.openlss.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.openlss.testing.TestTools;

/** Test content made by {@code make-test-content.sh} (deterministic, about 6 s to build), once per build. */
public final class Media {
    private static final Path BUILD = Path.of(System.getProperty("openlss.build.dir", "target")).toAbsolutePath();

    private Media() {
    }

    /** 30 s of 3 x H.264 (800/500/250 kb/s) + AAC: {@code source.mp4}, {@code source.ismv}, ... */
    public static Path content() {
        return make("test-content");
    }

    /** The same with B-frames (2 between references). */
    public static Path bframes() {
        return make("test-content-bframes", "--bframes", "2");
    }

    private static synchronized Path make(String name, String... options) {
        Path dir = BUILD.resolve(name);
        if (Files.exists(dir.resolve("content.json"))) {
            return dir;
        }
        List<String> command = new java.util.ArrayList<>(List.of("bash",
                TestTools.encoder("make-test-content.sh")));
        command.addAll(List.of(options));
        command.add(dir.toString());
        TestTools.run(command, new byte[0]);
        return dir;
    }
}
