package io.servicerecovery.empowerment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.servicerecovery.common.Actor;
import io.servicerecovery.common.DomainException;

/**
 * Decides whether a compensation lies inside someone's empowerment and reserves their
 * budget when it does. Reservations of one person are serialized by a row lock on their
 * empowerment record, so concurrent approvals never overspend a budget, on H2 or
 * PostgreSQL alike.
 */
@ApplicationScoped
public class EmpowermentService {

    static final Duration BUDGET_WINDOW = Duration.ofHours(24);

    private final EntityManager em;
    private final EmpowermentConfig config;
    private final Clock clock;

    public EmpowermentService(EntityManager em, EmpowermentConfig config, Clock clock) {
        this.em = em;
        this.config = config;
        this.clock = clock;
    }

    public Level levelOf(String agentId) {
        AgentEmpowerment agent = em.find(AgentEmpowerment.class, agentId);
        return agent == null ? config.defaultLevel() : agent.level;
    }

    public String currencyFor(String currency) {
        return currency == null ? config.defaultCurrency() : currency;
    }

    /** Every currency in which the person may grant something, with what they used of the budget. */
    public List<EffectiveLimits> effectiveLimits(String agentId) {
        AgentEmpowerment agent = em.find(AgentEmpowerment.class, agentId);
        Level level = agent == null ? config.defaultLevel() : agent.level;
        Map<String, EffectiveLimits> byCurrency = new TreeMap<>();
        for (LevelLimit limit : levelRecord(level).limits) {
            // Only the stored limits are listed; the top level is unlimited in any other currency too.
            byCurrency.put(limit.currency, effective(agentId, limit, override(agent, limit.currency)));
        }
        return new ArrayList<>(byCurrency.values());
    }

    public Optional<EffectiveLimits> effectiveLimits(String agentId, String currency) {
        AgentEmpowerment agent = em.find(AgentEmpowerment.class, agentId);
        Level level = agent == null ? config.defaultLevel() : agent.level;
        return levelLimit(level, currency).map(limit -> effective(agentId, limit, override(agent, currency)));
    }

    /**
     * Approves the ask within the person's own empowerment if it fits, reserving a credit
     * against their budget in the caller's transaction. Answers false when it does not fit.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean approveWithin(String agentId, Ask ask, UUID caseId, UUID proposalId) {
        if (ask.kind() == Ask.Kind.NONE) {
            return true;
        }
        lockDecider(agentId);
        Optional<EffectiveLimits> limits = effectiveLimits(agentId, ask.currency());
        if (limits.isEmpty() || !covers(limits.get(), ask)) {
            return false;
        }
        reserve(agentId, ask, caseId, proposalId);
        return true;
    }

    /**
     * Checks that an approver may approve this and reserves it against their budget; the
     * reason they may not is the 403's detail.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void approveAbove(String approverId, Level required, Ask ask, UUID caseId, UUID proposalId) {
        Level level = levelOf(approverId);
        if (!level.isApproving() || !level.isAtLeast(required)) {
            throw DomainException.notAllowed("This proposal needs a " + required + " or above; you are " + level + ".");
        }
        lockDecider(approverId);
        EffectiveLimits limits = effectiveLimits(approverId, ask.currency()).orElseThrow(
                () -> DomainException.notAllowed("You have no limits in " + ask.currency() + "."));
        if (!covers(limits, ask)) {
            throw DomainException.notAllowed("Approving this is above your own limits in " + ask.currency()
                    + (limits.remainingBudget() != null ? " (budget left: " + limits.remainingBudget().toPlainString() + ")" : "")
                    + ".");
        }
        if (ask.kind() != Ask.Kind.NONE) {
            reserve(approverId, ask, caseId, proposalId);
        }
    }

    /** The lowest approving level whose limits cover the ask per case; the top level when none does. */
    public Level lowestApproverFor(Ask ask) {
        for (Level level : Level.approvingLevels()) {
            Optional<LevelLimit> limit = levelLimit(level, ask.currency());
            if (limit.isPresent() && coversPerCase(limit.get(), ask)) {
                return level;
            }
        }
        return Level.DIRECTOR;
    }

    /** The next approving level above this one, if there is one. */
    public Optional<Level> nextApprover(Level current) {
        return Level.approvingLevels().stream().filter(l -> l.compareTo(current) > 0).findFirst();
    }

    public Duration escalateAfter(Level level) {
        return config.escalateAfter().getOrDefault(level.name(), Duration.ofHours(4));
    }

