package io.servicerecovery.empowerment;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.servicerecovery.common.Json;
import io.servicerecovery.common.KeysetPosition;
import io.servicerecovery.common.Page;
import io.servicerecovery.common.PageRequest;
import io.servicerecovery.common.Problem;
import io.servicerecovery.common.ProblemException;
import io.servicerecovery.empowerment.EmpowermentViews.AgentUpdate;
import io.servicerecovery.empowerment.EmpowermentViews.AgentView;
import io.servicerecovery.empowerment.EmpowermentViews.AuditView;
import io.servicerecovery.empowerment.EmpowermentViews.LevelUpdate;
import io.servicerecovery.empowerment.EmpowermentViews.LevelView;

/**
 * Managers tune empowerment here. Every write needs the current ETag and a reason, is
 * audited with the old and the new value, and applies to the next decision. Nobody
 * changes their own limits or level, and nobody gives anyone more than they have.
 */
@ApplicationScoped
public class EmpowermentAdmin {

    private static final Logger LOG = Logger.getLogger(EmpowermentAdmin.class);

    private final EntityManager em;
    private final EmpowermentService empowerment;
    private final EmpowermentConfig config;
    private final Json json;
    private final Clock clock;

    public EmpowermentAdmin(EntityManager em, EmpowermentService empowerment, EmpowermentConfig config, Json json,
            Clock clock) {
        this.em = em;
        this.empowerment = empowerment;
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    void bootstrapDirector(@Observes StartupEvent start) {
        config.bootstrapDirector().ifPresent(director -> {
            if (em.find(AgentEmpowerment.class, director) == null) {
                AgentEmpowerment agent = newAgent(director, Level.DIRECTOR, "bootstrap");
                agent.version = 1;
                em.persist(agent);
                audit("bootstrap", AuditEntry.AGENT, director, null, agentDocument(agent),
                        "recovery.empowerment.bootstrap-director at start-up");
                LOG.infof("Made %s DIRECTOR (recovery.empowerment.bootstrap-director)", director);
            }
        });
    }

    @Transactional
    public List<LevelView> levels() {
        return em.createQuery("from LevelRecord order by level", LevelRecord.class).getResultList().stream()
                .sorted((a, b) -> a.level.compareTo(b.level))
                .map(EmpowermentAdmin::view).toList();
    }

    @Transactional
    public LevelView level(Level level) {
        return view(empowerment.levelRecord(level));
    }

    @Transactional
    public LevelView updateLevel(Level level, String ifMatch, LevelUpdate update, String manager) {
        LevelRecord record = em.find(LevelRecord.class, level, LockModeType.PESSIMISTIC_WRITE);
        checkPrecondition(ifMatch, record.version);
        Level own = empowerment.levelOf(manager);
        if (own == level) {
            throw ProblemException.forbidden("Nobody changes their own limits: " + level + " is your level.");
        }
        if (!own.isApproving() || own.compareTo(level) < 0) {
            throw ProblemException.forbidden("A " + own + " may only change the limits of lower levels.");
        }
        Map<String, LimitsInput> limits = byCurrency(update.limits(), "limits");
        for (LimitsInput limit : limits.values()) {
            if (limit.maxDiscountPercent() == null) {
                throw ProblemException.invalid("limits[" + limit.currency() + "].maxDiscountPercent", "is required for a level");
            }
            notAboveOwn(manager, limit, "limits[" + limit.currency() + "]");
        }
        checkOrder(level, limits);

        Map<String, Object> before = levelDocument(record);
        record.limits.clear();
        em.flush();
        for (LimitsInput input : limits.values()) {
            LevelLimit limit = new LevelLimit();
            limit.level = record;
            limit.currency = input.currency();
            limit.maxCreditPerCase = scaled(input.maxCreditPerCase());
            limit.maxDiscountPercent = input.maxDiscountPercent();
            limit.dailyBudget = scaled(input.dailyBudget());
            record.limits.add(limit);
        }
        record.version++;
        record.updatedAt = clock.instant();
        record.updatedBy = manager;
        audit(manager, AuditEntry.LEVEL, level.name(), before, levelDocument(record), update.reason());
        return view(record);
    }

    @Transactional
    public Versioned<AgentView> agent(String agentId) {
        AgentEmpowerment agent = em.find(AgentEmpowerment.class, agentId);
        return new Versioned<>(agentView(agentId, agent), agent == null ? 0 : agent.version);
    }

    @Transactional
    public Versioned<AgentView> updateAgent(String agentId, String ifMatch, AgentUpdate update, String manager) {
        if (agentId.equals(manager)) {
            throw ProblemException.forbidden("Nobody changes their own level or limits.");
        }
        AgentEmpowerment agent = em.find(AgentEmpowerment.class, agentId, LockModeType.PESSIMISTIC_WRITE);
        checkPrecondition(ifMatch, agent == null ? 0 : agent.version);
        Level own = empowerment.levelOf(manager);
        if (!own.isApproving()) {
            throw ProblemException.forbidden("Only a TEAM_LEAD or above manages empowerment.");
        }
        // Managers manage the people below them, never peers or superiors.
        if (agent != null && agent.level.compareTo(own) >= 0) {
            throw ProblemException.forbidden("A " + own + " manages only people below their own level; this is a "
                    + agent.level + ".");
        }
        if (update.level().compareTo(own) >= 0) {
            throw ProblemException.forbidden("A " + own + " may give levels below their own only.");
        }
        List<LimitsInput> requested = update.overrides() == null ? List.of() : update.overrides();
        Map<String, LimitsInput> overrides = byCurrency(requested, "overrides");
        LevelRecord level = empowerment.levelRecord(update.level());
        for (LimitsInput override : overrides.values()) {
            String field = "overrides[" + override.currency() + "]";
            LevelLimit base = level.limits.stream().filter(l -> l.currency.equals(override.currency())).findFirst()
                    .orElseThrow(() -> ProblemException.unprocessable(field + ".currency",
                            update.level() + " has no limits in " + override.currency() + " to override."));
            notAboveOwn(manager, merged(base, override), field);
        }

        Map<String, Object> before = agent == null ? null : agentDocument(agent);
        if (agent == null) {
            agent = newAgent(agentId, update.level(), manager);
            em.persist(agent);
        }
        agent.level = update.level();
        agent.overrides.clear();
        em.flush();
        for (LimitsInput input : overrides.values()) {
            AgentLimitOverride override = new AgentLimitOverride();
            override.agent = agent;
            override.currency = input.currency();
            override.maxCreditPerCase = scaled(input.maxCreditPerCase());
            override.maxDiscountPercent = input.maxDiscountPercent();
            override.dailyBudget = scaled(input.dailyBudget());
            agent.overrides.add(override);
        }
        agent.version++;
        agent.updatedAt = clock.instant();
        agent.updatedBy = manager;
        em.flush();
        audit(manager, AuditEntry.AGENT, agentId, before, agentDocument(agent), update.reason());
        return new Versioned<>(agentView(agentId, agent), agent.version);
    }

    @Transactional
    public Page<AuditView> audit(String agentId, PageRequest page) {
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

    /** A value and the version its ETag is made of. */
    public record Versioned<T>(T value, long version) {
        public String etag() {
            return etagOf(version);
        }
    }

    public static String etagOf(long version) {
        return "\"" + version + "\"";
    }

    private static void checkPrecondition(String ifMatch, long version) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(428, "precondition-required", "Precondition required",
                    "Send If-Match with the ETag you read, so that you do not overwrite someone else's change.");
        }
        boolean matches = ifMatch.strip().equals("*") && version > 0
                || List.of(ifMatch.split(",")).stream().map(String::strip)
                        .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                        .anyMatch(etagOf(version)::equals);
        if (!matches) {
            throw new ProblemException(412, "precondition-failed", "Precondition failed",
                    "The limits changed since you read them (current ETag " + etagOf(version) + "); read them again.");
        }
    }

