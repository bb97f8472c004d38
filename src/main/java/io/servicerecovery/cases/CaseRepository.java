package io.servicerecovery.cases;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;

@ApplicationScoped
public class CaseRepository implements PanacheRepositoryBase<RecoveryCase, UUID> {

    public Optional<RecoveryCase> findForClient(UUID id, String clientId) {
        return find("id = :id and clientId = :client", Parameters.with("id", id).and("client", clientId))
                .firstResultOptional();
    }

    public Optional<RecoveryCase> findByExternalRef(String clientId, String externalRef) {
        return find("clientId = :client and externalRef = :ref",
                Parameters.with("client", clientId).and("ref", externalRef)).firstResultOptional();
    }

    /**
     * Locks the case row for the rest of the transaction and re-reads it, so a change
     * another transaction committed meanwhile (an engine job, say) is what we see.
     */
    public RecoveryCase lock(UUID id) {
        RecoveryCase found = findById(id);
        if (found == null) {
            throw new IllegalStateException("Case " + id + " does not exist");
        }
        getEntityManager().refresh(found, LockModeType.PESSIMISTIC_WRITE);
        return found;
    }

    public boolean hasFailureSince(String clientId, String customerId, Instant since) {
        return count("clientId = :client and customerId = :customer and occurredAt >= :since",
                Parameters.with("client", clientId).and("customer", customerId).and("since", since)) > 0;
    }

    public Optional<RecoveryCase> findByProcessInstanceId(String processInstanceId) {
        return find("processInstanceId", processInstanceId).firstResultOptional();
    }

    public List<RecoveryCase> findByProcessInstanceIds(java.util.Collection<String> processInstanceIds) {
        return processInstanceIds.isEmpty() ? List.of() : list("processInstanceId in ?1", processInstanceIds);
    }

    /** Apologies recently given on other cases, newest first: what a new apology must not copy. */
    public List<String> recentApologies(UUID exceptCase, Instant since, int max) {
        return getEntityManager().createQuery("select c.apologyMessage from RecoveryCase c where c.id <> :case "
                + "and c.apologyMessage is not null and c.updatedAt >= :since order by c.updatedAt desc", String.class)
                .setParameter("case", exceptCase).setParameter("since", since).setMaxResults(max).getResultList();
    }

    public List<RecoveryCase> findByIds(java.util.Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }
}
