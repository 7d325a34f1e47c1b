package org.openlss.mp4;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Merges the live server manifest (the authority) with the moov (the fallback for missing values)
 * into one {@link TrackDescription} per SMIL track (smooth-ingest.md §4.2 "Server rule").
 */
public final class TrackDescriptions {
    private static final int AAC_AUDIO_TAG = WaveFormatEx.TAG_AAC;
    private static final int AAC_PACKET_SIZE = 4;
    private static final int DEFAULT_NAL_LENGTH_SIZE = 4;
    private static final int DEFAULT_BITS_PER_SAMPLE = 16;

    private TrackDescriptions() {
    }

    /**
     * One description per SMIL track, in SMIL order. A trackID missing from the moov, or of another
     * type there, is 412; a codec without usable configuration is 415; bad values are 400.
     */
    public static List<TrackDescription> describe(LiveServerManifest smil, MovieHeader moov) {
        List<TrackDescription> tracks = new ArrayList<>(smil.tracks().size());
        Set<Integer> seen = new HashSet<>();
        for (SmilTrack track : smil.tracks()) {
            TrackDescription description = describe(track, moov);
            if (!seen.add(description.trackId())) {
                throw BoxFormatException.malformed("live server manifest describes trackID " + description.trackId() + " twice");
            }
            tracks.add(description);
        }
        return tracks;
    }

    /**
     * One description per audio and video track of a moov that comes without a live server manifest (a file as
     * ffmpeg's {@code -f ismv} writes it), in moov order, everything taken from the moov; the bitrate is 0 (unknown).
     */
    public static List<TrackDescription> describe(MovieHeader moov) {
        List<SmilTrack> tracks = new ArrayList<>();
        for (TrackHeader trak : moov.tracks()) {
            TrackType type = TrackType.ofHandler(trak.handler());
            if (type != TrackType.TEXT) {
                SmilTrack track = new SmilTrack(type, null, null);
                track.addParam("trackID", Integer.toString(trak.trackId()));
                tracks.add(track);
            }
        }
        if (tracks.isEmpty()) {
            throw BoxFormatException.unsupported("the moov has neither an audio nor a video track");
        }
        return describe(LiveServerManifest.of(tracks), moov);
    }

    private static TrackDescription describe(SmilTrack smil, MovieHeader moov) {
        String idText = smil.param("trackID");
        if (idText == null) {
            throw BoxFormatException.malformed("live server manifest track without a trackID param");
        }
        int trackId = intValue(SmilTrack.parseNumber(idText, "trackID"), "trackID");
        TrackHeader trak = moov.track(trackId);
        if (trak == null) {
            throw BoxFormatException.badHeaders("live server manifest trackID " + trackId + " is not in the moov");
        }
        TrackType type = smil.type();
        TrackType moovType = TrackType.ofHandler(trak.handler());
        if (type != moovType) {
            throw BoxFormatException.badHeaders("trackID " + trackId + " is " + type.smilElement()
                    + " in the live server manifest but has handler '" + trak.handler() + "' in the moov");
        }
        String trackName = smil.param("trackName");
        long timescale = smil.number("timescale", trak.timescale());
        if (timescale == 0) {
            throw BoxFormatException.malformed("trackID " + trackId + " has timescale 0");
        }
        Codec codec = switch (type) {
            case VIDEO -> Codec.video(smil, trak);
            case AUDIO -> Codec.audio(smil, trak);
            case TEXT -> Codec.text(smil);
        };
        int maxWidth = intParam(smil, smil.param("MaxWidth") != null ? "MaxWidth" : "Width", trak.width());
        int maxHeight = intParam(smil, smil.param("MaxHeight") != null ? "MaxHeight" : "Height", trak.height());
        String manifestOutput = smil.param("manifestOutput");
        return new TrackDescription(trackId, type,
                trackName == null || trackName.isBlank() ? type.defaultTrackName() : trackName,
                bitrate(smil), timescale, codec.fourCC, codec.privateData, codec.nalLengthSize,
                type == TrackType.VIDEO ? maxWidth : 0, type == TrackType.VIDEO ? maxHeight : 0,
                type == TrackType.VIDEO ? intParam(smil, "DisplayWidth", maxWidth) : 0,
                type == TrackType.VIDEO ? intParam(smil, "DisplayHeight", maxHeight) : 0,
                codec.samplingRate, codec.channels, codec.bitsPerSample, codec.packetSize, codec.audioTag,
                smil.param("Subtype"), blankToNull(smil.param("parentTrackName")),
                "true".equalsIgnoreCase(manifestOutput) || "1".equals(manifestOutput),
                language(smil, trak), customAttributes(smil));
    }

