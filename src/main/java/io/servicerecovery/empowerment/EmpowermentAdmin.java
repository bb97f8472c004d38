package io.servicerecovery.empowerment;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.servicerecovery.common.DomainException;
import io.servicerecovery.common.Page;
import io.servicerecovery.common.PageRequest;
import io.servicerecovery.common.Wording;
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
    private final LimitRules rules;
    private final EmpowermentAudit audit;
    private final EmpowermentConfig config;
    private final Clock clock;

    public EmpowermentAdmin(EntityManager em, EmpowermentService empowerment, LimitRules rules, EmpowermentAudit audit,
            EmpowermentConfig config, Clock clock) {
        this.em = em;
        this.config = config;
        this.empowerment = empowerment;
        this.rules = rules;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Page<AuditView> audit(String agentId, PageRequest page) {
        return audit.page(agentId, page);
    }

    @Transactional
    public List<LevelView> levels() {
        return em.createQuery("from LevelRecord order by level", LevelRecord.class).getResultList().stream()
                .sorted((a, b) -> a.level.compareTo(b.level))
                .map(EmpowermentAdmin::view).toList();
    }

    /** The currencies a level may be given limits in: those configured as traded in and those any level has. */
    @Transactional
    public SortedSet<String> currencies() {
        SortedSet<String> currencies = new TreeSet<>(config.currencies());
        currencies.addAll(em.createQuery("select distinct l.currency from LevelLimit l", String.class).getResultList());
        return currencies;
    }

    /**
     * Whether the manager may give limits in the currency at all: they hold limits in it (a DIRECTOR holds them in
     * every currency). What they may give is then at most their own, which the save checks.
     */
    @Transactional
    public boolean holdsLimitsIn(String manager, String currency) {
        return empowerment.effectiveLimits(manager, currency).isPresent();
    }

    @Transactional
    public LevelView level(Level level) {
        return view(empowerment.levelRecord(level));
    }

    @Transactional
    public LevelView updateLevel(Level level, ExpectedVersion expected, LevelUpdate update, String manager) {
        LevelRecord record = em.find(LevelRecord.class, level, LockModeType.PESSIMISTIC_WRITE);
        checkVersion(expected, record.version);
        Level own = empowerment.levelOf(manager);
        if (own == level) {
            throw DomainException.notAllowed("Nobody changes their own limits: " + level + " is your level.")
                    .worded(Wording.of("limits.own-level", level));
        }
        if (!own.isApproving() || own.compareTo(level) < 0) {
            throw DomainException.notAllowed("A " + own + " may only change the limits of lower levels.")
                    .worded(Wording.of("limits.lower-levels-only", own));
        }
        Map<String, LimitsInput> limits = LimitRules.byCurrency(update.limits(), "limits");
        for (LimitsInput limit : limits.values()) {
            if (limit.maxDiscountPercent() == null) {
                String field = "limits[" + limit.currency() + "].maxDiscountPercent";
                throw DomainException.invalid(field, "is required for a level")
                        .worded(Wording.of("limits.discount-required", new Wording.Field(field)));
            }
            rules.notAboveOwn(manager, limit, "limits[" + limit.currency() + "]");
        }
        rules.checkOrder(level, limits);

        Map<String, Object> before = EmpowermentAudit.levelDocument(record);
        record.limits.clear();
        em.flush();
        for (LimitsInput input : limits.values()) {
            LevelLimit limit = new LevelLimit();
            limit.level = record;
            limit.currency = input.currency();
            limit.maxCreditPerCase = LimitRules.scaled(input.maxCreditPerCase());
            limit.maxDiscountPercent = input.maxDiscountPercent();
            limit.dailyBudget = LimitRules.scaled(input.dailyBudget());
            record.limits.add(limit);
        }
        record.changed(manager, clock.instant());
        audit.record(manager, AuditEntry.LEVEL, level.name(), before, EmpowermentAudit.levelDocument(record), update.reason());
        return view(record);
    }

    @Transactional
    public Versioned<AgentView> agent(String agentId) {
        AgentEmpowerment agent = em.find(AgentEmpowerment.class, agentId);
        return new Versioned<>(agentView(agentId, agent), agent == null ? 0 : agent.version);
    }

    @Transactional
    public Versioned<AgentView> updateAgent(String agentId, ExpectedVersion expected, AgentUpdate update,
            String manager) {
        if (agentId.equals(manager)) {
            throw DomainException.notAllowed("Nobody changes their own level or limits.")
                    .worded(Wording.of("limits.own-person"));
        }
        AgentEmpowerment agent = em.find(AgentEmpowerment.class, agentId, LockModeType.PESSIMISTIC_WRITE);
        checkVersion(expected, agent == null ? 0 : agent.version);
        Level own = empowerment.levelOf(manager);
        if (!own.isApproving()) {
            throw DomainException.notAllowed("Only a TEAM_LEAD or above manages empowerment.")
                    .worded(Wording.of("limits.not-approving", own));
        }
        // Managers manage the people below them, never peers or superiors.
        if (agent != null && agent.level.compareTo(own) >= 0) {
            throw DomainException.notAllowed("A " + own + " manages only people below their own level; this is a "
                    + agent.level + ".").worded(Wording.of("limits.person-not-below", own, agent.level));
        }
        if (update.level().compareTo(own) >= 0) {
            throw DomainException.notAllowed("A " + own + " may give levels below their own only.")
                    .worded(Wording.of("limits.level-not-below", own));
        }
        List<LimitsInput> requested = update.overrides() == null ? List.of() : update.overrides();
        Map<String, LimitsInput> overrides = LimitRules.byCurrency(requested, "overrides");
        LevelRecord level = empowerment.levelRecord(update.level());
        for (LimitsInput override : overrides.values()) {
            String field = "overrides[" + override.currency() + "]";
            LevelLimit base = level.limits.stream().filter(l -> l.currency.equals(override.currency())).findFirst()
                    .orElseThrow(() -> DomainException.refused(field + ".currency",
                            update.level() + " has no limits in " + override.currency() + " to override.")
                            .worded(Wording.of("limits.override-without-level", update.level(), override.currency())));
            rules.notAboveOwn(manager, LimitRules.merged(base, override), field);
        }

        Map<String, Object> before = agent == null ? null : EmpowermentAudit.agentDocument(agent);
        if (agent == null) {
            agent = newAgent(agentId, update.level(), manager, clock);
            em.persist(agent);
        }
        agent.level = update.level();
        agent.overrides.clear();
        em.flush();
        for (LimitsInput input : overrides.values()) {
            AgentLimitOverride override = new AgentLimitOverride();
            override.agent = agent;
            override.currency = input.currency();
            override.maxCreditPerCase = LimitRules.scaled(input.maxCreditPerCase());
            override.maxDiscountPercent = input.maxDiscountPercent();
            override.dailyBudget = LimitRules.scaled(input.dailyBudget());
            agent.overrides.add(override);
        }
        agent.changed(manager, clock.instant());
        em.flush();
        audit.record(manager, AuditEntry.AGENT, agentId, before, EmpowermentAudit.agentDocument(agent), update.reason());
        return new Versioned<>(agentView(agentId, agent), agent.version);
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

    private static void checkVersion(ExpectedVersion expected, long version) {
        if (!expected.matches(version)) {
            throw new DomainException.StaleVersion(
                    "The limits changed since you read them (current ETag " + etagOf(version) + "); read them again.");
        }
    }

    static AgentEmpowerment newAgent(String agentId, Level level, String by, Clock clock) {
        AgentEmpowerment agent = new AgentEmpowerment();
        agent.agentId = agentId;
        agent.level = level;
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
                record.limits.stream().map(LimitRules::input).toList(), etagOf(record.version));
    }

}
