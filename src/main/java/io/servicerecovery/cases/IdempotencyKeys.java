package io.servicerecovery.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.servicerecovery.common.DomainException;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Idempotency-Key semantics (IETF httpapi draft): the first request with a key claims
 * it; a repeat with the same body gets the first answer; a repeat with another body is
 * refused; a repeat while the first is still running is told to wait. Each step runs in
 * its own short transaction so a claim is visible to concurrent requests at once.
 */
@ApplicationScoped
public class IdempotencyKeys {

    private static final Logger LOG = Logger.getLogger(IdempotencyKeys.class);

    private final IdempotencyRecordRepository records;
    private final Clock clock;
    private final Duration retention;
    private final Duration inFlightTimeout;

    public IdempotencyKeys(IdempotencyRecordRepository records, Clock clock, Settings settings) {
        this.records = records;
        this.clock = clock;
        this.retention = settings.retention();
        this.inFlightTimeout = settings.inFlightTimeout();
    }

    /** How long a key is remembered, and after how long an in-flight request that died is taken over. */
    @ConfigMapping(prefix = "recovery.idempotency")
    public interface Settings {
        Duration retention();

        Duration inFlightTimeout();

        /** How often expired keys are swept; read by the schedule of {@code sweepExpired} itself. */
        @WithDefault("1h")
        String sweepEvery();
    }

    public sealed interface Claim {
    }

    /**
     * The key is ours: go ahead. {@code claimedAt} is the claim's mark in the key's row ({@code locked_at}): a
     * request that runs past the in-flight timeout may see another request with the same key take over, and then
     * it may neither store its answer nor free the key.
     */
    public record Claimed(Instant claimedAt) implements Claim {
    }

    /** The key opened a case before: replay that answer. */
    public record Replay(String body, UUID caseId) implements Claim {
    }

    /** The key was used with another request body. */
    public record Mismatch() implements Claim {
    }

    /** The first request with this key is still being processed. */
    public record InFlight() implements Claim {
    }

    public Claim claim(String clientId, String key, String requestHash) {
        return claim(clientId, key, requestHash, () -> {
        });
    }

    /**
     * Claims the key and, only when this request got it, runs {@code whenClaimed} in the same transaction: the
     * case intake takes its rate-limit token there, so a refusal (a {@link DomainException}) rolls the claim back
     * with it and one commit does for both.
     */
    public Claim claim(String clientId, String key, String requestHash, Runnable whenClaimed) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> claimAnd(clientId, key, requestHash, whenClaimed));
        } catch (DomainException refused) {
            throw refused;
        } catch (RuntimeException raced) {
            if (io.servicerecovery.common.DatabaseOutage.causedBy(raced)) {
                // Not a race: the database is gone, and a second try would only hide why.
                throw raced;
            }
            // Another request inserted the same key (or, for a new client, its rate-limit bucket) between our read
            // and our insert: that row is there now, so a second run finds it instead of inserting.
            return QuarkusTransaction.requiringNew().call(() -> claimAnd(clientId, key, requestHash, whenClaimed));
        }
    }

    private Claim claimAnd(String clientId, String key, String requestHash, Runnable whenClaimed) {
        Claim claim = tryClaim(clientId, key, requestHash);
        if (claim instanceof Claimed) {
            whenClaimed.run();
        }
        return claim;
    }

    private Claim tryClaim(String clientId, String key, String requestHash) {
        // Whole milliseconds: the claim's mark is compared with what the database kept of it.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        IdempotencyRecord existing = records.findLocked(clientId, key);
        if (existing == null) {
            IdempotencyRecord record = new IdempotencyRecord();
            record.clientId = clientId;
            record.key = key;
            record.requestHash = requestHash;
            record.state = IdempotencyRecord.State.IN_FLIGHT;
            record.lockedAt = now;
            record.createdAt = now;
            record.expiresAt = now.plus(retention);
            records.persist(record);
            records.flush();
            return new Claimed(now);
        }
        boolean expired = existing.expiresAt.isBefore(now);
        boolean abandoned = existing.state == IdempotencyRecord.State.IN_FLIGHT
                && existing.lockedAt.plus(inFlightTimeout).isBefore(now);
        if (expired || abandoned) {
            existing.requestHash = requestHash;
            existing.state = IdempotencyRecord.State.IN_FLIGHT;
            existing.responseStatus = null;
            existing.responseBody = null;
            existing.caseId = null;
            existing.lockedAt = now;
            existing.createdAt = now;
            existing.expiresAt = now.plus(retention);
            return new Claimed(now);
        }
        return judge(existing, requestHash);
    }

    private static Claim judge(IdempotencyRecord existing, String requestHash) {
        if (!existing.requestHash.equals(requestHash)) {
            return new Mismatch();
        }
        if (existing.state == IdempotencyRecord.State.IN_FLIGHT) {
            return new InFlight();
        }
        return new Replay(existing.responseBody, existing.caseId);
    }

    /**
     * What the key's row has always held as the status of a stored answer (the case was created); replicas of an
     * older release read it back.
     */
    private static final int CREATED = 201;

    /**
     * Stores the answer (the case it opened); called inside the transaction that created the case, so both commit together. When the
     * key is no longer this request's (it ran past the in-flight timeout and another request took it over), a 409
     * rolls that transaction back: one case per key, and the client's retry gets the other request's answer.
     */
    public void complete(String clientId, String key, Claimed claim, String body, UUID caseId) {
        // One UPDATE, without reading the row first: it was claimed (IN_FLIGHT) by this request at claimedAt.
        if (records.complete(clientId, key, claim.claimedAt(), CREATED, body, caseId) != 1) {
            throw inFlight("This request took longer than the in-flight timeout and another request with the same"
                    + " Idempotency-Key took over; nothing was created by this one. Retry with the key to get"
                    + " that request's answer.");
        }
    }

    /** The 409 for a key that another request holds: the client retries with it later and gets one answer. */
    static DomainException.Conflict inFlight(String detail) {
        return new DomainException.Conflict("idempotency-key-in-flight", "Request in progress", detail, java.util.Map.of());
    }

    /** Frees the key after a request that failed, so the client may retry with it; not when another took it over. */
    public void release(String clientId, String key, Claimed claim) {
        QuarkusTransaction.requiringNew().run(() -> records.deleteInFlight(clientId, key, claim.claimedAt()));
    }

    @Scheduled(every = "${recovery.idempotency.sweep-every:1h}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweepExpired() {
        long removed = QuarkusTransaction.requiringNew().call(() -> records.deleteExpired(clock.instant()));
        if (removed > 0) {
            LOG.infof("Removed %d expired idempotency keys", removed);
        }
    }
}
