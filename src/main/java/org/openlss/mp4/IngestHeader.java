package org.openlss.mp4;

import java.util.Arrays;
import java.util.List;

/**
 * The header boxes of one ingest stream, kept raw so they can be re-sent byte-identical
 * (archive, syndication) and compared on reconnect, plus what they mean.
 * The byte arrays are shared, not copied: treat them as immutable.
 */
public final class IngestHeader {
    private final byte[] ftyp;
    private final byte[] streamManifestBox;
    private final byte[] liveServerManifestBox;
    private final byte[] moov;
    private final StreamManifest streamManifest;
    private final LiveServerManifest liveServerManifest;
    private final MovieHeader movieHeader;
    private final List<TrackDescription> tracks;

    /** Parses and merges the header boxes; {@code streamManifestBox} may be null. */
    public IngestHeader(Box ftyp, Box streamManifestBox, Box liveServerManifestBox, Box moov) {
        this.ftyp = ftyp.bytes();
        this.streamManifestBox = streamManifestBox == null ? null : streamManifestBox.bytes();
        this.liveServerManifestBox = liveServerManifestBox.bytes();
        this.moov = moov.bytes();
        this.streamManifest = streamManifestBox == null ? null : StreamManifest.parse(ManifestBoxes.smil(streamManifestBox));
        this.liveServerManifest = LiveServerManifest.parse(ManifestBoxes.smil(liveServerManifestBox));
        this.movieHeader = MovieHeader.parse(this.moov);
        this.tracks = List.copyOf(TrackDescriptions.describe(liveServerManifest, movieHeader));
    }

    public byte[] ftyp() {
        return ftyp;
    }

    /** The StreamManifestBox, null when the encoder sent none. */
    public byte[] streamManifestBox() {
        return streamManifestBox;
    }

    public byte[] liveServerManifestBox() {
        return liveServerManifestBox;
    }

    public byte[] moov() {
        return moov;
    }

    /** ftyp, [stream manifest], live server manifest, moov: the header as the encoder sent it. */
    public byte[] headerBytes() {
        int smLength = streamManifestBox == null ? 0 : streamManifestBox.length;
        byte[] out = new byte[ftyp.length + smLength + liveServerManifestBox.length + moov.length];
        int at = 0;
        for (byte[] part : new byte[][] {ftyp, streamManifestBox, liveServerManifestBox, moov}) {
            if (part != null) {
                System.arraycopy(part, 0, out, at, part.length);
                at += part.length;
            }
        }
        return out;
    }

    /** Whether {@code other} carries byte-identical header boxes (a reconnect must). */
    public boolean sameBytes(IngestHeader other) {
        return Arrays.equals(ftyp, other.ftyp) && Arrays.equals(streamManifestBox, other.streamManifestBox)
                && Arrays.equals(liveServerManifestBox, other.liveServerManifestBox) && Arrays.equals(moov, other.moov);
    }

    /** The parsed StreamManifestBox, null when absent. */
    public StreamManifest streamManifest() {
        return streamManifest;
    }

    public LiveServerManifest liveServerManifest() {
        return liveServerManifest;
    }

    public MovieHeader movieHeader() {
        return movieHeader;
    }

    /** One description per SMIL track, SMIL order. */
    public List<TrackDescription> tracks() {
        return tracks;
    }

    /** The declared track with this track_ID, or null. */
    public TrackDescription track(int trackId) {
        for (TrackDescription track : tracks) {
            if (track.trackId() == trackId) {
                return track;
            }
        }
        return null;
    }
}
