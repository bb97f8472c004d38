package io.servicerecovery.compensation;

import java.time.Duration;

import io.servicerecovery.empowerment.Level;

/** What became of a proposal in the request that made it; for an escalation, where it goes and for how long. */
public record ProposalDecision(
        ProposalOutcome decision,
        CompensationView compensation,
        GrantView grant,
        Level approverLevel,
        Duration escalateAfter) {

    public boolean withinEmpowerment() {
        return decision == ProposalOutcome.APPROVED_WITHIN_EMPOWERMENT;
    }

    public boolean approved() {
        return decision != null && decision.isApproved();
    }
}
