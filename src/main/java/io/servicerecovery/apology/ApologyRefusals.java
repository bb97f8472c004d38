package io.servicerecovery.apology;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The record of apologies the checks refused (table {@code apology_refusal}, V7): the blocking codes, the
 * language, the case, the agent and the time, never the draft's text. The recovery report counts them to
 * show how often each check stops agents, per language.
 */
@ApplicationScoped
public class ApologyRefusals {

    private final EntityManager em;
    private final Clock clock;

    public ApologyRefusals(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /**
     * Written in a transaction of its own: the refused completion answers 422 and its own transaction
     * rolls back, but the refusal happened and must be counted.
     */
    public void record(UUID caseId, String agentId, String language, List<FindingCode> codes) {
        QuarkusTransaction.requiringNew().run(() -> {
            UUID id = UUID.randomUUID();
            em.createNativeQuery("insert into apology_refusal (id, case_id, agent_id, language, refused_at) "
                    + "values (?1, ?2, ?3, ?4, ?5)")
                    .setParameter(1, id).setParameter(2, caseId).setParameter(3, agentId)
                    .setParameter(4, language).setParameter(5, clock.instant()).executeUpdate();
            for (FindingCode code : codes.stream().distinct().toList()) {
                em.createNativeQuery("insert into apology_refusal_code (refusal_id, code) values (?1, ?2)")
                        .setParameter(1, id).setParameter(2, code.name()).executeUpdate();
            }
        });
    }
}