    private Map<String, LimitsInput> byCurrency(List<LimitsInput> limits, String field) {
        Map<String, LimitsInput> byCurrency = new LinkedHashMap<>();
        for (LimitsInput limit : limits) {
            if (byCurrency.put(limit.currency(), limit) != null) {
                throw ProblemException.invalid(field, "lists " + limit.currency() + " twice");
            }
        }
        return byCurrency;
    }

    /** Nobody gives more than they have: every field at most the manager's own effective value. */
    private void notAboveOwn(String manager, LimitsInput limits, String field) {
        Optional<EffectiveLimits> own = empowerment.effectiveLimits(manager, limits.currency());
        if (own.isEmpty()) {
            throw ProblemException.forbidden("You have no limits in " + limits.currency() + " and cannot give any.");
        }
        EffectiveLimits mine = own.get();
        if (above(limits.maxCreditPerCase(), mine.maxCreditPerCase())) {
            throw ProblemException.forbidden(field + ".maxCreditPerCase is above your own limit.");
        }
        if (limits.maxDiscountPercent() != null && limits.maxDiscountPercent() > mine.maxDiscountPercent()) {
            throw ProblemException.forbidden(field + ".maxDiscountPercent is above your own limit.");
        }
        if (above(limits.dailyBudget(), mine.dailyBudget())) {
            throw ProblemException.forbidden(field + ".dailyBudget is above your own budget.");
        }
    }

    /** Null is "no cap": above any number. */
    private static boolean above(BigDecimal value, BigDecimal cap) {
        if (cap == null) {
            return false;
        }
        return value == null || value.compareTo(cap) > 0;
    }

