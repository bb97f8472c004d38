package io.servicerecovery.reports;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.servicerecovery.compensation.CompensationType;
import io.servicerecovery.empowerment.Level;

/**
 * What recovery achieved for the cases opened in a period. Durations are in seconds; shares are fractions
 * (0.75), null when there is nothing to divide by; amounts are decimal strings with their currency.
 */
public record RecoveryReport(Period period, Cases cases, Times times, Compensations compensations, Spend spend,
        RepeatFailures repeatFailures, List<SlaBreaches> slaBreaches, List<ApologyFindings> apologyFindings) {

    /** The period and the filters the report was computed for. */
    public record Period(Instant from, Instant to, String currency, Level level, String agent) {
    }

    /** Cases opened in the period and where they stand now. */
    public record Cases(long opened, long recovered, long cancelled, long open, Double recoveredShare) {
    }

    /** Median and 90th percentile of a duration over {@code count} cases (or proposals). */
    public record Durations(long count, Double medianSeconds, Double p90Seconds) {
    }

    /** How long a step took: from the moment its task could be taken to the moment it was done. */
    public record StepTime(String step, Durations duration) {
    }

    /**
     * firstTouch: from the case being opened to the first thing a person did on it (claimed its task or took
     * accountability); steps: each step's own time; endToEnd: opened to recovered.
     */
    public record Times(Durations firstTouch, List<StepTime> steps, Durations endToEnd) {
    }

    /** The proposals of agents of one level (their level when they proposed): decided at once or escalated. */
    public record ProposalsByLevel(Level level, long proposals, long withinEmpowerment, long escalated,
            Double withinShare, Double escalatedShare) {
    }

    /** Proposals that waited for approvers of one level (the level they waited for when decided). */
    public record ApprovalsByLevel(Level level, long approved, long rejected, long pending, Durations timeToDecision) {
    }

    /** Approvals the escalation timer moved up a level because nobody decided in time. */
    public record Escalations(long byTimer, long proposalsEscalated) {
    }

    public record Compensations(List<ProposalsByLevel> byProposerLevel, List<ApprovalsByLevel> approvals,
            Escalations escalations) {
    }

    /**
     * Granted compensations of one type in one currency. A discount's amount is its value: the percent of the
     * case's order value (null when the case has no order value).
     */
    public record SpendByType(CompensationType type, String currency, long grants, BigDecimal amount) {
    }

    /**
     * What one person approved in one currency (within their own empowerment or as approver), against their
     * rolling daily budget (which counts credits): the budget over the period is the daily budget times the
     * period's days (null budget: no limit).
     */
    public record SpendByAgent(String agent, Level level, String currency, long credits, BigDecimal credit,
            long discounts, BigDecimal discountValue, BigDecimal dailyBudget, BigDecimal budgetInPeriod,
            Double budgetUsedShare) {
    }

    /** The people of one level together: the sums of their rows above. */
    public record SpendByLevel(Level level, String currency, long credits, BigDecimal credit, long discounts,
            BigDecimal discountValue, BigDecimal budgetInPeriod, Double budgetUsedShare) {
    }

    public record Spend(List<SpendByType> byType, List<SpendByAgent> byAgent, List<SpendByLevel> byLevel) {
    }

    /**
     * Cases flagged as a repeat failure (the customer failed before within the window) and what became of
     * them: recovered, cancelled, still open, and how many got a compensation.
     */
    public record RepeatFailures(long cases, long customers, long recovered, long cancelled, long open,
            long compensated, Double recoveredShare) {
    }

    /**
     * A step's task done after its due time (the severity's SLA), or still open past it now.
     */
    public record SlaBreaches(String step, long tasks, long breached, long completedLate, long openOverdue) {
    }

    /** How often a check code refused a submitted apology. */
    public record CodeCount(String code, long refusals) {
    }

    /**
     * Per customer language: apologies given, submitted apologies the checks refused, and how often each code
     * was among the reasons (a refusal may have several).
     */
    public record ApologyFindings(String language, long apologiesGiven, long refusals, List<CodeCount> codes) {
    }
}
