package org.openlss.ts;

/**
 * Reads the start of an AudioSpecificConfig (ISO/IEC 14496-3 §1.6.2.1; the esds DecoderSpecificInfo or Smooth's
 * audio CodecPrivateData) as far as ADTS needs it.
 */
public final class AudioSpecificConfig {
    private static final int ESCAPE_OBJECT_TYPE = 31;
    private static final int EXPLICIT_FREQUENCY = 15;
    private static final int[] FREQUENCIES = {
        96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350};

    private final byte[] bytes;
    private int bitPosition;

    private AudioSpecificConfig(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * The ADTS values of a configuration. Explicit HE-AAC signalling (object type 5 or 29 first) names the core rate
     * and then the core object type, so the result is that core (e.g. AAC-LC at 24 kHz for 48 kHz HE-AAC).
     */
    public static AdtsConfig parse(byte[] audioSpecificConfig) {
        return new AudioSpecificConfig(audioSpecificConfig).read();
    }

    private AdtsConfig read() {
        int objectType = objectType();
        int frequencyIndex = frequencyIndex();
        int channels = bits(4);
        if (objectType == 5 || objectType == 29) {
            frequencyIndex(); // the extension (SBR output) rate: ADTS does not carry it
            objectType = objectType();
        }
        return new AdtsConfig(objectType, frequencyIndex, channels);
    }

    private int objectType() {
        int type = bits(5);
        return type == ESCAPE_OBJECT_TYPE ? 32 + bits(6) : type;
    }

    private int frequencyIndex() {
        int index = bits(4);
        if (index != EXPLICIT_FREQUENCY) {
            return index;
        }
        int frequency = bits(24);
        for (int i = 0; i < FREQUENCIES.length; i++) {
            if (FREQUENCIES[i] == frequency) {
                return i;
            }
        }
        throw new TsInputException("sampling frequency " + frequency + " Hz has no ADTS index");
    }

    private int bits(int count) {
        if (bitPosition + count > 8 * bytes.length) {
            throw new TsInputException("AudioSpecificConfig too short: " + bytes.length + " bytes");
        }
        int value = 0;
        for (int i = 0; i < count; i++, bitPosition++) {
            value = value << 1 | bytes[bitPosition >> 3] >> (7 - (bitPosition & 7)) & 1;
        }
        return value;
    }
}
