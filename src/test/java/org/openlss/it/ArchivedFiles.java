package org.openlss.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.openlss.mp4.Bytes;
import org.openlss.mp4.FragmentedFileIndex;
import org.openlss.mp4.IngestBody;
import org.openlss.mp4.IngestFragment;
import org.openlss.testing.TestTools;

/** The archive on disk as a test inspects it: its folders, each file's fragments with their mdat, ffprobe's view. */
final class ArchivedFiles {
    /** A fragment of a file or of an ingest capture: track, tfxd time and the complete mdat box. */
    record Fragment(int trackId, long time, byte[] mdat) {
        String key() {
            return trackId + "@" + time;
        }
    }

    private ArchivedFiles() {
    }

    /** The fragments of an archived file, in file order; the file must be complete (indexed, nothing torn). */
    static List<Fragment> fragments(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            FragmentedFileIndex index = FragmentedFileIndex.scan(channel);
            if (index.truncatedAt() >= 0 || index.mfra() == null) {
                throw new AssertionError(file + " is not complete: truncated at " + index.truncatedAt()
                        + ", mfra " + index.mfraLocation());
            }
            byte[] bytes = Files.readAllBytes(file);
            List<Fragment> fragments = new ArrayList<>();
            for (FragmentedFileIndex.FileFragment f : index.fragments()) {
                int moof = (int) f.moofOffset();
                int mdat = moof + (int) Bytes.u32(bytes, moof);
                fragments.add(new Fragment(f.trackId(), f.time(),
                        Arrays.copyOfRange(bytes, mdat, (int) (f.moofOffset() + f.length()))));
            }
            return fragments;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fragments an encoder sent in a captured ingest body, in order. */
    static List<Fragment> fragments(byte[] body) {
        List<Fragment> fragments = new ArrayList<>();
        for (IngestFragment f : IngestBody.parse(body).fragments()) {
            fragments.add(new Fragment(f.trackId(), f.time(), f.mdat()));
        }
        return fragments;
    }

    /** ffprobe reading every packet of every stream: "codec,packets" per stream. Fails if ffprobe fails. */
    static List<String> probe(Path file) {
        String out = TestTools.run(List.of("ffprobe", "-v", "error", "-count_packets", "-show_entries",
                "stream=codec_name,nb_read_packets", "-of", "csv=p=0", file.toString()), new byte[0]);
        return out.lines().filter(l -> !l.isBlank()).toList();
    }

    static List<String> names(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
