package org.openlss.ts;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * HLS METHOD=AES-128 (RFC 8216 §4.3.2.4, §5.2): the whole segment encrypted with AES-128-CBC and PKCS#7 padding.
 * Immutable and thread-safe.
 */
public final class SegmentCipher {
    public static final int KEY_SIZE = 16;
    public static final int IV_SIZE = 16;
    private static final String TRANSFORMATION = "AES/CBC/PKCS5Padding"; // PKCS#5 in JCA naming is PKCS#7 for AES

    private final SecretKeySpec key;

    public SegmentCipher(byte[] key) {
        if (key.length != KEY_SIZE) {
            throw new IllegalArgumentException("AES-128 needs a 16-byte key, not " + key.length + " bytes");
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    /** Encrypts with the IV a playlist without an IV attribute implies: the segment's media sequence number. */
    public byte[] encrypt(byte[] segment, long mediaSequenceNumber) {
        return encrypt(segment, sequenceIv(mediaSequenceNumber));
    }

    /** Encrypts with the IV given in the playlist's EXT-X-KEY IV attribute. */
    public byte[] encrypt(byte[] segment, byte[] iv) {
        if (iv.length != IV_SIZE) {
            throw new IllegalArgumentException("the IV must be 16 bytes, not " + iv.length);
        }
        return run(Cipher.ENCRYPT_MODE, segment, iv);
    }

    private byte[] run(int mode, byte[] input, byte[] iv) {
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(mode, key, new IvParameterSpec(iv));
            return cipher.doFinal(input);
        } catch (BadPaddingException | IllegalBlockSizeException e) {
            throw new TsInputException("not a segment encrypted with this key: " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-128-CBC is part of every Java platform", e);
        }
    }

    /** The clear segment back, e.g. to read a stored segment's last continuity counters. */
    public byte[] decrypt(byte[] encrypted, long mediaSequenceNumber) {
        return run(Cipher.DECRYPT_MODE, encrypted, sequenceIv(mediaSequenceNumber));
    }

    /** The media sequence number (unsigned 64-bit) as a 128-bit big-endian integer. */
    public static byte[] sequenceIv(long mediaSequenceNumber) {
        return ByteBuffer.allocate(IV_SIZE).putLong(IV_SIZE - Long.BYTES, mediaSequenceNumber).array();
    }
}
