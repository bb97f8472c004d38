package io.servicerecovery.console.manager;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.servicerecovery.common.Money;
import io.servicerecovery.compensation.CompensationView;
import io.servicerecovery.compensation.GrantView;
import io.servicerecovery.console.ConsoleProblem;

/**
 * A pending approval as the queue shows it: the case's story in brief, what the agent asks
 * for and why, and when the request moves up a level if nobody decides. After a decision
 * (or a refusal of one) the same card carries the outcome or the problem, and what the
 * manager typed.
 *
 * @param escalatesTo the next level, or null at the top (the request then waits there)
 * @param escalatesIn the time left in words ("3 h 20 min"), negative ("−5 min") when overdue
 */
public record ApprovalCard(String taskId, UUID caseId, String externalRef, String customerName, boolean repeatFailure,
        String severity, String failureCategory, String failureDescription, Money orderValue,
        CompensationView proposal, String proposerName, Instant waitingSince, String waitingFor,
        Instant escalatesAt, String escalatesIn, boolean overdue, String escalatesTo, String assignee,
        Map<String, String> input, ConsoleProblem problem, String outcome, GrantView grant) {

    ApprovalCard refused(Map<String, String> typed, ConsoleProblem why) {
        return new ApprovalCard(taskId, caseId, externalRef, customerName, repeatFailure, severity, failureCategory,
                failureDescription, orderValue, proposal, proposerName, waitingSince, waitingFor, escalatesAt,
                escalatesIn, overdue, escalatesTo, assignee, typed, why, null, null);
    }

    /** @param what APPROVED, GRANTED (approved and booked) or REJECTED */
    ApprovalCard decided(String what, GrantView given) {
        return new ApprovalCard(taskId, caseId, externalRef, customerName, repeatFailure, severity, failureCategory,
                failureDescription, orderValue, proposal, proposerName, waitingSince, waitingFor, escalatesAt,
                escalatesIn, overdue, escalatesTo, assignee, Map.of(), null, what, given);
    }

    /** What the manager typed into a field, or the proposal's amount for the amount field of a fresh card. */
    public String value(String field) {
        if (input.containsKey(field)) {
            return input.get(field);
        }
        return "amount".equals(field) && proposal != null && proposal.amount() != null
                ? proposal.amount().toPlainString() : "";
    }

    public boolean isDecided() {
        return outcome != null;
    }
}
