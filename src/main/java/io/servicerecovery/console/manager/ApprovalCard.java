package io.servicerecovery.console.manager;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.servicerecovery.common.Money;
import io.servicerecovery.compensation.CompensationView;
import io.servicerecovery.compensation.GrantView;
import io.servicerecovery.compensation.Recommendation;
import io.servicerecovery.console.ConsoleProblem;

/**
 * A pending approval as the queue shows it: the case's story in brief, what the agent asks
 * for and why, and when the request moves up a level if nobody decides. After a decision
 * (or a refusal of one) the same card carries the outcome or the problem, and what the
 * manager typed. The card also shows what was said to the customer (the statement, the apology as given),
 * the matrix' recommendation beside the ask, and what the agent may still grant today in that currency: what
 * an approver weighs.
 *
 * @param escalatesTo the next level, or null at the top (the request then waits there)
 * @param escalatesIn the time left in words ("3 h 20 min"), negative ("−5 min") when overdue
 */
public record ApprovalCard(String taskId, UUID caseId, String externalRef, String customerName, boolean repeatFailure,
        String severity, String failureCategory, String failureDescription, Money orderValue,
        CompensationView proposal, String proposerName, Instant waitingSince, String waitingFor,
        Instant escalatesAt, String escalatesIn, boolean overdue, String escalatesTo, String assignee,
        String accountabilityStatement, String apology, String apologyVia, Recommendation recommendation,
        BudgetLeft budgetLeft, Map<String, String> input, ConsoleProblem problem, String outcome, GrantView grant,
        String decisionNote) {

    ApprovalCard refused(Map<String, String> typed, ConsoleProblem why) {
        return new ApprovalCard(taskId, caseId, externalRef, customerName, repeatFailure, severity, failureCategory,
                failureDescription, orderValue, proposal, proposerName, waitingSince, waitingFor, escalatesAt,
                escalatesIn, overdue, escalatesTo, assignee, accountabilityStatement, apology, apologyVia, recommendation,
                budgetLeft, typed, why, null, null, null);
    }

    /** @param what APPROVED, GRANTED (approved and booked) or REJECTED */
    ApprovalCard decided(String what, GrantView given, String note) {
        return new ApprovalCard(taskId, caseId, externalRef, customerName, repeatFailure, severity, failureCategory,
                failureDescription, orderValue, proposal, proposerName, waitingSince, waitingFor, escalatesAt,
                escalatesIn, overdue, escalatesTo, assignee, accountabilityStatement, apology, apologyVia, recommendation,
                budgetLeft, Map.of(), null, what, given, note);
    }

    /** What the manager typed into a field, or the proposal's amount for the amount field of a fresh card. */
    public String value(String field) {
        if (input.containsKey(field)) {
            return input.get(field);
        }
        return "amount".equals(field) && proposal != null && proposal.amount() != null
                ? proposal.amount().toPlainString() : "";
    }

    /** The level it waits for, to be worded ({@code {card.waitingLevel.label}}); null when none. */
    public io.servicerecovery.empowerment.Level waitingLevel() {
        return waitingFor == null || waitingFor.isEmpty() ? null : io.servicerecovery.empowerment.Level.valueOf(waitingFor);
    }

    /** The level it moves up to; null at the top. */
    public io.servicerecovery.empowerment.Level nextLevel() {
        return escalatesTo == null ? null : io.servicerecovery.empowerment.Level.valueOf(escalatesTo);
    }

    public boolean isDecided() {
        return outcome != null;
    }
}
