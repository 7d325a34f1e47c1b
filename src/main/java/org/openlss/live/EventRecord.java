package org.openlss.live;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import org.openlss.mp4.IngestBody;
import org.openlss.mp4.IngestFragment;
import org.openlss.mp4.IngestHeader;

/**
 * What an event keeps on disk besides fragment bytes, so a server restart finds it again: per input stream its
 * header boxes and whether it ended ({@code streams/}), per quality level which stream and track feed it and at which
 * bitrate ({@code tracks/<level>/track.properties}, next to the level's fragment store).
 */
final class EventRecord {
    /** An input stream as recorded. */
    record Stream(String id, String eventId, IngestHeader header, boolean ended) {
    }

    /** A quality level as recorded: its folder, the stream and track that feed it, its bitrate. */
    record Level(Path folder, String streamId, int trackId, long bitrate) {
    }

    private final Path dir;

    EventRecord(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir.resolve("streams"));
        Files.createDirectories(dir.resolve("tracks"));
    }

    /** The folder of a quality level's fragment store. */
    Path levelFolder(TrackKey key) {
        return dir.resolve("tracks").resolve(key.folderName());
    }

    /** Records a stream's header (once) and whether it has ended. */
    void stream(String id, String eventId, IngestHeader header, boolean ended) {
        try {
            Path headerFile = streamFile(id, ".header");
            if (!Files.exists(headerFile)) {
                Files.write(headerFile, header.headerBytes());
            }
            Properties p = new Properties();
            p.setProperty("id", id);
            p.setProperty("eventId", eventId);
            p.setProperty("ended", String.valueOf(ended));
            store(p, streamFile(id, ".stream"), "input stream");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record stream " + id + " in " + dir, e);
        }
    }

    /** Records which stream and track feed a new quality level. */
    void level(Path folder, String streamId, int trackId, long bitrate) {
        try {
            Files.createDirectories(folder);
            Path file = folder.resolve("track.properties");
            if (!Files.exists(file)) {
                Properties p = new Properties();
                p.setProperty("stream", streamId);
                p.setProperty("trackId", String.valueOf(trackId));
                p.setProperty("bitrate", String.valueOf(bitrate));
                store(p, file, "quality level");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record a quality level in " + folder, e);
        }
    }

    List<Stream> streams() throws IOException {
        List<Stream> streams = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir.resolve("streams"), "*.stream")) {
            for (Path file : files) {
                Properties p = load(file);
                String id = p.getProperty("id");
                streams.add(new Stream(id, p.getProperty("eventId", ""),
                        IngestBody.parse(Files.readAllBytes(streamFile(id, ".header"))).header(),
                        Boolean.parseBoolean(p.getProperty("ended"))));
            }
        }
        return streams;
    }

    /** The recorded quality levels, in folder order. */
    List<Level> levels() throws IOException {
        List<Level> levels = new ArrayList<>();
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(dir.resolve("tracks"))) {
            for (Path folder : folders) {
                Properties p = load(folder.resolve("track.properties"));
                levels.add(new Level(folder, p.getProperty("stream"), Integer.parseInt(p.getProperty("trackId")),
                        Long.parseLong(p.getProperty("bitrate"))));
            }
        }
        levels.sort((a, b) -> a.folder().compareTo(b.folder()));
        return levels;
    }

    private Path streamFile(String id, String suffix) {
        return dir.resolve("streams").resolve(HexFormat.of().formatHex(id.getBytes(StandardCharsets.UTF_8)) + suffix);
    }

    private static void store(Properties p, Path file, String comment) throws IOException {
        try (Writer w = Files.newBufferedWriter(file)) {
            p.store(w, comment);
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        return p;
    }
}
