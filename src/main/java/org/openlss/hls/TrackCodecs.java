package org.openlss.hls;

import java.util.Locale;
import org.openlss.mp4.AudioSpecificConfig;
import org.openlss.mp4.AvcDecoderConfig;
import org.openlss.mp4.BoxFormatException;
import org.openlss.mp4.TrackDescription;

/**
 * What MPEG-2 TS carriage needs from a quality level's codec data: H.264 parameter sets and AAC configuration
 * (normalised into CodecPrivateData by the ingest), and their RFC 6381 names for {@code CODECS}.
 */
final class TrackCodecs {
    private TrackCodecs() {
    }

    /** The H.264 configuration of a video level, or null when it is not H.264 (TS here carries only H.264 video). */
    static AvcDecoderConfig avc(TrackDescription video) {
        if (!"H264".equals(video.fourCC()) && !"AVC1".equals(video.fourCC())) {
            return null;
        }
        try {
            return AvcDecoderConfig.fromCodecPrivateData(video.codecPrivateData(), video.nalLengthSize());
        } catch (BoxFormatException e) {
            return null;
        }
    }

    /** The AudioSpecificConfig of an audio level, or null when it is not AAC (ADTS carries only AAC). */
    static byte[] aac(TrackDescription audio) {
        String fourCC = audio.fourCC();
        byte[] config = audio.codecPrivateData();
        return fourCC != null && fourCC.startsWith("AAC") && config.length > 0 ? config : null;
    }

    /** {@code avc1.PPCCLL[,mp4a.40.N]}. */
    static String codecs(TrackDescription video, TrackDescription audio) {
        String codecs = avc(video).codecString().toLowerCase(Locale.ROOT);
        return audio == null ? codecs : codecs + "," + AudioSpecificConfig.parse(aac(audio)).codecString();
    }
}
