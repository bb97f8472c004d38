package io.servicerecovery.compensation;

public enum ProposalOutcome {
    APPROVED_WITHIN_EMPOWERMENT,
    PENDING_APPROVAL,
    APPROVED,
    REJECTED,
    WITHDRAWN
}
