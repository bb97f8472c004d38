package io.servicerecovery.reports;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
    public record Cases(long opened, long recovered, long cancelled,
            @Schema(description = "Every status but RECOVERED and CANCELLED") long open, Double recoveredShare) {
    }

    /** Median and 90th percentile of a duration over {@code count} cases (or proposals). */
    public record Durations(@Schema(description = "How many cases (or proposals) had this duration") long count,
            @Schema(description = "Continuous median") Double medianSeconds,
            @Schema(description = "Continuous 90th percentile") Double p90Seconds) {
    }

    /** How long a step took: from the moment its task could be taken to the moment it was done. */
    public record StepTime(
            @Schema(description = "ACCOUNTABILITY: opened to taken; APOLOGY: to given; APOLOGY_EMAIL: to the email sent; "
                    + "COMPENSATION: from the recommendation to the first proposal") String step,
            Durations duration) {
    }

    /**
     * firstTouch: from the case being opened to the first thing a person did on it (claimed its task or took
     * accountability); steps: each step's own time; endToEnd: opened to recovered.
     */
    public record Times(
            @Schema(description = "From the case opened to the first thing a person did (claimed its task or took accountability)")
            Durations firstTouch,
            List<StepTime> steps,
            @Schema(description = "From opened to recovered") Durations endToEnd) {
    }

    /** The proposals of agents of one level (their level when they proposed): decided at once or escalated. */
    public record ProposalsByLevel(@Schema(description = "The proposer's level when they proposed") Level level, long proposals, long withinEmpowerment, long escalated,
            Double withinShare, Double escalatedShare) {
    }

    /** Proposals that waited for approvers of one level (the level they waited for when decided). */
    public record ApprovalsByLevel(@Schema(description = "The level the proposal waited for at the end") Level level, long approved, long rejected, long pending, Durations timeToDecision) {
    }

    /** Approvals the escalation timer moved up a level because nobody decided in time. */
    public record Escalations(@Schema(description = "Moves of the escalation timer") long byTimer,
            @Schema(description = "Proposals moved up at least once") long proposalsEscalated) {
    }

    public record Compensations(List<ProposalsByLevel> byProposerLevel, List<ApprovalsByLevel> approvals,
            Escalations escalations) {
    }

    /**
     * Granted compensations of one type in one currency. A discount's amount is its value: the percent of the
     * case's order value (null when the case has no order value).
     */
    public record SpendByType(CompensationType type, String currency, long grants,
            @Schema(description = "A discount's value is its percent of the order value, in the order's currency") BigDecimal amount) {
    }

    /**
     * What one person approved in one currency (within their own empowerment or as approver), against their
     * rolling daily budget (which counts credits): the budget over the period is the daily budget times the
     * period's days (null budget: no limit).
     */
    public record SpendByAgent(String agent, Level level, String currency, long credits, BigDecimal credit,
            long discounts, BigDecimal discountValue,
            @Schema(description = "The daily budget that applies to the person today; absent: no budget") BigDecimal dailyBudget,
            @Schema(description = "The daily budget times the period's days") BigDecimal budgetInPeriod,
            @Schema(description = "Credits over budgetInPeriod") Double budgetUsedShare) {
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
    @Schema(description = "Per agent step: tasks done after their due time (the severity's SLA), or still open past it")
    public record SlaBreaches(String step, long tasks, long breached, long completedLate, long openOverdue) {
    }

    /** How often a check code refused a submitted apology. */
    public record CodeCount(String code, long refusals) {
    }

    /**
     * Per customer language: apologies given, submitted apologies the checks refused, and how often each code
     * was among the reasons (a refusal may have several).
     */
    @Schema(description = "Per customer language: apologies given, submitted apologies refused (API or console; never "
            + "the dry run or the live checks, never the text) and how often each code was a reason")
    public record ApologyFindings(String language, long apologiesGiven, long refusals, List<CodeCount> codes) {
    }
}
