package io.servicerecovery.profile;

import java.time.Clock;
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

    public record Profile(String userId, String displayName, String signature) {
    }

    @Transactional
    public Profile of(String userId) {
        return Optional.ofNullable(em.find(StaffProfile.class, userId))
                .map(p -> new Profile(p.userId, p.displayName, p.signature))
                .orElse(new Profile(userId, userId, null));
    }

    public String displayNameOf(String userId) {
        return userId == null ? "" : of(userId).displayName();
    }

    /** Saves what the person chose on their profile page (or what the identity provider says). */
    @Transactional
    public Profile save(String userId, String displayName, String signature) {
        StaffProfile p = em.find(StaffProfile.class, userId);
        boolean fresh = p == null;
        if (fresh) {
            p = new StaffProfile();
            p.userId = userId;
        }
        p.displayName = displayName.strip();
        p.signature = signature == null || signature.isBlank() ? null : signature.strip();
        p.updatedAt = clock.instant();
        if (fresh) {
            // Persisted once filled in: Hibernate takes the row to insert at persist(), and writes to the public
            // fields afterwards are not tracked (a new profile was inserted without its name and refused).
            em.persist(p);
        }
        return new Profile(p.userId, p.displayName, p.signature);
    }
}
