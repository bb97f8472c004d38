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

    /** The demo people the tests approve credits as: their rolling budgets must not fill up over kept runs. */
    public static final String[] DEMO_PEOPLE = { "agent-ana", "agent-ben", "lead-lena", "manager-max", "director-dora" };

    /** Forgets what the demo people approved (a database kept between runs remembers yesterday's approvals). */
    public void resetDemoPeople() {
        reset(DEMO_PEOPLE);
    }

    @Transactional
    public void reset(String... people) {
        em.createQuery("delete from BudgetReservation where agentId in :people")
                .setParameter("people", java.util.List.of(people)).executeUpdate();
    }
}
