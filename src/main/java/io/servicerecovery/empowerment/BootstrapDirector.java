package io.servicerecovery.empowerment;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * A new installation's first manager: {@code recovery.empowerment.bootstrap-director} is
 * made DIRECTOR at start-up if they have no record yet (audited as "bootstrap"), and then
 * manages everyone else through the API.
 */
@ApplicationScoped
public class BootstrapDirector {

    private static final Logger LOG = Logger.getLogger(BootstrapDirector.class);

    private final EntityManager em;
    private final EmpowermentConfig config;
    private final EmpowermentAudit audit;
    private final Clock clock;

    public BootstrapDirector(EntityManager em, EmpowermentConfig config, EmpowermentAudit audit, Clock clock) {
        this.em = em;
        this.config = config;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    void bootstrapDirector(@Observes StartupEvent start) {
        config.bootstrapDirector().ifPresent(director -> {
            if (em.find(AgentEmpowerment.class, director) == null) {
                AgentEmpowerment agent = EmpowermentAdmin.newAgent(director, Level.DIRECTOR, "bootstrap", clock);
                agent.version = 1;
                em.persist(agent);
                audit.record("bootstrap", AuditEntry.AGENT, director, null, EmpowermentAudit.agentDocument(agent),
                        "recovery.empowerment.bootstrap-director at start-up");
                LOG.infof("Made %s DIRECTOR (recovery.empowerment.bootstrap-director)", director);
            }
        });
    }
}
