package io.servicerecovery.empowerment;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.servicerecovery.common.DomainException;
import io.servicerecovery.common.Money;
import io.servicerecovery.empowerment.EmpowermentService.Ask;
import io.servicerecovery.empowerment.EmpowermentViews.CandidateLevel;
import io.servicerecovery.empowerment.EmpowermentViews.SimulationRequest;
import io.servicerecovery.empowerment.EmpowermentViews.SimulationResult;

/**
 * Replays the proposals of a past period against candidate limits: how many would have
 * been approved at once, how many escalated and to whom, and what would have been spent
 * at once. Each proposer's rolling budget is replayed in time order too. Levels not in
 * the request keep their current limits; personal overrides still apply.
 */
@ApplicationScoped
public class Simulation {

    static final Duration MAX_PERIOD = Duration.ofDays(366);

    private final EntityManager em;
    private final ProposalHistory history;
    private final EmpowermentService empowerment;

    public Simulation(EntityManager em, ProposalHistory history, EmpowermentService empowerment) {
        this.em = em;
        this.history = history;
        this.empowerment = empowerment;
    }

    @Transactional
    public SimulationResult run(SimulationRequest request) {
        if (!request.from().isBefore(request.to())) {
            throw DomainException.refused("to", "The period must end after it starts.");
        }
        if (Duration.between(request.from(), request.to()).compareTo(MAX_PERIOD) > 0) {
            throw DomainException.refused("to", "Simulate at most 366 days at a time.");
        }
        Map<Level, Map<String, LimitsInput>> candidate = candidateLimits(request.levels());
        Map<String, Deque<Spent>> budgets = new HashMap<>();
        Map<String, BigDecimal> spend = new TreeMap<>();
        Map<Level, Integer> approvals = new EnumMap<>(Level.class);
        int atOnce = 0;
        int escalated = 0;
        int currentlyAtOnce = 0;
        List<ProposalHistory.PastProposal> proposals = history.between(request.from(), request.to());
        for (ProposalHistory.PastProposal p : proposals) {
            if (p.wasApprovedAtOnce()) {
                currentlyAtOnce++;
            }
            LimitsInput limits = limitsFor(p.proposedBy(), p.ask().currency(), candidate);
            Deque<Spent> window = budgets.computeIfAbsent(p.proposedBy() + "/" + p.ask().currency(), k -> new ArrayDeque<>());
            while (!window.isEmpty() && !window.peekFirst().at().isAfter(p.proposedAt().minus(EmpowermentService.BUDGET_WINDOW))) {
                window.pollFirst();
            }
            BigDecimal used = window.stream().map(Spent::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (covers(limits, p.ask(), used)) {
                atOnce++;
                if (p.ask().kind() == Ask.Kind.CREDIT) {
                    window.addLast(new Spent(p.proposedAt(), p.ask().amount()));
                    spend.merge(p.ask().currency(), p.ask().amount(), BigDecimal::add);
                }
            } else {
                escalated++;
                approvals.merge(lowestApprover(p.ask(), candidate), 1, Integer::sum);
            }
        }
        return new SimulationResult(request.from(), request.to(), proposals.size(), atOnce, escalated,
                spend.entrySet().stream().map(e -> new Money(e.getValue().setScale(2), e.getKey())).toList(),
                approvals, currentlyAtOnce);
    }

    private record Spent(java.time.Instant at, BigDecimal amount) {
    }

    private Map<Level, Map<String, LimitsInput>> candidateLimits(List<CandidateLevel> levels) {
        Map<Level, Map<String, LimitsInput>> candidate = new EnumMap<>(Level.class);
        for (CandidateLevel level : levels) {
            Map<String, LimitsInput> byCurrency = new HashMap<>();
            for (LimitsInput limit : level.limits()) {
                if (limit.maxDiscountPercent() == null) {
                    throw DomainException.invalid("levels[" + level.level() + "].limits[" + limit.currency()
                            + "].maxDiscountPercent", "is required");
                }
                byCurrency.put(limit.currency(), limit);
            }
            if (candidate.put(level.level(), byCurrency) != null) {
                throw DomainException.invalid("levels", "lists " + level.level() + " twice");
            }
        }
        return candidate;
    }

    /** The proposer's limits under the candidate: the candidate level limits with their personal overrides on top. */
    private LimitsInput limitsFor(String agentId, String currency, Map<Level, Map<String, LimitsInput>> candidate) {
        AgentEmpowerment agent = em.find(AgentEmpowerment.class, agentId);
        Level level = agent == null ? empowerment.levelOf(agentId) : agent.level;
        LimitsInput base = levelLimits(level, currency, candidate);
        if (base == null || agent == null) {
            return base;
        }
        return agent.overrides.stream().filter(o -> o.currency.equals(currency)).findFirst()
                .map(o -> new LimitsInput(currency,
                        o.maxCreditPerCase != null ? o.maxCreditPerCase : base.maxCreditPerCase(),
                        o.maxDiscountPercent != null ? o.maxDiscountPercent : base.maxDiscountPercent(),
                        o.dailyBudget != null ? o.dailyBudget : base.dailyBudget()))
                .orElse(base);
    }

    private LimitsInput levelLimits(Level level, String currency, Map<Level, Map<String, LimitsInput>> candidate) {
        if (candidate.containsKey(level)) {
            return candidate.get(level).get(currency);
        }
        return empowerment.levelRecord(level).limits.stream().filter(l -> l.currency.equals(currency)).findFirst()
                .map(l -> new LimitsInput(l.currency, l.maxCreditPerCase, l.maxDiscountPercent, l.dailyBudget))
                .orElse(null);
    }

    private static boolean covers(LimitsInput limits, Ask ask, BigDecimal used) {
        if (ask.kind() == Ask.Kind.NONE) {
            return true;
        }
        if (limits == null) {
            return false;
        }
        if (ask.kind() == Ask.Kind.DISCOUNT_PERCENT) {
            return ask.amount().compareTo(BigDecimal.valueOf(limits.maxDiscountPercent())) <= 0;
        }
        return (limits.maxCreditPerCase() == null || ask.amount().compareTo(limits.maxCreditPerCase()) <= 0)
                && (limits.dailyBudget() == null || used.add(ask.amount()).compareTo(limits.dailyBudget()) <= 0);
    }

    private Level lowestApprover(Ask ask, Map<Level, Map<String, LimitsInput>> candidate) {
        for (Level level : Level.approvingLevels()) {
            LimitsInput limits = levelLimits(level, ask.currency(), candidate);
            if (limits != null && covers(new LimitsInput(limits.currency(), limits.maxCreditPerCase(),
                    limits.maxDiscountPercent(), null), ask, BigDecimal.ZERO)) {
                return level;
            }
        }
        return Level.DIRECTOR;
    }
}
