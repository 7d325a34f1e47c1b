package org.openlss.mp4;

import java.util.Locale;

/**
 * The RFC 6381 codec string of a quality level ({@code avc1.64001f}, {@code mp4a.40.2}), from its codec data, for the
 * MPD's {@code @codecs} and HLS {@code CODECS}. CMAF carries H.264 video and AAC audio here; other codecs are 415.
 */
public final class CmafCodecs {
    private CmafCodecs() {
    }

    /** Whether {@code description} can be carried as CMAF (H.264 video or AAC audio with its configuration). */
    public static boolean carried(TrackDescription description) {
        return avc(description) || aac(description);
    }

    /** The codec string; {@link BoxFormatException} (415) for a codec that is not carried. */
    public static String of(TrackDescription description) {
        if (avc(description)) {
            return config(description).codecString().toLowerCase(Locale.ROOT);
        }
        if (aac(description)) {
            return AudioSpecificConfig.parse(description.codecPrivateData()).codecString();
        }
        throw BoxFormatException.unsupported("stream '" + description.trackName() + "' (" + description.fourCC()
                + ") is neither H.264 nor AAC: not carried as CMAF");
    }

    static boolean avc(TrackDescription description) {
        return description.type() == TrackType.VIDEO
                && ("H264".equals(description.fourCC()) || "AVC1".equals(description.fourCC()));
    }

    static boolean aac(TrackDescription description) {
        return description.type() == TrackType.AUDIO && description.fourCC() != null
                && description.fourCC().startsWith("AAC") && description.codecPrivateData().length > 0;
    }

    static AvcDecoderConfig config(TrackDescription video) {
        return AvcDecoderConfig.fromCodecPrivateData(video.codecPrivateData(),
                video.nalLengthSize() > 0 ? video.nalLengthSize() : 4);
    }
}
