package io.servicerecovery.cases;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * Whether the customer had a failure reported by this client since then. A query that stops at the first
     * row, not Panache's count: Hibernate translates a count query anew at every call, and that translation was
     * a fifth of the CPU of opening a case in the benchmark (docs/performance.md); this one's is cached.
     */
    public boolean hasFailureSince(String clientId, String customerId, Instant since) {
        return !getEntityManager().createQuery("select 1 from RecoveryCase c where c.clientId = :client"
                + " and c.customerId = :customer and c.occurredAt >= :since", Integer.class)
                .setParameter("client", clientId).setParameter("customer", customerId).setParameter("since", since)
                .setMaxResults(1).getResultList().isEmpty();
    }

    public Optional<RecoveryCase> findByProcessInstanceId(String processInstanceId) {
        return find("processInstanceId", processInstanceId).firstResultOptional();
    }

    public List<RecoveryCase> findByProcessInstanceIds(java.util.Collection<String> processInstanceIds) {
        return processInstanceIds.isEmpty() ? List.of() : list("processInstanceId in ?1", processInstanceIds);
    }

    /** An apology given on a case: which case, and when (together they identify the text). */
    public record ApologyRef(UUID caseId, Instant apologizedAt) {
    }

    /**
     * Apologies given on other cases since {@code since}, newest first, at most {@code max}: what a new
     * apology must not copy. Only the references; the texts come from {@link #apologyTexts} for those not
     * already known (ix_case_apologized serves this query).
     */
    public List<ApologyRef> recentApologies(UUID exceptCase, Instant since, int max) {
        return getEntityManager().createQuery("select c.id, c.apologizedAt from RecoveryCase c where c.id <> :case "
                + "and c.apologizedAt >= :since order by c.apologizedAt desc", Object[].class)
                .setParameter("case", exceptCase).setParameter("since", since).setMaxResults(max).getResultList()
                .stream().map(row -> new ApologyRef((UUID) row[0], (Instant) row[1])).toList();
    }

    /**
     * The apology texts of cases, by case id (cases without an apology are left out). Hibernate translates a
     * query with a list parameter anew at every call; loading 16 ids per query (padded) to keep one translation
     * was tried and measured worse: the translation is not kept either way, and 16 parameters cost more to
     * translate than the one or two ids a check usually misses.
     */
    public Map<UUID, String> apologyTexts(java.util.Collection<UUID> caseIds) {
        if (caseIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, String> texts = new HashMap<>();
        getEntityManager().createQuery("select c.id, c.apologyMessage from RecoveryCase c where c.id in :ids "
                + "and c.apologyMessage is not null", Object[].class)
                .setParameter("ids", caseIds).getResultList()
                .forEach(row -> texts.put((UUID) row[0], (String) row[1]));
        return texts;
    }

    public List<RecoveryCase> findByIds(java.util.Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }
}
