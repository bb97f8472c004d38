package io.servicerecovery.cases;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** What the service remembers of an Idempotency-Key: the request's fingerprint and its first answer. */
@Entity
@Table(name = "idempotency_record")
@IdClass(IdempotencyRecord.Key.class)
public class IdempotencyRecord {

    public enum State {
        IN_FLIGHT,
        COMPLETED
    }

    @Id
    @Column(name = "client_id")
    public String clientId;
    @Id
    @Column(name = "idempotency_key")
    public String key;
    @Column(name = "request_hash")
    public String requestHash;
    @Enumerated(EnumType.STRING)
    public State state;
    @Column(name = "response_status")
    public Integer responseStatus;
    @Column(name = "response_body")
    public String responseBody;
    @Column(name = "case_id")
    public UUID caseId;
    @Column(name = "locked_at")
    public Instant lockedAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "expires_at")
    public Instant expiresAt;

    public static class Key implements Serializable {
        public String clientId;
        public String key;

        public Key() {
        }

        public Key(String clientId, String key) {
            this.clientId = clientId;
            this.key = key;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && Objects.equals(clientId, other.clientId) && Objects.equals(key, other.key);
        }

        @Override
        public int hashCode() {
            return Objects.hash(clientId, key);
        }
    }
}
