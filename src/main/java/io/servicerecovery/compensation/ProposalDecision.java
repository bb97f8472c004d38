package io.servicerecovery.compensation;

import java.util.List;

import io.servicerecovery.empowerment.Level;

/** What became of a proposal in the request that made it. */
public record ProposalDecision(
        ProposalOutcome decision,
        CompensationView compensation,
        GrantView grant,
        Level approverLevel,
        List<String> approverGroups) {

    public boolean withinEmpowerment() {
        return decision == ProposalOutcome.APPROVED_WITHIN_EMPOWERMENT;
    }

    public boolean approved() {
        return decision == ProposalOutcome.APPROVED || decision == ProposalOutcome.APPROVED_WITHIN_EMPOWERMENT;
    }
}
