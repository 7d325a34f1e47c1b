package org.openlss.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openlss.live.Timeline;
import org.openlss.live.TrackKey;
import org.openlss.mp4.IngestFragment;
import org.openlss.mp4.IngestHeader;
import org.openlss.mp4.MovieHeader;
import org.openlss.mp4.OnDemandServerManifest;
import org.openlss.mp4.TrackDescription;
import org.openlss.smooth.ClientManifest;

/**
 * One archived presentation while it is written: a folder with a media file per input stream, the server manifest
 * ({@code .ism}) naming every track, rewritten atomically whenever a track appears, and, once closed, the client
 * manifest ({@code .ismc}). A folder that has an {@code .ismc} is therefore complete. Opening a folder that holds a
 * presentation already (a resumed event, a segment that gets a late fragment, a repair after a crash) continues it:
 * its {@code .ismc} goes first, then each file is reopened after its last complete fragment.
 *
 * <p>Not thread-safe: the event's archive writes from one task at a time.
 */
final class PresentationWriter {
    /** How archives are listed: on-demand, version 2.0 (no {@code r}), the widest-read form. */
    static final ClientManifest.Options ON_DEMAND = new ClientManifest.Options(false, 0, 0, false);

    private final Path dir;
    private final String name;
    private final Map<String, ArchiveFile> files = new LinkedHashMap<>();
    private List<OnDemandServerManifest.Track> tracks = List.of();
    private final Map<TrackKey, OnDemandServerManifest.Track> byKey = new HashMap<>();

    private PresentationWriter(Path dir, String name) {
        this.dir = dir;
        this.name = name;
    }

    /** Opens the presentation {@code name} in {@code dir}, new or to be continued. */
    static PresentationWriter open(Path dir, String name) throws IOException {
        DurableFiles.createFolders(dir);
        PresentationWriter writer = new PresentationWriter(dir, name);
        Path ism = writer.serverManifest();
        if (Files.exists(ism)) {
            writer.resume(OnDemandServerManifest.parse(Files.readAllBytes(ism)));
        }
        return writer;
    }

    private void resume(OnDemandServerManifest manifest) throws IOException {
        DurableFiles.delete(clientManifest());
        Map<String, MovieHeader> moovs = new HashMap<>();
        for (String src : manifest.sources()) {
            Path file = media(src);
            ArchiveFile reopened = Files.exists(file) ? ArchiveFile.reopen(file) : null;
            if (reopened != null) {
                files.put(src, reopened);
                moovs.put(src, reopened.movieHeader());
            }
        }
        List<OnDemandServerManifest.Track> kept = manifest.describe(moovs::get);
        for (OnDemandServerManifest.Track track : kept) {
            byKey.put(ArchivedStreams.key(track.description()), track);
        }
        tracks = List.copyOf(kept);
    }

    Path directory() {
        return dir;
    }

    /**
     * Writes a fragment of quality level {@code key}, carried by the input stream archived in file {@code src}.
     *
     * @return false for a fragment the file has already, and for a level another stream's file holds (a redundant
     * encoder's copy: each level is archived once)
     */
    boolean append(String src, IngestHeader header, TrackKey key, TrackDescription description,
                   IngestFragment fragment) throws IOException {
        OnDemandServerManifest.Track owner = byKey.get(key);
        if (owner == null) {
            owner = new OnDemandServerManifest.Track(src, description.withBitrate(key.bitrate()));
            List<OnDemandServerManifest.Track> more = new ArrayList<>(tracks);
            more.add(owner);
            DurableFiles.replace(serverManifest(), OnDemandServerManifest.write(clientManifestName(), more));
            tracks = List.copyOf(more);
            byKey.put(key, owner);
        } else if (!owner.src().equals(src) || owner.description().trackId() != fragment.trackId()) {
            return false;
        }
        ArchiveFile file = files.get(src);
        if (file == null) {
            file = ArchiveFile.open(media(src), header);
            files.put(src, file);
        }
        return file.append(fragment);
    }

    /** Forces every fragment written so far to disk. */
    void sync() throws IOException {
        for (ArchiveFile file : files.values()) {
            file.sync();
        }
    }

    /** Ends every file with its index, then writes the client manifest: the presentation is complete. */
    void close() throws IOException {
        IOException failure = null;
        for (ArchiveFile file : files.values()) {
            try {
                file.close();
            } catch (IOException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
        byte[] manifest = ClientManifest.writeStreams(ArchivedStreams.of(tracks, this::timeline), ON_DEMAND);
        if (manifest != null) {
            DurableFiles.replace(clientManifest(), manifest);
        }
    }

    /** Closes the files as they are, open-ended (server shutdown); the next open continues them. */
    void suspend() throws IOException {
        IOException failure = null;
        for (ArchiveFile file : files.values()) {
            try {
                file.suspend();
            } catch (IOException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Gives up the files after a failure, without another write. */
    void abandon() {
        files.values().forEach(ArchiveFile::closeQuietly);
    }

    private Timeline timeline(String src, int trackId) {
        ArchiveFile file = files.get(src);
        return file == null ? new Timeline(new long[0], new long[0]) : file.timeline(trackId);
    }

    private Path media(String src) {
        if (!ArchiveNames.isFileName(src)) {
            throw new IllegalArgumentException("the server manifest in " + dir + " names '" + src
                    + "', which is not a file of the presentation's folder");
        }
        return dir.resolve(src);
    }

    private Path serverManifest() {
        return dir.resolve(name + ArchiveNames.SERVER_MANIFEST);
    }

    private String clientManifestName() {
        return name + ArchiveNames.CLIENT_MANIFEST;
    }

    private Path clientManifest() {
        return dir.resolve(clientManifestName());
    }
}
