package org.openlss.hls;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * What is decided once per event, when its first segment is written, and must then hold for every segment of every
 * variant, across restarts too: the timestamp shift for B-frame reordering, and which audio level is muxed in.
 *
 * @param shift90    {@link TimestampMap#shift90()}
 * @param audioLevel the folder name of the audio level's {@link org.openlss.live.TrackKey}, or empty for none
 */
record EventConstants(long shift90, String audioLevel) {
    private static final String FILE = "event.properties";

    /** The constants recorded in {@code dir}, or null before the first segment. */
    static EventConstants load(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.exists(file)) {
            return null;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return new EventConstants(Long.parseLong(p.getProperty("shift90")), p.getProperty("audioLevel", ""));
    }

    void store(Path dir) {
        Properties p = new Properties();
        p.setProperty("shift90", String.valueOf(shift90));
        p.setProperty("audioLevel", audioLevel);
        try (Writer w = Files.newBufferedWriter(dir.resolve(FILE))) {
            p.store(w, "HLS output of the event");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the HLS constants in " + dir, e);
        }
    }
}
