package org.openlss.encoder;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.openlss.mp4.TextTrackBoxes;
import org.openlss.mp4.TrackDescription;
import org.openlss.mp4.TrackType;
import org.openlss.mp4.text.Cue;
import org.openlss.mp4.text.Ttml;
import org.openlss.mp4.text.WebVtt;

/**
 * A caption track added to the replayed presentation from a sidecar file ({@code /captions}), sent as Expression
 * Encoder and Azure's caption inserters sent theirs: a sparse text stream of its own (its own POST, so it may end
 * without end of stream under {@code /noSparseEOS}), FourCC {@code TTML}, Subtype {@code CAPT}, attached to the video
 * track. The sidecar's times count from the presentation's start. Fragments run back to back over the whole
 * presentation, cut wherever a caption starts or ends, so each holds the captions shown throughout it (none: an empty
 * document, which clears the screen); each is one sample, a whole TTML document timed from the fragment's start.
 */
final class CaptionTrack {
    static final int TRACK_ID = 1;
    static final long BITRATE = 1000;

    private CaptionTrack() {
    }

    /** The captions of {@code sidecar} (WebVTT by its {@code .vtt} name, else TTML), at the file's own times. */
    static List<Cue> read(Path sidecar) throws PushFailure {
        try {
            byte[] bytes = Files.readAllBytes(sidecar);
            return sidecar.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".vtt")
                    ? WebVtt.read(new String(bytes, StandardCharsets.UTF_8))
                    : Ttml.read(bytes, 0, Long.MAX_VALUE);
        } catch (IOException e) {
            throw new PushFailure("cannot read the captions " + sidecar + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new PushFailure(sidecar + ": " + e.getMessage(), e);
        }
    }

    /** The live description of the caption track attached to {@code parent}. */
    static TrackDescription description(String parent, String language, boolean manifestOutput) {
        String name = "textstream" + (language == null ? "" : "_" + language);
        return new TrackDescription(TRACK_ID, TrackType.TEXT, name, BITRATE, LiveTimeline.TICKS_PER_SECOND, "TTML",
                null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, "CAPT", parent, manifestOutput, language, Map.of());
    }

    /** A fragment of the caption track: [start, end) in ticks and the captions shown in it, at absolute times. */
    record Fragment(long start, long end, List<Cue> cues) {
    }

    /**
     * {@code cues} (counted from the presentation start) cut into fragments covering [{@code first}, {@code end}) of
     * the presentation's timeline; captions beyond the presentation are cut off.
     */
    static List<Fragment> cut(List<Cue> cues, long first, long end) {
        List<Cue> placed = new ArrayList<>();
        TreeSet<Long> bounds = new TreeSet<>(List.of(first, end));
        for (Cue cue : cues) {
            long start = Math.max(first, first + cue.start());
            long stop = Math.min(end, first + cue.end());
            if (stop > start) {
                placed.add(new Cue(start, stop, cue.text()));
                bounds.add(start);
                bounds.add(stop);
            }
        }
        List<Fragment> fragments = new ArrayList<>();
        Long from = null;
        for (long bound : bounds) {
            if (from != null) {
                long start = from;
                fragments.add(new Fragment(start, bound, placed.stream().filter(c -> c.overlaps(start, bound)).toList()));
            }
            from = bound;
        }
        return fragments;
    }

    /**
     * The caption stream of the push: {@code options.captions()} over the presentation of {@code media}, written to a
     * temporary file so that it is pushed (and looped, retimed, reconnected) like any media file.
     */
    static SourceStream stream(EncoderOptions options, List<SourceStream> media) throws PushFailure {
        String parent = media.stream().flatMap(s -> s.tracks().stream()).filter(t -> t.type() == TrackType.VIDEO)
                .map(TrackDescription::trackName).findFirst()
                .orElseThrow(() -> new PushFailure("/captions needs a video track to attach the captions to"));
        long first = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        for (SourceStream stream : media) {
            for (SourceStream.Fragment f : stream.fragments()) {
                first = Math.min(first, f.startTicks());
                end = Math.max(end, f.endTicks());
            }
        }
        TrackDescription track = description(parent, options.captionsLanguage(), options.captionsManifestOutput());
        List<Fragment> fragments = cut(read(options.captions()), first, end);
        try {
            Path file = Files.createTempFile("pushencoder-captions-", ".ismt");
            file.toFile().deleteOnExit();
            List<SourceStream.Fragment> index = new ArrayList<>();
            String language = options.captionsLanguage() == null ? "" : options.captionsLanguage();
            try (OutputStream out = Files.newOutputStream(file)) {
                long offset = 0;
                for (Fragment f : fragments) {
                    byte[] sample = Ttml.write(f.cues(), f.start(), language);
                    byte[][] boxes = TextTrackBoxes.fragment(index.size() + 1, TRACK_ID, f.start(), f.end() - f.start(),
                            sample);
                    out.write(boxes[0]);
                    out.write(boxes[1]);
                    long length = boxes[0].length + boxes[1].length;
                    index.add(new SourceStream.Fragment(TRACK_ID, LiveTimeline.TICKS_PER_SECOND, f.start(),
                            f.end() - f.start(), offset, length));
                    offset += length;
                }
            }
            return new SourceStream(file, List.of(track), TextTrackBoxes.moov(track), index);
        } catch (IOException e) {
            throw new PushFailure("cannot write the caption track to a temporary file: " + e.getMessage(), e);
        }
    }
}
