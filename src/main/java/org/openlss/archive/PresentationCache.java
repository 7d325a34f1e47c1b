package org.openlss.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The archived presentations read recently, so a player's stream of fragment requests does not index the files each
 * time. An entry is reused while no file of its folder changed name, size or time since just before it was read: a
 * complete archive is read once; one still being written is read again as it grows, never older than its files.
 */
final class PresentationCache {
    private static final int SIZE = 64;

    private record Entry(ArchivedPresentation presentation, List<String> stamp) {
    }

    private final Map<Path, Entry> entries = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, Entry> eldest) {
            return size() > SIZE;
        }
    });

    /** The presentation of server manifest {@code ism} as its files are now. */
    ArchivedPresentation get(Path ism) throws IOException {
        List<String> stamp = folderStamp(ism.getParent());
        Entry entry = entries.get(ism);
        if (entry != null && entry.stamp().equals(stamp)) {
            return entry.presentation();
        }
        ArchivedPresentation loaded = ArchivedPresentation.load(ism);
        entries.put(ism, new Entry(loaded, stamp)); // a write during the load changes the stamp: read again then
        return loaded;
    }

    private static List<String> folderStamp(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().map(PresentationCache::fileStamp).toList();
        }
    }

    private static String fileStamp(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return file.getFileName() + ":" + a.size() + "@" + a.lastModifiedTime().toMillis();
        } catch (IOException gone) {
            return file.getFileName() + ":-";
        }
    }
}
