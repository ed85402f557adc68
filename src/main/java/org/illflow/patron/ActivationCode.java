package org.illflow.patron;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A mailed one-time code; only its hash is kept. */
@Entity
@Table(name = "activation_code")
class ActivationCode {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "patron_id", nullable = false)
    private Long patronId;

    @Column(name = "code_hash", nullable = false, length = 100)
    private String codeHash;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "failed_attempts", nullable = false)
    private int failedAttempts;

    protected ActivationCode() {
    }

    ActivationCode(Long patronId, String codeHash, Instant createdAt, Instant expiresAt) {
        this.patronId = patronId;
        this.codeHash = codeHash;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    boolean usableAt(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    void use(Instant at) {
        this.usedAt = at;
    }

    /** A wrong code was tried for this patron; after {@code limit} tries the code stops working. */
    void failedAttempt(Instant at, int limit) {
        failedAttempts++;
        if (failedAttempts >= limit) {
            use(at);
        }
    }

    String getCodeHash() {
        return codeHash;
    }

    Long getPatronId() {
        return patronId;
    }
}
