package io.servicerecovery.console.manager;

import java.util.UUID;

import io.servicerecovery.compensation.GrantView;
import io.servicerecovery.compensation.ProposalOutcome;

/**
 * A decision already taken on a case's proposal, as the approvals page says it after the manager's own
 * decision (the redirect's page) or when a card shown earlier (Back, a second tab) is no longer waiting.
 *
 * @param decidedBy the approver's name as people know it
 * @param note the approver's note, or null
 * @param grant what was booked, or null (a rejection, or a grant still to come)
 */
public record DecisionTaken(UUID caseId, String customerName, String externalRef, ProposalOutcome outcome,
        String decidedBy, String note, GrantView grant) {

    public boolean isRejected() {
        return outcome == ProposalOutcome.REJECTED;
    }

    /** Still waiting (for another level, say): the card the person saw is simply no longer theirs. */
    public boolean isPending() {
        return outcome == ProposalOutcome.PENDING_APPROVAL;
    }
}
