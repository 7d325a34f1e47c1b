package org.openlss.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openlss.cmaf.CmafStream;
import org.openlss.hls.FragmentSource;
import org.openlss.hls.OnDemandHls;
import org.openlss.live.FragmentRef;
import org.openlss.live.Timeline;
import org.openlss.live.TrackKey;
import org.openlss.mp4.BoxFormatException;
import org.openlss.mp4.BoxLimits;
import org.openlss.mp4.BoxTypes;
import org.openlss.mp4.Bytes;
import org.openlss.mp4.CmafSegment;
import org.openlss.mp4.FragmentRewriter;
import org.openlss.mp4.KeyFrameFragment;
import org.openlss.mp4.OnDemandServerManifest;
import org.openlss.mp4.TrackDescription;
import org.openlss.mp4.TrackExtends;
import org.openlss.platform.ResponseBody;
import org.openlss.player.SmoothUrl;
import org.openlss.smooth.ClientManifest;
import org.openlss.smooth.ManifestStream;

/**
 * An archived presentation served as IIS served on-demand Smooth Streaming: the {@code .ism} says which file and
 * track holds each quality level, the {@code .ismc} is the manifest, each file's {@code mfra} finds fragments. An
 * archive still being written (or not yet repaired after a crash) has no {@code .ismc}: its files are scanned and the
 * manifest is built from what they hold so far. Read-only and immutable; load it again when the files change.
 */
final class ArchivedPresentation {
    /** A manifest larger than this is not one we wrote. */
    private static final int MAX_MANIFEST = 16 << 20;
    private static final long MAX_FRAGMENT = (long) BoxLimits.DEFAULTS.moof() + BoxLimits.DEFAULTS.mdat();

    /** A quality level: where its fragments are. */
    record Level(TrackKey key, TrackDescription description, Path file, TrackExtends defaults,
                 TrackFragments fragments) {
    }

    /** A fragment in its file: its {@code moof}, its {@code mdat} header size, where it lies, its place in the file. */
    private record Stored(byte[] moof, long mdatHeader, long offset, long length, int index) {
    }

    private final List<Level> levels;
    private final byte[] manifest;
    private final boolean complete;
    private final List<CmafStream> cmafStreams;
    /** Made at the first HLS request (only then are the first fragments read for it); null if there is no video. */
    private volatile OnDemandHls hls;
    private volatile boolean hlsMade;

    private ArchivedPresentation(List<Level> levels, byte[] manifest, boolean complete, List<CmafStream> cmafStreams) {
        this.levels = levels;
        this.manifest = manifest;
        this.complete = complete;
        this.cmafStreams = cmafStreams;
    }

    /**
     * Loads the presentation whose server manifest is {@code ism}. Its files must be plain files beside it: a file
     * name that is a path, or a symbolic link, is not followed (it could lead out of the archive).
     */
    static ArchivedPresentation load(Path ism) throws IOException {
        Path dir = ism.getParent();
        OnDemandServerManifest server = OnDemandServerManifest.parse(readSmall(ism));
        String clientName = server.clientManifest();
        Path client = dir.resolve(clientName != null && ArchiveNames.isFileName(clientName) ? clientName
                : ArchiveRepair.name(ism) + ArchiveNames.CLIENT_MANIFEST);
        Map<String, Path> media = new LinkedHashMap<>();
        for (String src : server.sources()) {
            Path file = ArchiveNames.isFileName(src) ? dir.resolve(src) : null;
            if (file != null && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                media.put(src, file);
            }
        }
        boolean complete = Files.isRegularFile(client, LinkOption.NOFOLLOW_LINKS);
        for (Path file : media.values()) {
            complete &= ArchivedFile.hasIndex(file);
        }
        Map<String, ArchivedFile> files = new HashMap<>();
        for (Map.Entry<String, Path> file : media.entrySet()) {
            ArchivedFile read = ArchivedFile.read(file.getValue(), complete);
            if (read != null) {
                files.put(file.getKey(), read);
            }
        }
        List<OnDemandServerManifest.Track> tracks = server.describe(src -> files.containsKey(src)
                ? files.get(src).movieHeader() : null);
        List<Level> levels = new ArrayList<>(tracks.size());
        Map<String, Timeline> timelines = new HashMap<>();
        for (OnDemandServerManifest.Track track : tracks) {
            ArchivedFile file = files.get(track.src());
            int trackId = track.description().trackId();
            TrackFragments fragments = file.track(trackId) == null ? new TrackFragments() : file.track(trackId);
            levels.add(new Level(ArchivedStreams.key(track.description()), track.description(),
                    media.get(track.src()), file.movieHeader().track(trackId).defaults(), fragments));
            timelines.put(track.src() + "#" + trackId, fragments.timeline());
        }
        Timeline none = new Timeline(new long[0], new long[0]);
        List<ManifestStream> streams = ArchivedStreams.of(tracks,
                (src, trackId) -> timelines.getOrDefault(src + "#" + trackId, none));
        List<CmafStream> cmaf = ArchivedStreams.cmaf(streams);
        if (complete) {
            return new ArchivedPresentation(levels, readSmall(client), true, cmaf);
        }
        byte[] built = ClientManifest.writeStreams(streams, PresentationWriter.ON_DEMAND);
        return new ArchivedPresentation(levels, built, false, cmaf);
    }

    /** The client manifest; null while no fragment is archived yet. */
    byte[] manifest() {
        return manifest;
    }

    /** The streams as the CMAF outputs list them. */
    List<CmafStream> cmafStreams() {
        return cmafStreams;
    }

