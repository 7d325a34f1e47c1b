package org.openlss.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHashTest {
    @Test
    void aGeneratedHashVerifiesItsPasswordOnly() {
        String hash = PasswordHash.generate("correct horse".toCharArray());
        assertTrue(hash.startsWith("PBKDF2WithHmacSHA256:120000:"), hash);
        assertTrue(PasswordHash.verify("correct horse".toCharArray(), hash));
        assertFalse(PasswordHash.verify("correct horsE".toCharArray(), hash));
        assertNotEquals(hash, PasswordHash.generate("correct horse".toCharArray()), "a new salt each time");
    }

    /** Stored by an earlier version through Jakarta Security's Pbkdf2PasswordHash; the vector made with Python's hashlib. */
    @Test
    void readsTheJakartaSecurityEncoding() {
        String stored = "PBKDF2WithHmacSHA256:2048:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=:Kb9pxBl9shRlL09ropSp9vZbOKeNY1vEJX63204aYNY=";
        assertTrue(PasswordHash.verify("it-admin-secret".toCharArray(), stored));
        assertFalse(PasswordHash.verify("it-admin-secret!".toCharArray(), stored));
    }

    @Test
    void anythingElseIsNoMatch() {
        for (String stored : new String[] {null, "", "plain", "PBKDF2WithHmacSHA256:x:AA==:AA==",
                "PBKDF2WithHmacSHA256:0:AA==:AA==", "PBKDF2WithHmacSHA256:10:!!:AA==", "MD5:10:AA==:AA==",
                "PBKDF2WithHmacSHA256:10:AA==:"}) {
            assertFalse(PasswordHash.verify("x".toCharArray(), stored), String.valueOf(stored));
        }
    }
}
