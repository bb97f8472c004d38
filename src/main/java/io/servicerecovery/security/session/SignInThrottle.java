package io.servicerecovery.security.session;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.scheduler.Scheduled;

/**
 * Holds back guessing: after a number of failed sign-ins for one user name (and, separately, from one client
 * address) further attempts are refused for a while, the right password included. The hold doubles with each
 * further failure, up to a maximum, and ends on its own: a stranger can slow an agent's sign-in down, never lock
 * them out for the day. The counters live in the database, so every replica sees them; a key that fails no more
 * for a window starts afresh and its row is removed.
 */
@ApplicationScoped
public class SignInThrottle {

    private static final int MAX_KEY_LENGTH = 300;

    private final EntityManager em;
    private final Clock clock;
    private final ConsoleSettings.Throttle rules;

    public SignInThrottle(EntityManager em, Clock clock, ConsoleSettings settings) {
        this.em = em;
        this.clock = clock;
        this.rules = settings.throttle();
    }

    /** When the attempt of this user from this address may be tried again, if it is held back now. */
    @Transactional
    public Optional<Instant> heldUntil(String user, String address) {
        Instant now = clock.instant();
        Instant until = null;
        for (String key : List.of(userKey(user), addressKey(address))) {
            Instant locked = lockedUntil(key);
            if (locked != null && locked.isAfter(now) && (until == null || locked.isAfter(until))) {
                until = locked;
            }
        }
        return Optional.ofNullable(until);
    }

    /** Counts a failed attempt against the user name and the address. */
    @Transactional
    public void failed(String user, String address) {
        count(userKey(user), rules.userFailures());
        count(addressKey(address), rules.addressFailures());
    }

    /** A right password forgives the user name's failures (not the address's: one account must not clear them). */
    @Transactional
    public void succeeded(String user) {
        em.createNativeQuery("delete from sign_in_throttle where throttle_key = ?1").setParameter(1, userKey(user))
                .executeUpdate();
    }

    private void count(String key, int allowed) {
        Instant now = clock.instant();
        Timestamp at = Timestamp.from(now);
        // Lock the row (or create it) so that two replicas counting at once both count.
        int updated = em.createNativeQuery("update sign_in_throttle set failures = case when last_failure_at < ?3"
                + " then 1 else failures + 1 end, last_failure_at = ?2 where throttle_key = ?1")
                .setParameter(1, key).setParameter(2, at).setParameter(3, Timestamp.from(now.minus(rules.window())))
                .executeUpdate();
        if (updated == 0) {
            int inserted = em.createNativeQuery("insert into sign_in_throttle (throttle_key, failures, last_failure_at)"
                    + " select ?1, 1, ?2 from (values (1)) v"
                    + " where not exists (select 1 from sign_in_throttle where throttle_key = ?1)")
                    .setParameter(1, key).setParameter(2, at).executeUpdate();
            if (inserted == 0) {
                count(key, allowed); // another replica inserted it meanwhile: count on its row
                return;
            }
        }
        int failures = ((Number) em.createNativeQuery("select failures from sign_in_throttle where throttle_key = ?1")
                .setParameter(1, key).getSingleResult()).intValue();
        if (failures >= allowed) {
            em.createNativeQuery("update sign_in_throttle set locked_until = ?2 where throttle_key = ?1")
                    .setParameter(1, key).setParameter(2, Timestamp.from(now.plus(hold(failures - allowed))))
                    .executeUpdate();
        }
    }

    /** 30 s after the allowed failures, then doubling: 1 min, 2 min, ... up to the maximum. */
    Duration hold(int beyondAllowed) {
        Duration hold = rules.delay();
        for (int i = 0; i < beyondAllowed && hold.compareTo(rules.maxDelay()) < 0; i++) {
            hold = hold.multipliedBy(2);
        }
        return hold.compareTo(rules.maxDelay()) > 0 ? rules.maxDelay() : hold;
    }

    private Instant lockedUntil(String key) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("select locked_until from sign_in_throttle where throttle_key = ?1")
                .setParameter(1, key).getResultList();
        return rows.isEmpty() ? null : instant(rows.get(0));
    }

    @Scheduled(every = "10m", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void forgetOldFailures() {
        Instant now = clock.instant();
        em.createNativeQuery("delete from sign_in_throttle where last_failure_at < ?1"
                + " and (locked_until is null or locked_until < ?2)")
                .setParameter(1, Timestamp.from(now.minus(rules.window()))).setParameter(2, Timestamp.from(now))
                .executeUpdate();
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass().getName());
    }

    private static String userKey(String user) {
        return bounded("user:" + (user == null ? "" : user.strip().toLowerCase(java.util.Locale.ROOT)));
    }

    private static String addressKey(String address) {
        return bounded("address:" + (address == null ? "unknown" : address));
    }

    private static String bounded(String key) {
        // A long made-up name still counts, under its hash, without overflowing the column.
        return key.length() <= MAX_KEY_LENGTH ? key : key.substring(0, 8) + ConsoleSessions.hash(key);
    }
}