    /** The presentation as Apple HTTP Live Streaming (TS); empty when it holds no H.264 video. */
    Optional<OnDemandHls> hls() {
        if (!hlsMade) {
            // two first requests may both make it: the same result, and cheaper than a lock on every request
            hls = OnDemandHls.of(levels.stream().map(level -> new OnDemandHls.Level(level.key(), media(level)))
                    .toList(), complete);
            hlsMade = true;
        }
        return Optional.ofNullable(hls);
    }

    /** The level's fragments as the TS muxer reads them: whole, straight from the file. */
    private static FragmentSource media(Level level) {
        return new FragmentSource() {
            @Override
            public TrackDescription description() {
                return level.description();
            }

            @Override
            public TrackExtends defaults() {
                return level.defaults();
            }

            @Override
            public List<FragmentRef> between(long from, long to) {
                return level.fragments().overlapping(from, to);
            }

            @Override
            public byte[] read(FragmentRef ref) {
                if (ref.size() > MAX_FRAGMENT || ref.size() < 16) {
                    throw BoxFormatException.malformed("the fragment at " + ref.time() + " is " + ref.size()
                            + " bytes long");
                }
                try (FileChannel file = FileChannel.open(level.file(), StandardOpenOption.READ)) {
                    return ArchivedFile.read(file, ref.position(), ref.size());
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + level.file().getFileName(), e);
                }
            }

            @Override
            public String toString() {
                return level.key().toString();
            }
        };
    }

    /** Whether every file is indexed and the client manifest written: nothing will change any more. */
    boolean complete() {
        return complete;
    }

    /** The level clients address as {@code QualityLevels(bitrate[,attributes])/...(name=...)}, or null. */
    Level level(String streamName, long bitrate, Map<String, String> attributes) {
        for (Level level : levels) {
            TrackKey key = level.key();
            if (key.name().equals(streamName) && key.bitrate() == bitrate && key.customAttributes().equals(attributes)) {
                return level;
            }
        }
        return null;
    }

    /**
     * The response to a fragment request in its four forms (smooth-client.md §1); null when no fragment of the level
     * starts at {@code time}. On-demand fragments carry no {@code tfrf}. Only the {@code moof} is read into memory;
     * the media is sent straight from the file.
     */
    static ResponseBody fragment(Level level, long time, SmoothUrl.Noun noun) throws IOException {
        Stored stored = read(level, time);
        if (stored == null) {
            return null;
        }
        byte[] moof = stored.moof();
        long offset = stored.offset();
        long length = stored.length();
        long mdatHeader = stored.mdatHeader();
        long mdat = offset + moof.length;
        long mdatLength = length - moof.length;
        return switch (noun) {
            // our archive files hold fragments without tfrf or free already: then they are served as stored
            case Fragments -> FragmentRewriter.moofSize(moof, null) == moof.length
                    ? ResponseBody.of(new byte[0], level.file(), offset, length)
                    : ResponseBody.of(FragmentRewriter.moof(moof, null), level.file(), mdat, mdatLength);
            case FragmentInfo -> ResponseBody.of(FragmentRewriter.moof(moof, null));
            case RawFragments -> ResponseBody.of(new byte[0], level.file(), mdat + mdatHeader, mdatLength - mdatHeader);
            case KeyFrames -> {
                try (FileChannel file = FileChannel.open(level.file(), StandardOpenOption.READ)) {
                    yield ResponseBody.of(KeyFrameFragment.build(moof,
                            ArchivedFile.read(file, mdat, (int) mdatLength), level.defaults(), null));
                }
            }
        };
    }

    /**
     * The CMAF segment of the fragment at {@code time} (its new {@code moof}, then the {@code mdat} straight from the
     * file); null when no fragment of the level starts there.
     */
    static ResponseBody cmafSegment(Level level, long time) throws IOException {
        Stored stored = read(level, time);
        if (stored == null) {
            return null;
        }
        int moofSize = stored.moof().length;
        byte[] head = CmafSegment.head(stored.moof(), time, stored.index(), level.defaults());
        return ResponseBody.of(head, level.file(), stored.offset() + moofSize, stored.length() - moofSize);
    }

    /** The fragment at {@code time}: its {@code moof} and the first 16 bytes after it; null when there is none. */
    private static Stored read(Level level, long time) throws IOException {
        int at = level.fragments().find(time);
        if (at < 0) {
            return null;
        }
        long offset = level.fragments().offset(at);
        long length = level.fragments().length(at);
        if (length > MAX_FRAGMENT || length < 16) {
            throw BoxFormatException.malformed("the fragment at " + time + " is " + length + " bytes long");
        }
        try (FileChannel file = FileChannel.open(level.file(), StandardOpenOption.READ)) {
            int moofSize = (int) Bytes.u32(ArchivedFile.read(file, offset, 4), 0);
            if (moofSize < 8 || moofSize + 16L > length) {
                throw BoxFormatException.malformed("no moof and mdat at the offset the index gives for " + time);
            }
            byte[] head = ArchivedFile.read(file, offset, moofSize + 16);
            if (Bytes.i32(head, 4) != BoxTypes.MOOF || Bytes.i32(head, moofSize + 4) != BoxTypes.MDAT) {
                throw BoxFormatException.malformed("no moof and mdat at the offset the index gives for " + time);
            }
            return new Stored(Arrays.copyOf(head, moofSize), Bytes.u32(head, moofSize) == 1 ? 16 : 8, offset, length,
                    at);
        }
    }

    private static byte[] readSmall(Path file) throws IOException {
        if (Files.size(file) > MAX_MANIFEST) {
            throw BoxFormatException.malformed(file.getFileName() + " is larger than " + MAX_MANIFEST + " bytes");
        }
        return Files.readAllBytes(file);
    }
}
