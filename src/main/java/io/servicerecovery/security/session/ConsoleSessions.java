package io.servicerecovery.security.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * The console's sessions, kept in the database so that every replica knows when one has ended. A form
 * sign-in opens a row and hands the browser a random secret (only its SHA-256 is stored); an OpenID
 * Connect session gets its row the first time it is seen. Each console request reads its row by primary
 * key (one indexed read: 0.1 ms on PostgreSQL with 100,000 sessions, docs/console.md): signed out, ended by the provider or expired
 * means signed out everywhere at once.
 */
@ApplicationScoped
public class ConsoleSessions {

    private static final Logger LOG = Logger.getLogger(ConsoleSessions.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int SECRET_BYTES = 32;
    /** How long an ended OpenID Connect session is remembered: longer than any ID token lives. */
    static final Duration OIDC_ROW_HORIZON = Duration.ofDays(7);
    /** Rows stay a day past their expiry, so a replayed cookie still finds an ended row, then go. */
    private static final Duration CLEANUP_GRACE = Duration.ofDays(1);

    public enum Mechanism {
        FORM, OIDC
    }

    /** A new form session: the cookie's value (the secret) and its row's key. */
    public record Opened(String secret, String idHash, Instant expiresAt) {
    }

    private final EntityManager em;
    private final Clock clock;
    private final ConsoleSettings settings;

    public ConsoleSessions(EntityManager em, Clock clock, ConsoleSettings settings) {
        this.em = em;
        this.clock = clock;
        this.settings = settings;
    }

    @Transactional
    public Opened open(String person) {
        byte[] random = new byte[SECRET_BYTES];
        RANDOM.nextBytes(random);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String idHash = hash(secret);
        Instant now = clock.instant();
        Instant expires = now.plus(settings.sessionLifetime());
        em.createNativeQuery("insert into console_session (id_hash, person, mechanism, started_at, expires_at)"
                + " values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, idHash).setParameter(2, person).setParameter(3, Mechanism.FORM.name())
                .setParameter(4, Timestamp.from(now)).setParameter(5, Timestamp.from(expires))
                .executeUpdate();
        return new Opened(secret, idHash, expires);
    }

    /** The person whose form session this cookie secret opens, if it is still open. */
    @Transactional
    public Optional<String> personOf(String secret) {
        if (!wellFormed(secret)) {
            return Optional.empty();
        }
        return activePerson(hash(secret));
    }

    private Optional<String> activePerson(String idHash) {
        @SuppressWarnings("unchecked")
        List<String> people = em.createNativeQuery("select person from console_session where id_hash = ?1"
                + " and ended_at is null and expires_at > ?2")
                .setParameter(1, idHash).setParameter(2, Timestamp.from(clock.instant()))
                .getResultList();
        return people.stream().findFirst();
    }

    /**
     * Whether an OpenID Connect session may go on. Seen for the first time, it gets its row and may; ended (signed
     * out here, or by the provider's back-channel logout) it may not, whatever its cookie still says.
     */
    @Transactional
    public boolean admitProviderSession(String idHash, String person, String subject, String providerSession,
            Instant startedAt) {
        @SuppressWarnings("unchecked")
        List<Object> ended = em.createNativeQuery("select ended_at from console_session where id_hash = ?1")
                .setParameter(1, idHash).getResultList();
        if (!ended.isEmpty()) {
            return ended.get(0) == null;
        }
        Instant now = clock.instant();
        // Two first requests at once: the second insert finds the row (primary key) and reads it instead.
        int inserted = em.createNativeQuery("insert into console_session (id_hash, person, mechanism, subject,"
                + " provider_session, started_at, expires_at) select ?1, ?2, ?3, ?4, ?5, ?6, ?7 from (values (1)) v"
                + " where not exists (select 1 from console_session where id_hash = ?1)")
                .setParameter(1, idHash).setParameter(2, person).setParameter(3, Mechanism.OIDC.name())
                .setParameter(4, subject).setParameter(5, providerSession)
                .setParameter(6, Timestamp.from(startedAt)).setParameter(7, Timestamp.from(now.plus(OIDC_ROW_HORIZON)))
                .executeUpdate();
        return inserted == 1 || activePerson(idHash).isPresent();
    }

    /** Signs this session out, on every replica. */
    @Transactional
    public void end(String idHash) {
        em.createNativeQuery("update console_session set ended_at = ?2 where id_hash = ?1 and ended_at is null")
                .setParameter(1, idHash).setParameter(2, Timestamp.from(clock.instant())).executeUpdate();
    }

    /** The provider's back-channel logout: one provider session (sid) or, without one, every session of the subject. */
    @Transactional
    public int endProviderSessions(String subject, String providerSession) {
        String which = providerSession == null ? "" : " and provider_session = ?3";
        var update = em.createNativeQuery("update console_session set ended_at = ?2 where subject = ?1"
                + " and ended_at is null" + which)
                .setParameter(1, subject).setParameter(2, Timestamp.from(clock.instant()));
        if (providerSession != null) {
            update.setParameter(3, providerSession);
        }
        return update.executeUpdate();
    }

    /** The provider's back-channel logout that names only its session id. */
    @Transactional
    public int endProviderSession(String providerSession) {
        return em.createNativeQuery("update console_session set ended_at = ?2 where provider_session = ?1"
                + " and ended_at is null")
                .setParameter(1, providerSession).setParameter(2, Timestamp.from(clock.instant())).executeUpdate();
    }

    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void removeExpired() {
        int removed = em.createNativeQuery("delete from console_session where expires_at < ?1")
                .setParameter(1, Timestamp.from(clock.instant().minus(CLEANUP_GRACE))).executeUpdate();
        if (removed > 0) {
            LOG.debugf("Removed %d expired console sessions", removed);
        }
    }

    static boolean wellFormed(String secret) {
        return secret != null && secret.length() == 43 && secret.chars().allMatch(ConsoleSessions::base64Url);
    }

    private static boolean base64Url(int c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_';
    }

    public static String hash(String value) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
