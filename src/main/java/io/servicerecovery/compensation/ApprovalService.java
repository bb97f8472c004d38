package io.servicerecovery.compensation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import io.servicerecovery.common.Actor;
import io.servicerecovery.common.DomainException;
import io.servicerecovery.empowerment.EmpowermentService;
import io.servicerecovery.empowerment.EmpowermentService.Ask;
import io.servicerecovery.empowerment.Level;
import io.servicerecovery.timeline.Timeline;
import io.servicerecovery.timeline.TimelineKind;

/**
 * Approvals of proposals above the proposer's empowerment: a manager's decision, and the
 * escalation to the next approving level when nobody decides in time. Nobody approves
 * their own proposal; an approval books the grant in the same transaction.
 */
@ApplicationScoped
public class ApprovalService {

    private final ProposalRepository proposals;
    private final GrantService grants;
    private final EmpowermentService empowerment;
    private final Timeline timeline;
    private final Clock clock;
    private final Event<CompensationEvents.Decided> decidedEvents;

    public ApprovalService(ProposalRepository proposals, GrantService grants, EmpowermentService empowerment,
            Timeline timeline, Clock clock, Event<CompensationEvents.Decided> decidedEvents) {
        this.proposals = proposals;
        this.grants = grants;
        this.empowerment = empowerment;
        this.timeline = timeline;
        this.clock = clock;
        this.decidedEvents = decidedEvents;
    }

    /** What the process needs to route an escalated proposal. */
    public record Routing(Level approverLevel, Duration escalateAfter) {
    }

    /**
     * A manager's decision on a pending proposal. The approver must not be the proposer,
     * must be at or above the level the proposal waits for, and their own limits and
     * budget must cover what they approve, which may be less than proposed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ProposalDecision decide(UUID caseId, String approver, ApprovalRequest request) {
        Proposal p = pending(caseId);
        if (approver.equals(p.proposedBy)) {
            throw DomainException.notAllowed("Separation of duties: nobody approves their own proposal.");
        }
        p.decisionNote = request.note();
        if (request.decision() == ApprovalRequest.Decision.REJECT) {
            if (request.note() == null || request.note().isBlank()) {
                throw DomainException.refused("note", "A rejection needs a note that tells the agent why.");
            }
            if (request.amount() != null) {
                throw DomainException.refused("amount", "A rejection carries no amount.");
            }
            Level level = empowerment.levelOf(approver);
            if (!level.isApproving() || !level.isAtLeast(p.approverLevel)) {
                throw DomainException.notAllowed("This proposal needs a " + p.approverLevel + " or above; you are "
                        + level + ".");
            }
            decided(p, approver, ProposalOutcome.REJECTED);
            timeline.record(caseId, TimelineKind.REJECTED, approver, "Rejected: " + request.note(),
                    Map.of("note", request.note()));
            return new ProposalDecision(p.outcome, CompensationQueries.view(p, null), null, null, null);
        }
        BigDecimal approved = request.amount() == null ? p.amount : request.amount().setScale(2);
        if (p.type == CompensationType.NONE) {
            approved = null;
        } else if (approved.compareTo(p.amount) > 0) {
            throw DomainException.refused("amount",
                    "You may approve at most the proposed " + p.amount.toPlainString() + ".");
        }
        empowerment.approveAbove(approver, p.approverLevel, new Ask(CompensationService.kindOf(p.type), approved, p.decisionCurrency),
                caseId, p.id);
        decided(p, approver, ProposalOutcome.APPROVED);
        p.approvedAmount = approved;
        Map<String, Object> details = CompensationService.details(p);
        if (approved != null) {
            details.put("approvedAmount", approved.toPlainString());
        }
        if (request.note() != null) {
            details.put("note", request.note());
        }
        timeline.record(caseId, TimelineKind.APPROVED, approver,
                "Approved " + (approved == null ? "no compensation"
                        : approved.toPlainString() + (p.currency == null ? "%" : " " + p.currency))
                        + (approved != null && approved.compareTo(p.amount) < 0
                                ? " (less than the proposed " + p.amount.toPlainString() + ")" : ""),
                details);
        proposals.flush();
        GrantView grant = grants.bookFor(p).orElse(null);
        return new ProposalDecision(p.outcome, CompensationQueries.view(p, grant), grant, null, null);
    }

    /**
     * Nobody decided in time: the approval moves to the next approving level. At the top
     * there is nobody above, so it stays and the wait is recorded.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Routing escalate(UUID caseId) {
        Proposal p = pending(caseId);
        Level from = p.approverLevel;
        Optional<Level> next = empowerment.nextApprover(from);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("proposalId", p.id.toString());
        details.put("from", from.name());
        if (next.isPresent()) {
            p.approverLevel = next.get();
            p.escalations++;
            details.put("approverLevel", next.get().name());
            timeline.record(caseId, TimelineKind.ESCALATED, Actor.SYSTEM, "No " + from + " decided within "
                    + empowerment.escalateAfter(from) + ": escalated to a " + next.get(), details);
        } else {
            details.put("approverLevel", from.name());
            timeline.record(caseId, TimelineKind.ESCALATED, Actor.SYSTEM, "Still waiting for a " + from + " after "
                    + empowerment.escalateAfter(from), details);
        }
        return new Routing(p.approverLevel, empowerment.escalateAfter(p.approverLevel));
    }

    private Proposal pending(UUID caseId) {
        return proposals.latestFor(caseId)
                .filter(found -> found.outcome == ProposalOutcome.PENDING_APPROVAL)
                .orElseThrow(() -> DomainException.conflict("The case has no proposal waiting for approval."));
    }

    private void decided(Proposal p, String by, ProposalOutcome outcome) {
        p.outcome = outcome;
        p.decidedBy = by;
        p.decidedAt = clock.instant();
        decidedEvents.fire(new CompensationEvents.Decided(p.caseId, outcome, Duration.between(p.proposedAt, p.decidedAt)));
    }
}
