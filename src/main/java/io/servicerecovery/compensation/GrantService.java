package io.servicerecovery.compensation;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.servicerecovery.common.Actor;
import io.servicerecovery.timeline.Timeline;
import io.servicerecovery.timeline.TimelineKind;

/**
 * Books grants in the ledger, in one place: the decision that approves a compensation (a
 * proposal within empowerment, or a manager's approval) books it at once, so its answer
 * carries the grant. One grant per case: the case's lock keeps two decisions apart, and the
 * unique constraint on the grant's case is the last line of defence.
 */
@ApplicationScoped
public class GrantService {

    private final GrantRepository grants;
    private final ProposalRepository proposals;
    private final VoucherCodes vouchers;
    private final Timeline timeline;
    private final Clock clock;

    public GrantService(GrantRepository grants, ProposalRepository proposals, VoucherCodes vouchers, Timeline timeline,
            Clock clock) {
        this.grants = grants;
        this.proposals = proposals;
        this.vouchers = vouchers;
        this.timeline = timeline;
        this.clock = clock;
    }

    /**
     * Checks that the case's approved compensation is booked (nothing to book for NONE); an
     * approved proposal without its grant is a bug, not something to repair here.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<GrantView> requireBooked(UUID caseId) {
        Optional<Grant> existing = grants.forCase(caseId);
        if (existing.isPresent()) {
            return existing.map(GrantView::of);
        }
        Proposal proposal = approvedProposal(caseId);
        if (proposal.type != CompensationType.NONE) {
            throw new IllegalStateException("Case " + caseId + " has an approved compensation but no grant");
        }
        return Optional.empty();
    }

    /**
     * Books the compensation of a proposal approved in this transaction; empty when nothing is to be given.
     * <p>
     * The caller holds the proposal it just approved, under the case's lock (a step completion or an approval
     * locks the case first), so it is neither read back nor is a grant looked for: none can exist for a case
     * whose proposal was pending until now, and the unique constraint on the grant's case stands behind that.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<GrantView> bookFor(Proposal proposal) {
        if (!proposal.outcome.isApproved()) {
            throw new IllegalStateException("Proposal " + proposal.id + " is " + proposal.outcome + ", not approved");
        }
        if (proposal.type == CompensationType.NONE) {
            return Optional.empty();
        }
        UUID caseId = proposal.caseId;
        Grant grant = new Grant();
        grant.id = UUID.randomUUID();
        grant.caseId = caseId;
        grant.proposalId = proposal.id;
        grant.type = proposal.type;
        grant.amount = proposal.approvedAmount;
        grant.currency = proposal.currency;
        grant.voucherCode = proposal.type == CompensationType.DISCOUNT_PERCENT ? vouchers.next() : null;
        grant.approvedBy = proposal.decidedBy;
        grant.grantedAt = clock.instant();
        grants.persist(grant);
        grants.flush();
        String what = grant.type == CompensationType.CREDIT
                ? "credit of " + grant.amount.toPlainString() + " " + grant.currency
                : grant.amount.stripTrailingZeros().toPlainString() + "% discount, voucher " + grant.voucherCode;
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("type", grant.type.name());
        details.put("amount", grant.amount.toPlainString());
        if (grant.currency != null) {
            details.put("currency", grant.currency);
        }
        if (grant.voucherCode != null) {
            details.put("voucherCode", grant.voucherCode);
        }
        timeline.record(caseId, TimelineKind.GRANTED, Actor.SYSTEM, "Granted a " + what, details);
        org.jboss.logging.Logger.getLogger(GrantService.class).infof("Granted a %s", what);
        return Optional.of(GrantView.of(grant));
    }

    private Proposal approvedProposal(UUID caseId) {
        return proposals.latestFor(caseId)
                .filter(p -> p.outcome.isApproved())
                .orElseThrow(() -> new IllegalStateException("Case " + caseId + " has no approved proposal to grant"));
    }
}
