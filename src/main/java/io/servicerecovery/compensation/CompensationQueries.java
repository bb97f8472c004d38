package io.servicerecovery.compensation;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

/** Read side of compensation, for the case view and the task API. */
@ApplicationScoped
public class CompensationQueries {

    private final ProposalRepository proposals;
    private final GrantRepository grants;

    public CompensationQueries(ProposalRepository proposals, GrantRepository grants) {
        this.proposals = proposals;
        this.grants = grants;
    }

    public Optional<CompensationView> viewFor(UUID caseId) {
        return proposals.latestFor(caseId).map(p -> view(p, grants.forCase(caseId).map(GrantView::of).orElse(null)));
    }

    public Optional<Proposal> latestProposal(UUID caseId) {
        return proposals.latestFor(caseId);
    }

    static CompensationView view(Proposal p, GrantView grant) {
        return new CompensationView(p.id, p.type, p.amount, p.currency, p.reason, p.proposedBy, p.proposedAt,
                p.outcome, p.approverLevel, p.decidedBy, p.approvedAmount, p.decisionNote, grant);
    }
}