    /** Makes sure the person has a record (the default level) and locks it for this transaction. */
    AgentEmpowerment lockDecider(String agentId) {
        if (em.find(AgentEmpowerment.class, agentId) == null) {
            createDefaultRecord(agentId);
        }
        return em.find(AgentEmpowerment.class, agentId, LockModeType.PESSIMISTIC_WRITE);
    }

    private void createDefaultRecord(String agentId) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                if (em.find(AgentEmpowerment.class, agentId) == null) {
                    AgentEmpowerment agent = new AgentEmpowerment();
                    agent.agentId = agentId;
                    agent.level = config.defaultLevel();
                    agent.changed(Actor.SYSTEM, clock.instant());
                    em.persist(agent);
                    em.flush();
                }
            });
        } catch (RuntimeException concurrentlyCreated) {
            // Another request created the record at the same moment: that is all we needed.
        }
    }

    private boolean covers(EffectiveLimits limits, Ask ask) {
        return switch (ask.kind()) {
            case NONE -> true;
            case CREDIT -> limits.coversCredit(ask.amount());
            case DISCOUNT_PERCENT -> limits.coversDiscount(ask.amount());
        };
    }

    private static boolean coversPerCase(LevelLimit limit, Ask ask) {
        return switch (ask.kind()) {
            case NONE -> true;
            case CREDIT -> limit.maxCreditPerCase == null || ask.amount().compareTo(limit.maxCreditPerCase) <= 0;
            case DISCOUNT_PERCENT -> ask.amount().compareTo(BigDecimal.valueOf(limit.maxDiscountPercent)) <= 0;
        };
    }

    private void reserve(String agentId, Ask ask, UUID caseId, UUID proposalId) {
        if (ask.kind() != Ask.Kind.CREDIT) {
            return; // The budget counts credits; a discount costs nothing up front.
        }
        BudgetReservation reservation = new BudgetReservation();
        reservation.id = UUID.randomUUID();
        reservation.agentId = agentId;
        reservation.currency = ask.currency();
        reservation.amount = ask.amount();
        reservation.caseId = caseId;
        reservation.proposalId = proposalId;
        reservation.reservedAt = clock.instant();
        em.persist(reservation);
        em.flush();
    }

    BigDecimal usedInWindow(String agentId, String currency) {
        return em.createQuery("select coalesce(sum(r.amount), 0) from BudgetReservation r "
                + "where r.agentId = :agent and r.currency = :currency and r.reservedAt > :since", BigDecimal.class)
                .setParameter("agent", agentId).setParameter("currency", currency)
                .setParameter("since", clock.instant().minus(BUDGET_WINDOW))
                .getSingleResult();
    }

    private EffectiveLimits effective(String agentId, LevelLimit limit, AgentLimitOverride override) {
        BigDecimal cap = override != null && override.maxCreditPerCase != null ? override.maxCreditPerCase
                : limit.maxCreditPerCase;
        int discount = override != null && override.maxDiscountPercent != null ? override.maxDiscountPercent
                : limit.maxDiscountPercent;
        BigDecimal budget = override != null && override.dailyBudget != null ? override.dailyBudget : limit.dailyBudget;
        return new EffectiveLimits(limit.currency, cap, discount, budget, usedInWindow(agentId, limit.currency));
    }

    private static AgentLimitOverride override(AgentEmpowerment agent, String currency) {
        if (agent == null) {
            return null;
        }
        return agent.overrides.stream().filter(o -> o.currency.equals(currency)).findFirst().orElse(null);
    }

    LevelRecord levelRecord(Level level) {
        return em.find(LevelRecord.class, level);
    }

    /**
     * A level's limits in a currency. The top level has no limit in any currency (the
     * product's "DIRECTOR: no limit"), so that no proposal can be left without anyone
     * who may approve it.
     */
    private Optional<LevelLimit> levelLimit(Level level, String currency) {
        Optional<LevelLimit> limit = levelRecord(level).limits.stream().filter(l -> l.currency.equals(currency))
                .findFirst();
        if (limit.isEmpty() && level == Level.DIRECTOR) {
            LevelLimit unlimited = new LevelLimit();
            unlimited.currency = currency;
            unlimited.maxDiscountPercent = 100;
            return Optional.of(unlimited);
        }
        return limit;
    }

    /** A compensation being asked for: for a discount the amount is the percent. */
    public record Ask(Kind kind, BigDecimal amount, String currency) {
        public enum Kind {
            CREDIT,
            DISCOUNT_PERCENT,
            NONE
        }
    }
}
