package io.servicerecovery.cases;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

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

    /**
     * Stores the answer of the request that holds the key; answers the rows changed (1, or 0 when it is gone).
     * <p>
     * Native and declared to touch idempotency_record only: Hibernate translates an HQL update anew on every call
     * (it keeps no plan for updates) and flushes the whole persistence context before it, so the case's own
     * writes were dirty-checked twice per {@code POST /api/cases}. No entity of this table is loaded in that
     * transaction, so nothing of it needs flushing first.
     */
    public int complete(String clientId, String key, Instant claimedAt, int status, String body, UUID caseId) {
        return getEntityManager().createNativeQuery("update idempotency_record set state = ?1, response_status = ?2,"
                + " response_body = ?3, case_id = ?4 where client_id = ?5 and idempotency_key = ?6 and state = ?7"
                + " and locked_at = ?8")
                .unwrap(NativeQuery.class).addSynchronizedQuerySpace("idempotency_record")
                .setParameter(1, IdempotencyRecord.State.COMPLETED.name()).setParameter(2, status)
                .setParameter(3, body).setParameter(4, caseId).setParameter(5, clientId).setParameter(6, key)
                .setParameter(7, IdempotencyRecord.State.IN_FLIGHT.name())
                // Bound as the entity's attribute is written, so the claim's mark compares equal on H2 and PostgreSQL.
                .setParameter(8, claimedAt, StandardBasicTypes.INSTANT)
                .executeUpdate();
    }

    /** Deletes the key's claim made at {@code claimedAt}, if it is still in flight and still that claim. */
    public long deleteInFlight(String clientId, String key, Instant claimedAt) {
        return delete("clientId = :client and key = :key and state = :state and lockedAt = :claimedAt",
                Parameters.with("client", clientId).and("key", key).and("state", IdempotencyRecord.State.IN_FLIGHT)
                        .and("claimedAt", claimedAt));
    }

    public long deleteExpired(Instant now) {
        return delete("expiresAt < ?1", now);
    }
}
