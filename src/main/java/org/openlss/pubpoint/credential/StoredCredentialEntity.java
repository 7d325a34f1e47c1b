package org.openlss.pubpoint.credential;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A named credential for syndication or ingest; the secret column holds only the AES-GCM encrypted form. */
@Entity
@Table(name = "stored_credential")
public class StoredCredentialEntity {
    @Id
    @Column(length = 128)
    private String name;
    @Column(name = "user_name", nullable = false, length = 256)
    private String userName;
    @Column(nullable = false, length = 2048)
    private String secret;
    @Column(nullable = false)
    private Instant created;

    protected StoredCredentialEntity() {
    }

    StoredCredentialEntity(String name, String userName, String encryptedSecret, Instant created) {
        this.name = name;
        this.userName = userName;
        this.secret = encryptedSecret;
        this.created = created;
    }

    String name() {
        return name;
    }

    String userName() {
        return userName;
    }

    String encryptedSecret() {
        return secret;
    }

    Instant created() {
        return created;
    }
}
