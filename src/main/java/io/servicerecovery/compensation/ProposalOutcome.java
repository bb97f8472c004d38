package io.servicerecovery.compensation;

public enum ProposalOutcome {
    APPROVED_WITHIN_EMPOWERMENT,
    PENDING_APPROVAL,
    APPROVED,
    REJECTED,
    WITHDRAWN;

    /** Given by the agent within empowerment or by an approver: what a grant is booked for. */
    public boolean isApproved() {
        return this == APPROVED || this == APPROVED_WITHIN_EMPOWERMENT;
    }
}
