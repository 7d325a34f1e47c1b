package org.openlss.encoder;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openlss.mp4.BoxFormatException;
import org.openlss.mp4.ClientManifestCodecs;
import org.openlss.mp4.FragmentedFileIndex;
import org.openlss.mp4.MovieFragmentRandomAccess;
import org.openlss.mp4.MovieHeader;
import org.openlss.mp4.OnDemandServerManifest;
import org.openlss.mp4.TrackDescription;
import org.openlss.mp4.TrackDescriptions;

/**
 * Reads what the push encoder replays: an on-demand presentation ({@code .ism} naming its {@code .ismv}/{@code .isma}
 * files, as IIS wrote them and as our archive writes them), one file of such a presentation, or a lone fragmented file
 * with all its tracks and no manifest (ffmpeg's {@code -f ismv}). Fragments are found by scanning the moofs; the
 * {@code mfra} index, where there is one, gives their times (IIS files carry no tfxd).
 */
public final class SourceFiles {
    /** A server manifest larger than this is not one. */
    private static final long MAX_MANIFEST = 16 << 20;

    private SourceFiles() {
    }

    /** The streams to push for the command line's media operands (see {@link EncoderOptions#media()}). */
    public static List<SourceStream> open(List<Path> media) throws PushFailure {
        Path first = media.get(0);
        if (media.size() == 1 && !isServerManifest(first)) {
            return List.of(loneFile(first));
        }
        Path ism = media.get(media.size() - 1);
        if (!isServerManifest(ism)) {
            throw new PushFailure(ism + " is not a server manifest (.ism)");
        }
        OnDemandServerManifest manifest = manifest(ism);
        Map<String, Scan> scans = new LinkedHashMap<>();
        for (String src : manifest.sources()) {
            Path file = ism.toAbsolutePath().getParent().resolve(src);
            if (media.size() == 1 || file.getFileName().equals(first.getFileName())) {
                scans.put(src, scan(file));
            }
        }
        if (scans.isEmpty()) {
            throw new PushFailure(ism + " names no file " + first.getFileName());
        }
        List<OnDemandServerManifest.Track> tracks = describe(ism, manifest, clientManifest(ism, manifest), scans);
        List<SourceStream> streams = new ArrayList<>();
        scans.forEach((src, scan) -> streams.add(scan.stream(tracks.stream().filter(t -> t.src().equals(src))
                .map(OnDemandServerManifest.Track::description).toList())));
        return streams;
    }

    private static boolean isServerManifest(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ism");
    }

    private static OnDemandServerManifest manifest(Path ism) throws PushFailure {
        try {
            if (Files.size(ism) > MAX_MANIFEST) {
                throw new PushFailure(ism + " is too large to be a server manifest");
            }
            return OnDemandServerManifest.parse(Files.readAllBytes(ism));
        } catch (IOException e) {
            throw unreadable(ism, e);
        } catch (BoxFormatException e) {
            throw new PushFailure(ism + " is not a server manifest: " + e.getMessage());
        }
    }

    /**
     * The codec data of the {@code .ismc} beside the {@code .ism} (the one its meta names, else the same name with
     * {@code c}), which IIS-era server manifests leave out; none when there is no such file.
     */
    private static ClientManifestCodecs clientManifest(Path ism, OnDemandServerManifest manifest) throws PushFailure {
        Path ismc = ism.resolveSibling(manifest.clientManifest() != null ? manifest.clientManifest()
                : ism.getFileName() + "c");
        if (!Files.isRegularFile(ismc)) {
            return ClientManifestCodecs.NONE;
        }
        try {
            if (Files.size(ismc) > MAX_MANIFEST) {
                throw new PushFailure(ismc + " is too large to be a client manifest");
            }
            return ClientManifestCodecs.parse(Files.readAllBytes(ismc));
        } catch (IOException e) {
            throw unreadable(ismc, e);
        } catch (BoxFormatException e) {
            throw new PushFailure(ismc + " is not a client manifest: " + e.getMessage());
        }
    }

