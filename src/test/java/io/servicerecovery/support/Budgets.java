package io.servicerecovery.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Test setup: forgets what people approved so that a test starts with their whole budget. */
@ApplicationScoped
public class Budgets {

    private final EntityManager em;

    public Budgets(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public void reset(String... people) {
        em.createQuery("delete from BudgetReservation where agentId in :people")
                .setParameter("people", java.util.List.of(people)).executeUpdate();
    }
}