    /** Lower levels never have more than higher ones, in any currency and any field. */
    private void checkOrder(Level level, Map<String, LimitsInput> proposed) {
        List<Problem.Violation> violations = new ArrayList<>();
        for (LevelRecord other : em.createQuery("from LevelRecord", LevelRecord.class).getResultList()) {
            if (other.level == level) {
                continue;
            }
            Set<String> currencies = new HashSet<>(proposed.keySet());
            other.limits.forEach(l -> currencies.add(l.currency));
            for (String currency : currencies) {
                LimitsInput mine = proposed.get(currency);
                LevelLimit theirs = other.limits.stream().filter(l -> l.currency.equals(currency)).findFirst()
                        .orElse(null);
                // The top level has no limit in a currency it stores nothing for.
                LimitsInput theirInput = theirs == null && other.level == Level.DIRECTOR
                        ? new LimitsInput(currency, null, 100, null) : input(theirs);
                LimitsInput lower = other.level.compareTo(level) < 0 ? theirInput : mine;
                LimitsInput higher = other.level.compareTo(level) < 0 ? mine : theirInput;
                if (lower == null) {
                    continue;
                }
                String lowerLevel = other.level.compareTo(level) < 0 ? other.level.name() : level.name();
                String higherLevel = other.level.compareTo(level) < 0 ? level.name() : other.level.name();
                if (higher == null) {
                    violations.add(new Problem.Violation("limits", lowerLevel + " has limits in " + currency
                            + " but " + higherLevel + " has none"));
                } else if (aboveOrUnlimited(lower.maxCreditPerCase(), higher.maxCreditPerCase())
                        || lower.maxDiscountPercent() > higher.maxDiscountPercent()
                        || aboveOrUnlimited(lower.dailyBudget(), higher.dailyBudget())) {
                    violations.add(new Problem.Violation("limits[" + currency + "]",
                            lowerLevel + " would have more than " + higherLevel + " in " + currency));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(422, "limits-out-of-order", "Limits out of order",
                    "A lower level may never have higher limits than a higher level.", violations, Map.of());
        }
    }

    private static boolean aboveOrUnlimited(BigDecimal lower, BigDecimal higher) {
        if (higher == null) {
            return false;
        }
        return lower == null || lower.compareTo(higher) > 0;
    }

    private static LimitsInput input(LevelLimit limit) {
        return limit == null ? null
                : new LimitsInput(limit.currency, limit.maxCreditPerCase, limit.maxDiscountPercent, limit.dailyBudget);
    }

    private static LimitsInput merged(LevelLimit base, LimitsInput override) {
        return new LimitsInput(base.currency,
                override.maxCreditPerCase() != null ? override.maxCreditPerCase() : base.maxCreditPerCase,
                override.maxDiscountPercent() != null ? override.maxDiscountPercent() : base.maxDiscountPercent,
                override.dailyBudget() != null ? override.dailyBudget() : base.dailyBudget);
    }

    private AgentEmpowerment newAgent(String agentId, Level level, String by) {
        AgentEmpowerment agent = new AgentEmpowerment();
        agent.agentId = agentId;
        agent.level = level;
        agent.version = 0;
        agent.updatedAt = clock.instant();
        agent.updatedBy = by;
        return agent;
    }

    private AgentView agentView(String agentId, AgentEmpowerment agent) {
        List<LimitsInput> overrides = agent == null ? List.of()
                : agent.overrides.stream().map(o -> new LimitsInput(o.currency, o.maxCreditPerCase,
                        o.maxDiscountPercent, o.dailyBudget)).toList();
        return new AgentView(agentId, agent == null ? empowerment.levelOf(agentId) : agent.level, overrides,
                empowerment.effectiveLimits(agentId));
    }

    private static LevelView view(LevelRecord record) {
        return new LevelView(record.level, record.level.isApproving(),
                record.limits.stream().map(EmpowermentAdmin::input).toList(), etagOf(record.version));
    }

    private static Map<String, Object> levelDocument(LevelRecord record) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("level", record.level.name());
        doc.put("limits", record.limits.stream().map(EmpowermentAdmin::limitDocument).toList());
        return doc;
    }

    private static Map<String, Object> agentDocument(AgentEmpowerment agent) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("agentId", agent.agentId);
        doc.put("level", agent.level.name());
        doc.put("overrides", agent.overrides.stream().map(o -> limitDocument(
                new LimitsInput(o.currency, o.maxCreditPerCase, o.maxDiscountPercent, o.dailyBudget))).toList());
        return doc;
    }

    private static Map<String, Object> limitDocument(LevelLimit limit) {
        return limitDocument(input(limit));
    }

    private static Map<String, Object> limitDocument(LimitsInput limit) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("currency", limit.currency());
        doc.put("maxCreditPerCase", limit.maxCreditPerCase() == null ? null : limit.maxCreditPerCase().toPlainString());
        doc.put("maxDiscountPercent", limit.maxDiscountPercent());
        doc.put("dailyBudget", limit.dailyBudget() == null ? null : limit.dailyBudget().toPlainString());
        return doc;
    }

    private void audit(String by, String type, String target, Map<String, Object> before, Map<String, Object> after,
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

    private static BigDecimal scaled(BigDecimal value) {
        return value == null ? null : value.setScale(2);
    }

}