    private static List<OnDemandServerManifest.Track> describe(Path ism, OnDemandServerManifest manifest,
                                                                ClientManifestCodecs codecs, Map<String, Scan> scans)
            throws PushFailure {
        try {
            return manifest.describe(src -> scans.containsKey(src) ? scans.get(src).index.movieHeader() : null,
                    codecs);
        } catch (BoxFormatException e) {
            throw new PushFailure(ism + " does not match its media files: " + e.getMessage());
        }
    }

    private static SourceStream loneFile(Path file) throws PushFailure {
        Scan scan = scan(file);
        try {
            return scan.stream(TrackDescriptions.describe(scan.index.movieHeader()));
        } catch (BoxFormatException e) {
            throw new PushFailure(file + ": " + e.getMessage());
        }
    }

    private static Scan scan(Path file) throws PushFailure {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            FragmentedFileIndex index = FragmentedFileIndex.scan(channel);
            if (index.movieHeader() == null || index.fragments().isEmpty()) {
                throw new PushFailure(file + " is not a fragmented MP4 file (no moov, or no fragment)");
            }
            return new Scan(file, index, readMoov(channel, index.moov()));
        } catch (IOException e) {
            throw unreadable(file, e);
        } catch (BoxFormatException e) {
            throw new PushFailure(file + " is not a fragmented MP4 file: " + e.getMessage());
        }
    }

    private static byte[] readMoov(FileChannel channel, FragmentedFileIndex.BoxLocation moov) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(moov.size()));
        while (buffer.hasRemaining() && channel.read(buffer, moov.offset() + buffer.position()) >= 0) {
            continue; // the scan checked that the moov lies within the file
        }
        return buffer.array();
    }

    private static PushFailure unreadable(Path file, IOException e) {
        String reason = e instanceof NoSuchFileException ? "no such file" : e.getMessage();
        return new PushFailure("cannot read " + file + ": " + reason, e);
    }

    /** One scanned file. */
    private record Scan(Path file, FragmentedFileIndex index, byte[] moov) {
        /** The stream of {@code tracks} (declared or described from the moov); tracks without a bitrate get the measured one. */
        SourceStream stream(List<TrackDescription> tracks) {
            MovieHeader moovHeader = index.movieHeader();
            Map<Long, Long> mfraTimes = new HashMap<>();
            if (index.mfra() != null) {
                for (MovieFragmentRandomAccess.TrackIndex track : index.mfra().tracks()) {
                    track.entries().forEach(e -> mfraTimes.put(e.moofOffset(), e.time()));
                }
            }
            List<SourceStream.Fragment> fragments = new ArrayList<>();
            Map<Integer, long[]> totals = new HashMap<>();
            for (FragmentedFileIndex.FileFragment f : index.fragments()) {
                TrackDescription track = tracks.stream().filter(t -> t.trackId() == f.trackId()).findFirst().orElse(null);
                if (track == null) {
                    continue; // a track the manifest leaves out
                }
                long timescale = moovHeader.track(f.trackId()).timescale();
                fragments.add(new SourceStream.Fragment(f.trackId(), timescale, mfraTimes.getOrDefault(f.moofOffset(),
                        f.time()), f.duration(), f.moofOffset(), f.length()));
                long[] total = totals.computeIfAbsent(f.trackId(), id -> new long[2]);
                total[0] += f.length();
                total[1] += f.duration();
            }
            fragments.sort(Comparator.comparingLong(SourceStream.Fragment::endTicks));
            List<TrackDescription> described = tracks.stream().map(t -> t.bitrate() > 0 ? t
                    : t.withBitrate(measuredBitrate(totals.get(t.trackId()), moovHeader.track(t.trackId()).timescale())))
                    .toList();
            return new SourceStream(file, described, moov, fragments);
        }

        /** Over the whole file; 1000 for a track without fragments. */
        private static long measuredBitrate(long[] total, long timescale) {
            return total == null ? 1000 : TrackDescription.measuredBitrate(total[0], total[1], timescale);
        }
    }
}
