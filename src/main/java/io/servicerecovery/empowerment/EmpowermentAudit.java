package io.servicerecovery.empowerment;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.servicerecovery.common.Json;
import io.servicerecovery.common.KeysetPosition;
import io.servicerecovery.common.Page;
import io.servicerecovery.common.PageRequest;
import io.servicerecovery.empowerment.EmpowermentViews.AuditView;

/** The audit of every empowerment change: who, when, the old and the new value as JSON, and why. */
@ApplicationScoped
public class EmpowermentAudit {

    private final EntityManager em;
    private final Json json;
    private final Clock clock;

    public EmpowermentAudit(EntityManager em, Json json, Clock clock) {
        this.em = em;
        this.json = json;
        this.clock = clock;
    }

    void record(String by, String type, String target, Map<String, Object> before, Map<String, Object> after,
            String reason) {
        AuditEntry entry = new AuditEntry();
        entry.id = UUID.randomUUID();
        entry.changedAt = clock.instant();
        entry.changedBy = by;
        entry.targetType = type;
        entry.targetId = target;
        entry.oldValue = before == null ? null : json.write(before);
        entry.newValue = json.write(after);
        entry.reason = reason;
        em.persist(entry);
    }

    public Page<AuditView> page(String agentId, PageRequest page) {
        StringBuilder query = new StringBuilder("from AuditEntry where 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (agentId != null) {
            query.append(" and targetType = :type and targetId = :agent");
            params.put("type", AuditEntry.AGENT);
            params.put("agent", agentId);
        }
        if (page.position() != null) {
            KeysetPosition after = KeysetPosition.parse(page.position());
            params.put("t", after.at());
            params.put("id", after.id());
            query.append(" and (changedAt < :t or (changedAt = :t and id < :id))");
        }
        query.append(" order by changedAt desc, id desc");
        var typed = em.createQuery(query.toString(), AuditEntry.class).setMaxResults(page.limit());
        params.forEach(typed::setParameter);
        List<AuditEntry> found = typed.getResultList();
        List<AuditView> items = found.stream().map(a -> new AuditView(a.id, a.changedAt, a.changedBy, a.targetType,
                a.targetId, a.oldValue == null ? null : json.readMap(a.oldValue), json.readMap(a.newValue), a.reason))
                .toList();
        String next = found.size() == page.limit()
                ? new KeysetPosition(found.get(found.size() - 1).changedAt, found.get(found.size() - 1).id).cursor()
                : null;
        return new Page<>(items, next);
    }

    static Map<String, Object> levelDocument(LevelRecord record) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("level", record.level.name());
        doc.put("limits", record.limits.stream().map(EmpowermentAudit::limitDocument).toList());
        return doc;
    }

    static Map<String, Object> agentDocument(AgentEmpowerment agent) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("agentId", agent.agentId);
        doc.put("level", agent.level.name());
        doc.put("overrides", agent.overrides.stream().map(o -> limitDocument(
                new LimitsInput(o.currency, o.maxCreditPerCase, o.maxDiscountPercent, o.dailyBudget))).toList());
        return doc;
    }

    static Map<String, Object> limitDocument(LevelLimit limit) {
        return limitDocument(LimitRules.input(limit));
    }

    static Map<String, Object> limitDocument(LimitsInput limit) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("currency", limit.currency());
        doc.put("maxCreditPerCase", limit.maxCreditPerCase() == null ? null : limit.maxCreditPerCase().toPlainString());
        doc.put("maxDiscountPercent", limit.maxDiscountPercent());
        doc.put("dailyBudget", limit.dailyBudget() == null ? null : limit.dailyBudget().toPlainString());
        return doc;
    }
}
