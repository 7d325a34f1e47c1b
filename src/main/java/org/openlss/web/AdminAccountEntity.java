package org.openlss.web;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An administrator account: the user name and a PBKDF2 hash of the password, never the password itself. */
@Entity
@Table(name = "admin_account")
public class AdminAccountEntity {
    @Id
    @Column(name = "user_name", length = 128)
    private String userName;
    @Column(name = "password_hash", nullable = false, length = 512)
    private String passwordHash;
    @Column(nullable = false)
    private Instant updated;

    protected AdminAccountEntity() {
    }

    AdminAccountEntity(String userName, String passwordHash, Instant now) {
        this.userName = userName;
        this.passwordHash = passwordHash;
        this.updated = now;
    }

    String userName() {
        return userName;
    }

    String passwordHash() {
        return passwordHash;
    }

    void setPasswordHash(String hash, Instant now) {
        this.passwordHash = hash;
        this.updated = now;
    }
}
