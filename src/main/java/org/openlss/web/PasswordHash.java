package org.openlss.web;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2 password hashes in the encoding Jakarta Security's {@code Pbkdf2PasswordHash} uses
 * ({@code algorithm:iterations:base64 salt:base64 hash}), so accounts stored by earlier versions still sign in. Our
 * own, since a server only provides that bean when an authentication mechanism is installed, and we install none.
 */
final class PasswordHash {
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int ITERATIONS = 120_000;
    private static final int SALT_BYTES = 32;
    private static final int HASH_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHash() {
    }

    static String generate(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        Base64.Encoder base64 = Base64.getEncoder();
        return ALGORITHM + ":" + ITERATIONS + ":" + base64.encodeToString(salt) + ":"
                + base64.encodeToString(pbkdf2(ALGORITHM, password, salt, ITERATIONS, HASH_BYTES));
    }

    /** Whether {@code password} matches {@code encoded}; false for anything that is not such a hash. */
    static boolean verify(char[] password, String encoded) {
        String[] parts = encoded == null ? new String[0] : encoded.split(":");
        if (parts.length != 4 || !parts[0].startsWith("PBKDF2With")) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            if (iterations < 1 || iterations > 10_000_000 || expected.length == 0) {
                return false;
            }
            return MessageDigest.isEqual(expected, pbkdf2(parts[0], password, salt, iterations, expected.length));
        } catch (IllegalArgumentException | IllegalStateException e) {
            return false;
        }
    }

    private static byte[] pbkdf2(String algorithm, char[] password, byte[] salt, int iterations, int bytes) {
        try {
            return SecretKeyFactory.getInstance(algorithm)
                    .generateSecret(new PBEKeySpec(password, salt, iterations, bytes * 8)).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no " + algorithm + " in this JDK", e);
        }
    }
}
