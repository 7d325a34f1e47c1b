package org.openlss.web;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An account the server signs in: the user name, its role ({@link Caller#ADMIN_ROLE} or {@link Caller#ENCODER_ROLE})
 * and a PBKDF2 hash of the password, never the password itself.
 */
@Entity
@Table(name = "account")
public class AccountEntity {
    @Id
    @Column(name = "user_name", length = 128)
    private String userName;
    @Column(nullable = false, length = 16)
    private String role;
    @Column(name = "password_hash", nullable = false, length = 512)
    private String passwordHash;
    @Column(nullable = false)
    private Instant updated;

    protected AccountEntity() {
    }

    AccountEntity(String userName, String role, String passwordHash, Instant now) {
        this.userName = userName;
        this.role = role;
        this.passwordHash = passwordHash;
        this.updated = now;
    }

    String role() {
        return role;
    }

    String passwordHash() {
        return passwordHash;
    }

    void setPasswordHash(String hash, Instant now) {
        this.passwordHash = hash;
        this.updated = now;
    }
}
