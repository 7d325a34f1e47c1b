package org.openlss.mp4;

/**
 * MPEG-4 AudioSpecificConfig (ISO/IEC 14496-3 §1.6.2.1): the AAC CodecPrivateData. Reads the
 * object type (with the escape to 32+), the sampling frequency (index or explicit 24-bit rate),
 * the channel configuration, and detects SBR/PS both when signalled explicitly (object type 5/29
 * first) and through the backward-compatible sync extension (0x2B7) ffmpeg writes.
 * A program_config_element (channel configuration 0) is not decoded, so SBR signalled behind one
 * is not seen.
 */
public final class AudioSpecificConfig {
    /** An AudioSpecificConfig longer than this is not AAC configuration. */
    public static final int MAX_LENGTH = 64;
    private static final int[] SAMPLING_RATES = {
        96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350};
    private static final int AAC_LC = 2;
    private static final int SBR = 5;
    private static final int PS = 29;
    private static final int ESCAPE = 31;
    private static final int EXPLICIT_RATE = 15;
    private static final int SYNC_EXTENSION_SBR = 0x2B7;
    private static final int SYNC_EXTENSION_PS = 0x548;

    private final byte[] bytes;
    private final int objectType;
    private final int samplingRate;
    private final int channelConfiguration;
    private final boolean sbr;
    private final boolean ps;

    private AudioSpecificConfig(byte[] bytes, int objectType, int samplingRate, int channelConfiguration,
                                boolean sbr, boolean ps) {
        this.bytes = bytes;
        this.objectType = objectType;
        this.samplingRate = samplingRate;
        this.channelConfiguration = channelConfiguration;
        this.sbr = sbr;
        this.ps = ps;
    }

    public static AudioSpecificConfig parse(byte[] data) {
        if (data.length == 0 || data.length > MAX_LENGTH) {
            throw BoxFormatException.malformed("AudioSpecificConfig of " + data.length + " bytes");
        }
        BitReader in = new BitReader(data, "AudioSpecificConfig");
        int objectType = objectType(in);
        int samplingRate = samplingRate(in);
        int channels = in.readInt(4);
        boolean sbr = false;
        boolean ps = false;
        if (objectType == SBR || objectType == PS) {
            sbr = true;
            ps = objectType == PS;
            samplingRate(in); // extension (output) rate
            objectType = objectType(in);
            if (objectType == 22) {
                in.read(4); // extensionChannelConfiguration (ER BSAC)
            }
        } else if (skipGaSpecificConfig(in, objectType, channels) && in.bitsLeft() >= 16
                && in.read(11) == SYNC_EXTENSION_SBR && objectType(in) == SBR) {
            sbr = in.read(1) == 1;
            if (sbr) {
                samplingRate(in);
                ps = in.bitsLeft() >= 12 && in.read(11) == SYNC_EXTENSION_PS && in.read(1) == 1;
            }
        }
        return new AudioSpecificConfig(data.clone(), objectType, samplingRate, channels, sbr, ps);
    }

    private static int objectType(BitReader in) {
        int type = in.readInt(5);
        return type == ESCAPE ? 32 + in.readInt(6) : type;
    }

    private static int samplingRate(BitReader in) {
        int index = in.readInt(4);
        if (index == EXPLICIT_RATE) {
            return in.readInt(24);
        }
        if (index >= SAMPLING_RATES.length) {
            throw BoxFormatException.malformed("AudioSpecificConfig has reserved sampling frequency index " + index);
        }
        return SAMPLING_RATES[index];
    }

    /** Skips GASpecificConfig; false when it cannot (other object types, or a program_config_element). */
    private static boolean skipGaSpecificConfig(BitReader in, int objectType, int channels) {
        boolean generalAudio = switch (objectType) {
            case 1, 2, 3, 4, 6, 7, 17, 19, 20, 21, 22, 23 -> true;
            default -> false;
        };
        if (!generalAudio || channels == 0) {
            return false;
        }
        in.read(1); // frameLengthFlag
        if (in.read(1) == 1) {
            in.read(14); // coreCoderDelay
        }
        boolean extension = in.read(1) == 1;
        if (objectType == 6 || objectType == 20) {
            in.read(3); // layerNr
        }
        if (extension) {
            if (objectType == 22) {
                in.read(16); // numOfSubFrame, layer_length
            }
            if (objectType == 17 || objectType == 19 || objectType == 20 || objectType == 23) {
                in.read(3); // resilience flags
            }
            in.read(1); // extensionFlag3
        }
        return true;
    }

    /** The 2-byte AAC-LC form for a standard sampling rate and 1..7 channels, e.g. 48 kHz stereo = 11 90. */
    public static byte[] aacLc(int samplingRate, int channels) {
        int index = -1;
        for (int i = 0; i < SAMPLING_RATES.length; i++) {
            if (SAMPLING_RATES[i] == samplingRate) {
                index = i;
            }
        }
        if (index < 0 || channels < 1 || channels > 7) {
            throw BoxFormatException.unsupported("no AAC-LC configuration for " + samplingRate + " Hz, " + channels + " channels");
        }
        int bits = (AAC_LC << 11) | (index << 7) | (channels << 3);
        return new byte[] {(byte) (bits >>> 8), (byte) bits};
    }

    /** The audio object type of the core coder (2 for AAC-LC, also under SBR/PS). */
    public int objectType() {
        return objectType;
    }

    /** The core sampling rate in Hz. */
    public int samplingRate() {
        return samplingRate;
    }

    /** 1..7 per ISO/IEC 14496-3 table 1.19; 0 when a program_config_element defines the channels. */
    public int channelConfiguration() {
        return channelConfiguration;
    }

    /** Whether spectral band replication is present (HE-AAC). */
    public boolean sbr() {
        return sbr;
    }

    /** Whether parametric stereo is present (HE-AAC v2). */
    public boolean ps() {
        return ps;
    }

    /** {@code mp4a.40.N}: 29 with PS, 5 with SBR, else the object type. */
    public String codecString() {
        return "mp4a.40." + (ps ? PS : sbr ? SBR : objectType);
    }

    /** Smooth FourCC: {@code AACH} for HE-AAC (v1 or v2), {@code AACL} for AAC-LC, null for other object types. */
    public String fourCC() {
        if (sbr) {
            return "AACH";
        }
        return objectType == AAC_LC ? "AACL" : null;
    }

    /** The configuration bytes (a copy). */
    public byte[] bytes() {
        return bytes.clone();
    }
}
