package io.servicerecovery.cases;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;

@ApplicationScoped
public class IdempotencyRecordRepository implements PanacheRepositoryBase<IdempotencyRecord, IdempotencyRecord.Key> {

    public IdempotencyRecord find(String clientId, String key) {
        return findById(new IdempotencyRecord.Key(clientId, key));
    }

    /** The record, locked for the rest of the transaction; null when there is none. */
    public IdempotencyRecord findLocked(String clientId, String key) {
        return findById(new IdempotencyRecord.Key(clientId, key), LockModeType.PESSIMISTIC_WRITE);
    }

    /** Stores the answer of the request that holds the key; answers the rows changed (1, or 0 when it is gone). */
    public int complete(String clientId, String key, int status, String body, UUID caseId) {
        return update("state = :completed, responseStatus = :status, responseBody = :body, caseId = :caseId"
                + " where clientId = :client and key = :key", Parameters.with("completed", IdempotencyRecord.State.COMPLETED)
                .and("status", status).and("body", body).and("caseId", caseId).and("client", clientId).and("key", key));
    }

    public long deleteInFlight(String clientId, String key) {
        return delete("clientId = :client and key = :key and state = :state", Parameters.with("client", clientId)
                .and("key", key).and("state", IdempotencyRecord.State.IN_FLIGHT));
    }

    public long deleteExpired(Instant now) {
        return delete("expiresAt < ?1", now);
    }
}
