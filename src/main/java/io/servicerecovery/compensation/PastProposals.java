package io.servicerecovery.compensation;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.servicerecovery.empowerment.EmpowermentService.Ask;
import io.servicerecovery.empowerment.ProposalHistory;

/** The proposals of a period, oldest first, for the empowerment simulation. */
@ApplicationScoped
public class PastProposals implements ProposalHistory {

    private final ProposalRepository proposals;

    public PastProposals(ProposalRepository proposals) {
        this.proposals = proposals;
    }

    @Override
    public List<PastProposal> between(Instant from, Instant to) {
        return proposals.list("proposedAt >= ?1 and proposedAt < ?2 order by proposedAt, id", from, to).stream()
                .map(p -> new PastProposal(p.proposedBy, p.proposedAt,
                        new Ask(CompensationService.kindOf(p.type), p.amount, p.decisionCurrency),
                        p.outcome == ProposalOutcome.APPROVED_WITHIN_EMPOWERMENT))
                .toList();
    }
}
