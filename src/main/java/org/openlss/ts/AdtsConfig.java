package org.openlss.ts;

import org.openlss.mp4.AudioSpecificConfig;

/**
 * The three AudioSpecificConfig values an ADTS header repeats (ISO/IEC 14496-3 §1.6.2.1, 13818-7 §6.2).
 *
 * <p>For HE-AAC (object type 5) and HE-AAC v2 (29) the index is the output (SBR) sampling rate, as a Smooth manifest
 * states it; ADTS then carries the AAC-LC core at half that rate and decoders find SBR/PS implicitly.
 * {@link #of} takes the core as a parsed AudioSpecificConfig gives it.
 *
 * @param objectType 1 AAC Main, 2 AAC-LC, 3 AAC SSR, 4 AAC LTP, 5 HE-AAC, 29 HE-AAC v2
 * @param samplingFrequencyIndex 0 (96 kHz) .. 12 (7.35 kHz); 0 .. 8 for HE-AAC, whose core needs the half rate
 * @param channelConfiguration 1 .. 7 (0, a program config element in the stream, is not supported)
 */
public record AdtsConfig(int objectType, int samplingFrequencyIndex, int channelConfiguration) {
    private static final int[] FREQUENCIES = {
        96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350};
    /** Going from a sampling frequency index to the index of half that rate. */
    private static final int HALF_RATE_STEP = 3;
    private static final int LAST_FREQUENCY_INDEX = 12;
    private static final int LAST_HALVABLE_INDEX = 8;

    public AdtsConfig {
        if (objectType < 1 || objectType > 5 && objectType != 29) {
            throw new TsInputException("AAC object type " + objectType + " cannot be carried in ADTS");
        }
        int lastIndex = isHeAac(objectType) ? LAST_HALVABLE_INDEX : LAST_FREQUENCY_INDEX;
        if (samplingFrequencyIndex < 0 || samplingFrequencyIndex > lastIndex) {
            throw new TsInputException("sampling frequency index " + samplingFrequencyIndex + " is not valid for ADTS"
                    + " with object type " + objectType);
        }
        if (channelConfiguration < 1 || channelConfiguration > 7) {
            throw new TsInputException("channel configuration " + channelConfiguration + " is not supported");
        }
    }

    /** The ADTS configuration of an AAC track's AudioSpecificConfig (its core, for HE-AAC). */
    public static AdtsConfig of(AudioSpecificConfig config) {
        return ofCore(config.objectType(), config.samplingRate(), config.channelConfiguration());
    }

    /**
     * The ADTS configuration of an AAC core: object type, core sampling rate and channel configuration as an
     * AudioSpecificConfig gives them (for HE-AAC, its AAC-LC core; decoders find SBR/PS implicitly).
     */
    public static AdtsConfig ofCore(int objectType, int samplingRate, int channelConfiguration) {
        for (int i = 0; i < FREQUENCIES.length; i++) {
            if (FREQUENCIES[i] == samplingRate) {
                return new AdtsConfig(objectType, i, channelConfiguration);
            }
        }
        throw new TsInputException("sampling frequency " + samplingRate + " Hz has no ADTS index");
    }

    /** The 2-bit ADTS profile: object type − 1 of the AAC core. */
    int adtsProfile() {
        return isHeAac(objectType) ? 1 : objectType - 1;
    }

    int adtsFrequencyIndex() {
        return isHeAac(objectType) ? samplingFrequencyIndex + HALF_RATE_STEP : samplingFrequencyIndex;
    }

    private static boolean isHeAac(int objectType) {
        return objectType == 5 || objectType == 29;
    }
}
