package io.servicerecovery.cases;

import java.time.Instant;

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

    public long deleteInFlight(String clientId, String key) {
        return delete("clientId = :client and key = :key and state = :state", Parameters.with("client", clientId)
                .and("key", key).and("state", IdempotencyRecord.State.IN_FLIGHT));
    }

    public long deleteExpired(Instant now) {
        return delete("expiresAt < ?1", now);
    }
}
