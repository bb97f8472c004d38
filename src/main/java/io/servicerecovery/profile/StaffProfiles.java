package io.servicerecovery.profile;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The names customers see. Someone without a profile yet appears under their login id,
 * so an email is never unsigned.
 */
@ApplicationScoped
public class StaffProfiles {

    private final EntityManager em;
    private final Clock clock;

    public StaffProfiles(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** @param zone the zone the console shows times in, UTC unless the person chose another */
    public record Profile(String userId, String displayName, String signature, ZoneId zone, boolean shortcuts) {

        public Profile(String userId, String displayName, String signature) {
            this(userId, displayName, signature, ZoneOffset.UTC, true);
        }
    }

    @Transactional
    public Profile of(String userId) {
        return Optional.ofNullable(em.find(StaffProfile.class, userId))
                .map(p -> new Profile(p.userId, p.displayName, p.signature, zoneOf(p.timeZone), p.shortcuts))
                .orElse(new Profile(userId, userId, null));
    }

    /** A zone saved before its rules left the JDK (or written by hand) reads as UTC rather than failing a page. */
    private static ZoneId zoneOf(String id) {
        if (id == null) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(id);
        } catch (java.time.DateTimeException unknown) {
            return ZoneOffset.UTC;
        }
    }

    public String displayNameOf(String userId) {
        return userId == null ? "" : of(userId).displayName();
    }

    /** Saves what the person chose on their profile page (or what the identity provider says). */
    @Transactional
    public Profile save(String userId, String displayName, String signature) {
        Profile now = of(userId);
        return save(userId, displayName, signature, now.zone(), now.shortcuts());
    }

    /** The same with the console's settings: the time zone (UTC when null) and the keyboard shortcuts. */
    @Transactional
    public Profile save(String userId, String displayName, String signature, ZoneId zone, boolean shortcuts) {
        StaffProfile p = em.find(StaffProfile.class, userId);
        boolean fresh = p == null;
        if (fresh) {
            p = new StaffProfile();
            p.userId = userId;
        }
        p.displayName = displayName.strip();
        p.signature = signature == null || signature.isBlank() ? null : signature.strip();
        p.timeZone = zone == null || zone.normalized().equals(ZoneOffset.UTC) ? null : zone.getId();
        p.shortcuts = shortcuts;
        p.updatedAt = clock.instant();
        if (fresh) {
            // Persisted once filled in: Hibernate takes the row to insert at persist(), and writes to the public
            // fields afterwards are not tracked (a new profile was inserted without its name and refused).
            em.persist(p);
        }
        return new Profile(p.userId, p.displayName, p.signature, zoneOf(p.timeZone), p.shortcuts);
    }
}
