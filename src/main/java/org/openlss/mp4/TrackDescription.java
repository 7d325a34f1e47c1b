package org.openlss.mp4;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a client manifest (and a push encoder's live server manifest) says about one track:
 * the SMIL values, completed from the moov where the SMIL is silent (see {@link TrackDescriptions}).
 * Integer fields are 0 when unknown or not applicable to the track type.
 *
 * @param trackId          track_ID in the stream (tkhd/tfhd)
 * @param trackName        client-facing stream name ({@code Fragments(<trackName>=…)})
 * @param bitrate          SMIL systemBitrate; 0 = unknown (the caller must estimate one)
 * @param timescale        units per second of fragment times and durations
 * @param fourCC           upper case ({@code H264}, {@code AACL}, {@code AACH}, {@code WVC1}, …); null for a text track without one
 * @param codecPrivateData H.264: 00000001+SPS+00000001+PPS; AAC: AudioSpecificConfig; empty when none (text)
 * @param nalLengthSize    H.264 NAL length field size (4 unless said otherwise); 0 for other codecs
 * @param subtype          text track category (SCMD, CHAP, …) or null
 * @param parentTrackName  makes this a sparse track attached to that track; null otherwise
 * @param manifestOutput   sparse sample data is copied into the client manifest
 * @param language         systemLanguage as given, else the mdhd language when not {@code und}; null when unknown
 * @param customAttributes {@code <namespace>_<attribute>} and {@code hardwareProfile} params, in SMIL order
 */
public record TrackDescription(int trackId, TrackType type, String trackName, long bitrate, long timescale,
                               String fourCC, byte[] codecPrivateData, int nalLengthSize,
                               int maxWidth, int maxHeight, int displayWidth, int displayHeight,
                               int samplingRate, int channels, int bitsPerSample, int packetSize, int audioTag,
                               String subtype, String parentTrackName, boolean manifestOutput, String language,
                               Map<String, String> customAttributes) {
    /** The Smooth default timescale (100 ns units). */
    public static final long DEFAULT_TIMESCALE = 10_000_000L;

    public TrackDescription {
        codecPrivateData = codecPrivateData == null ? new byte[0] : codecPrivateData.clone();
        customAttributes = Collections.unmodifiableMap(new LinkedHashMap<>(customAttributes));
    }

    /** CodecPrivateData (a copy). */
    @Override
    public byte[] codecPrivateData() {
        return codecPrivateData.clone();
    }

    /** CodecPrivateData as upper-case hex, as the client manifest writes it. */
    public String codecPrivateDataHex() {
        return Bytes.hex(codecPrivateData);
    }

    /** Value equality, CodecPrivateData compared by content (custom attribute order ignored). */
    @Override
    public boolean equals(Object other) {
        return other instanceof TrackDescription that
                && trackId == that.trackId && type == that.type && Objects.equals(trackName, that.trackName)
                && bitrate == that.bitrate && timescale == that.timescale && Objects.equals(fourCC, that.fourCC)
                && Arrays.equals(codecPrivateData, that.codecPrivateData) && nalLengthSize == that.nalLengthSize
                && maxWidth == that.maxWidth && maxHeight == that.maxHeight
                && displayWidth == that.displayWidth && displayHeight == that.displayHeight
                && samplingRate == that.samplingRate && channels == that.channels
                && bitsPerSample == that.bitsPerSample && packetSize == that.packetSize && audioTag == that.audioTag
                && Objects.equals(subtype, that.subtype) && Objects.equals(parentTrackName, that.parentTrackName)
                && manifestOutput == that.manifestOutput && Objects.equals(language, that.language)
                && customAttributes.equals(that.customAttributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(trackId, type, trackName, bitrate, fourCC, Arrays.hashCode(codecPrivateData));
    }

    @Override
    public String toString() {
        return "TrackDescription[" + trackId + " " + type + " " + trackName + " " + bitrate + " " + fourCC
                + " " + codecPrivateDataHex() + "]";
    }

    /** A bitrate measured from {@code bytes} over {@code ticks}, in whole kbit/s as encoders declare them; at least 1000. */
    public static long measuredBitrate(long bytes, long ticks, long timescale) {
        double bitsPerSecond = ticks > 0 ? bytes * 8.0 * timescale / ticks : bytes * 8.0;
        return Math.max(1000, Math.round(bitsPerSecond / 1000) * 1000);
    }

    /** The same track at another bitrate (one measured, when the encoder declared none). */
    public TrackDescription withBitrate(long newBitrate) {
        return newBitrate == bitrate ? this : new TrackDescription(trackId, type, trackName, newBitrate, timescale, fourCC,
                codecPrivateData, nalLengthSize, maxWidth, maxHeight, displayWidth, displayHeight, samplingRate,
                channels, bitsPerSample, packetSize, audioTag, subtype, parentTrackName, manifestOutput, language,
                customAttributes);
    }

    /** Whether this is a sparse track (it names a parent track). */
    public boolean sparse() {
        return parentTrackName != null;
    }
}
