package io.servicerecovery.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.servicerecovery.common.DomainException;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * A token bucket per CRM client for case creation, so one misbehaving CRM cannot flood the service: a client
 * may open {@code per-minute} cases a minute, in bursts of up to that many. The bucket is a row in the database
 * (case_creation_allowance), taken from under its row lock in the short transaction of the key's claim, so the allowance
 * holds across replicas: N replicas together give a client {@code per-minute}, not N times that. Only requests
 * that would open a case take a token (CaseIntake takes it in the transaction that claims the Idempotency-Key, once
 * the key is its own): a replay of a key, a key reused with another body and a retry while the first request runs
 * take none.
 */
@ApplicationScoped
public class CaseCreationRateLimit {

    @ConfigMapping(prefix = "recovery.rate-limit.case-creation")
    public interface Settings {
        /** Cases a CRM client may open per minute, across all replicas. */
        @WithDefault("600")
        int perMinute();

        /** Other allowances for named clients. */
        Map<String, Integer> clients();
    }

    private final Settings settings;
    private final EntityManager em;
    private final Clock clock;

    public CaseCreationRateLimit(Settings settings, EntityManager em, Clock clock) {
        this.settings = settings;
        this.em = em;
        this.clock = clock;
    }

    /**
     * Takes one token inside the caller's transaction, or refuses with 429 and the seconds until the next one;
     * the caller's rollback then gives the token back. The first request of a new client may collide with
     * another inserting its bucket: the caller runs its transaction again (the Idempotency-Key claim does).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void acquireInCurrentTransaction(String clientId) {
        int perMinute = perMinute(clientId);
        refuseIfWaiting(take(clientId, perMinute), perMinute);
    }

    private int perMinute(String clientId) {
        return settings.clients().getOrDefault(clientId, settings.perMinute());
    }

    private static void refuseIfWaiting(long waitMillis, int perMinute) {
        if (waitMillis > 0) {
            long seconds = Math.max(1, Duration.ofMillis(waitMillis).toSeconds() + (waitMillis % 1000 == 0 ? 0 : 1));
            throw tooManyRequests(seconds, perMinute);
        }
    }

    /** Answers 0 when a token was taken, else the milliseconds until one is there. */
    private long take(String clientId, int perMinute) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        CaseCreationAllowance bucket = em.find(CaseCreationAllowance.class, clientId, LockModeType.PESSIMISTIC_WRITE);
        if (bucket == null) {
            bucket = new CaseCreationAllowance();
            bucket.clientId = clientId;
            bucket.tokens = perMinute;
            bucket.updatedAt = now;
            em.persist(bucket);
            em.flush();
        }
        double perMilli = perMinute / 60_000.0;
        // A clock set back (NTP, a replica slightly behind another, a test) must not take tokens away.
        long elapsed = Math.max(0, Duration.between(bucket.updatedAt, now).toMillis());
        bucket.tokens = Math.min(perMinute, bucket.tokens + elapsed * perMilli);
        bucket.updatedAt = now;
        if (bucket.tokens >= 1) {
            bucket.tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - bucket.tokens) / perMilli);
    }

    /** Too many cases from one client: the context and Retry-After say when the next token is there. */
    static DomainException.TooMany tooManyRequests(long retryAfterSeconds, int perMinute) {
        return new DomainException.TooMany("rate-limited", "Too many requests",
                "This client may open " + perMinute + " cases a minute; retry after " + retryAfterSeconds + " s.",
                Map.of("retryAfterSeconds", retryAfterSeconds), retryAfterSeconds);
    }
}
