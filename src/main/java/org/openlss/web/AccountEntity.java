package org.openlss.web;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * An account the server signs in: the user name, its {@link Role} (stored value), the folders that limit it (one a
 * line, none meaning every point) and a PBKDF2 hash of the password, never the password itself.
 */
@Entity
@Table(name = "account")
public class AccountEntity {
    @Id
    @Column(name = "user_name", length = 128)
    private String userName;
    @Column(nullable = false, length = 16)
    private String role;
    @Column(length = 4000)
    private String folders;
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

    AccountEntity(String userName, Role role, List<String> folders, String passwordHash, Instant now) {
        this(userName, role.stored(), passwordHash, now);
        setRole(role, folders, now);
    }

    String userName() {
        return userName;
    }

    void setRole(Role role, List<String> folders, Instant now) {
        this.role = role.stored();
        this.folders = folders.isEmpty() ? null : String.join("\n", folders);
        this.updated = now;
    }

    String role() {
        return role;
    }

    List<String> folders() {
        return folders == null || folders.isBlank() ? List.of() : Arrays.asList(folders.split("\n"));
    }

    String passwordHash() {
        return passwordHash;
    }

    void setPasswordHash(String hash, Instant now) {
        this.passwordHash = hash;
        this.updated = now;
    }
}