    private static long bitrate(SmilTrack smil) {
        String text = smil.systemBitrate() != null ? smil.systemBitrate() : smil.param("systemBitrate");
        long bitrate = text == null ? 0 : SmilTrack.parseNumber(text, "systemBitrate");
        if (bitrate > 0xFFFF_FFFFL) {
            throw BoxFormatException.malformed("systemBitrate " + bitrate + " does not fit 32 bits");
        }
        return bitrate;
    }

    private static String language(SmilTrack smil, TrackHeader trak) {
        String language = smil.systemLanguage() != null ? smil.systemLanguage() : smil.param("systemLanguage");
        if (language == null || language.isBlank()) {
            return "und".equals(trak.language()) ? null : trak.language();
        }
        return language;
    }

    private static Map<String, String> customAttributes(SmilTrack smil) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Map.Entry<String, String> param : smil.params().entrySet()) {
            String name = param.getKey();
            if (name.indexOf('_') > 0 || name.equalsIgnoreCase("hardwareProfile")) {
                attributes.put(name, param.getValue());
            }
        }
        return attributes;
    }

    static int intParam(SmilTrack smil, String name, int fallback) {
        return intValue(smil.number(name, fallback), name);
    }

    private static int intValue(long value, String name) {
        if (value > Integer.MAX_VALUE) {
            throw BoxFormatException.malformed("SMIL " + name + " " + value + " is too large");
        }
        return (int) value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** The codec half of a description: FourCC, CodecPrivateData and the audio fields. */
    private static final class Codec {
        private String fourCC;
        private byte[] privateData = new byte[0];
        private int nalLengthSize;
        private int samplingRate;
        private int channels;
        private int bitsPerSample;
        private int packetSize;
        private int audioTag;

        private static String fourCC(SmilTrack smil) {
            String value = blankToNull(smil.param("FourCC"));
            return value == null ? null : value.strip().toUpperCase(Locale.ROOT);
        }

        private static byte[] privateData(SmilTrack smil) {
            String hex = blankToNull(smil.param("CodecPrivateData"));
            return hex == null ? null : Bytes.parseHex(hex, "CodecPrivateData");
        }

        static Codec video(SmilTrack smil, TrackHeader trak) {
            Codec codec = new Codec();
            codec.fourCC = fourCC(smil);
            byte[] smilData = privateData(smil);
            AvcDecoderConfig avcC = trak.avcConfig();
            if (codec.fourCC == null) {
                String format = trak.sampleEntry() == null ? "none" : trak.sampleEntry().originalFormat();
                if (!"avc1".equals(format) && !"avc3".equals(format)) {
                    throw BoxFormatException.unsupported("video track " + trak.trackId() + " has no FourCC and sample entry '"
                            + format + "' is not H.264");
                }
                codec.fourCC = "H264";
            }
            if ("H264".equals(codec.fourCC) || "AVC1".equals(codec.fourCC)) {
                codec.nalLengthSize = intParam(smil, "NALUnitLengthField",
                        avcC != null ? avcC.nalLengthSize() : DEFAULT_NAL_LENGTH_SIZE);
                AvcDecoderConfig config = smilData != null
                        ? AvcDecoderConfig.fromCodecPrivateData(smilData, codec.nalLengthSize) : avcC;
                if (config == null) {
                    throw BoxFormatException.unsupported("H.264 track " + trak.trackId() + " has neither CodecPrivateData nor avcC");
                }
                codec.privateData = config.codecPrivateData();
            } else if (smilData != null) {
                codec.privateData = smilData;
            } else {
                throw BoxFormatException.unsupported("video track " + trak.trackId() + " (" + codec.fourCC + ") has no CodecPrivateData");
            }
            return codec;
        }

        static Codec audio(SmilTrack smil, TrackHeader trak) {
            Codec codec = new Codec();
            codec.fourCC = fourCC(smil);
            byte[] smilData = privateData(smil);
            String wfxHex = blankToNull(smil.param("WaveFormatEx"));
            WaveFormatEx wfx = wfxHex == null ? null : WaveFormatEx.parse(Bytes.parseHex(wfxHex, "WaveFormatEx"));
            boolean aac = codec.fourCC == null ? wfx == null || wfx.formatTag() == WaveFormatEx.TAG_AAC
                    : codec.fourCC.startsWith("AAC");
            AudioSpecificConfig asc = null;
            if (aac) {
                byte[] config = smilData;
                if (config == null && wfx != null && wfx.extra().length > 0) {
                    config = wfx.extra();
                }
                if (config == null) {
                    config = trak.audioSpecificConfig();
                }
                if (config == null && codec.fourCC != null) {
                    int rate = intParam(smil, "SamplingRate", wfx != null ? (int) wfx.samplesPerSec() : trak.sampleRate());
                    config = AudioSpecificConfig.aacLc(rate, intParam(smil, "Channels", wfx != null ? wfx.channels() : trak.channelCount()));
                }
                if (config == null) {
                    throw BoxFormatException.unsupported("audio track " + trak.trackId() + " has no AAC configuration and no FourCC");
                }
                asc = AudioSpecificConfig.parse(config);
                if (codec.fourCC == null) {
                    codec.fourCC = asc.fourCC();
                    if (codec.fourCC == null) {
                        throw BoxFormatException.unsupported("audio track " + trak.trackId() + " is AAC object type " + asc.objectType());
                    }
                }
                codec.privateData = config;
            } else if (smilData != null || wfx != null) {
                codec.privateData = smilData != null ? smilData : Bytes.parseHex(wfxHex, "WaveFormatEx");
            } else {
                throw BoxFormatException.unsupported("audio track " + trak.trackId() + " (" + codec.fourCC + ") has no CodecPrivateData");
            }
            codec.samplingRate = intParam(smil, "SamplingRate", wfx != null ? (int) wfx.samplesPerSec()
                    : trak.sampleRate() > 0 ? trak.sampleRate() : asc != null ? asc.samplingRate() : 0);
            codec.channels = intParam(smil, "Channels", wfx != null ? wfx.channels()
                    : trak.channelCount() > 0 ? trak.channelCount() : asc != null ? asc.channelConfiguration() : 0);
            codec.bitsPerSample = intParam(smil, "BitsPerSample", wfx != null ? wfx.bitsPerSample()
                    : trak.sampleSize() > 0 ? trak.sampleSize() : DEFAULT_BITS_PER_SAMPLE);
            codec.packetSize = intParam(smil, "PacketSize", wfx != null ? wfx.blockAlign() : aac ? AAC_PACKET_SIZE : 0);
            codec.audioTag = intParam(smil, "AudioTag", wfx != null ? wfx.formatTag() : aac ? AAC_AUDIO_TAG : 0);
            return codec;
        }

        static Codec text(SmilTrack smil) {
            Codec codec = new Codec();
            codec.fourCC = fourCC(smil);
            byte[] smilData = privateData(smil);
            if (smilData != null) {
                codec.privateData = smilData;
            }
            return codec;
        }
    }
}
