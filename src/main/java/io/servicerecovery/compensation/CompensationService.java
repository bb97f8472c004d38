package io.servicerecovery.compensation;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.servicerecovery.cases.Timeline;
import io.servicerecovery.cases.TimelineKind;
import io.servicerecovery.common.ProblemException;
import io.servicerecovery.empowerment.EmpowermentService;
import io.servicerecovery.empowerment.EmpowermentService.Ask;
import io.servicerecovery.empowerment.Level;

/**
 * Proposals and approvals. A proposal inside the agent's empowerment is approved and
 * granted in the same transaction; above it, it waits for the lowest approving level
 * that covers it. Nobody approves their own proposal.
 */
@ApplicationScoped
public class CompensationService {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final ProposalRepository proposals;
    private final GrantService grants;
    private final EmpowermentService empowerment;
    private final Timeline timeline;
    private final Clock clock;

    public CompensationService(ProposalRepository proposals, GrantService grants, EmpowermentService empowerment,
            Timeline timeline, Clock clock) {
        this.proposals = proposals;
        this.grants = grants;
        this.empowerment = empowerment;
        this.timeline = timeline;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public ProposalDecision propose(UUID caseId, String agent, ProposalRequest request) {
        Ask ask = askOf(request);
        Proposal p = new Proposal();
        p.id = UUID.randomUUID();
        p.caseId = caseId;
        p.type = request.type();
        p.amount = ask.amount();
        p.currency = ask.currency();
        p.reason = request.reason();
        p.proposedBy = agent;
        p.proposedAt = clock.instant();
        timeline.record(caseId, TimelineKind.COMPENSATION_PROPOSED, agent, "Proposed " + describe(p) + ": " + p.reason,
                details(p));

        Level agentLevel = empowerment.levelOf(agent);
        if (empowerment.covers(agentLevel, ask)) {
            p.outcome = ProposalOutcome.APPROVED_WITHIN_EMPOWERMENT;
            p.decidedBy = agent;
            p.decidedAt = p.proposedAt;
            p.approvedAmount = p.amount;
            proposals.persist(p);
            proposals.flush();
            timeline.record(caseId, TimelineKind.APPROVED_WITHIN_EMPOWERMENT, agent,
                    "Approved at once, within the " + agentLevel + " limits", details(p));
            GrantView grant = grants.bookFor(caseId).orElse(null);
            return new ProposalDecision(p.outcome, CompensationQueries.view(p, grant), grant, null, List.of());
        }
        Level approver = empowerment.lowestApproverFor(ask);
        p.outcome = ProposalOutcome.PENDING_APPROVAL;
        p.approverLevel = approver;
        proposals.persist(p);
        Map<String, Object> details = details(p);
        details.put("approverLevel", approver.name());
        timeline.record(caseId, TimelineKind.ESCALATED, agent,
                "Above the " + agentLevel + " limits: waiting for approval by a " + approver, details);
        return new ProposalDecision(p.outcome, CompensationQueries.view(p, null), null, approver,
                approver.approverGroupsFromHere());
    }

    /**
     * A manager's decision on a pending proposal. The approver must not be the proposer,
     * must be at or above the level the proposal went to, and their own limits must cover
     * what they approve, which may be less than proposed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ProposalDecision decide(UUID caseId, String approver, ApprovalRequest request) {
        Proposal p = proposals.latestFor(caseId)
                .filter(found -> found.outcome == ProposalOutcome.PENDING_APPROVAL)
                .orElseThrow(() -> ProblemException.conflict("The case has no proposal waiting for approval."));
        if (approver.equals(p.proposedBy)) {
            throw ProblemException.forbidden("Separation of duties: nobody approves their own proposal.");
        }
        Level approverLevel = empowerment.levelOf(approver);
        if (!approverLevel.isApproving() || !approverLevel.isAtLeast(p.approverLevel)) {
            throw ProblemException.forbidden("This proposal needs a " + p.approverLevel + " or above; you are "
                    + approverLevel + ".");
        }
        p.decidedBy = approver;
        p.decidedAt = clock.instant();
        p.decisionNote = request.note();
        if (request.decision() == ApprovalRequest.Decision.REJECT) {
            if (request.note() == null || request.note().isBlank()) {
                throw ProblemException.unprocessable("note", "A rejection needs a note that tells the agent why.");
            }
            if (request.amount() != null) {
                throw ProblemException.unprocessable("amount", "A rejection carries no amount.");
            }
            p.outcome = ProposalOutcome.REJECTED;
            timeline.record(caseId, TimelineKind.REJECTED, approver, "Rejected: " + request.note(),
                    Map.of("note", request.note()));
            return new ProposalDecision(p.outcome, CompensationQueries.view(p, null), null, null, List.of());
        }
        BigDecimal approved = request.amount() == null ? p.amount : request.amount();
        if (approved.compareTo(p.amount) > 0) {
            throw ProblemException.unprocessable("amount",
                    "You may approve at most the proposed " + p.amount.toPlainString() + ".");
        }
        if (p.type == CompensationType.DISCOUNT_PERCENT && approved.compareTo(HUNDRED) > 0) {
            throw ProblemException.unprocessable("amount", "A discount is at most 100 percent.");
        }
        if (!empowerment.covers(approverLevel, new Ask(kindOf(p.type), approved, p.currency))) {
            throw ProblemException.forbidden("Approving " + approved.toPlainString() + " is above your own "
                    + approverLevel + " limits.");
        }
        p.outcome = ProposalOutcome.APPROVED;
        p.approvedAmount = approved;
        Map<String, Object> details = details(p);
        details.put("approvedAmount", approved.toPlainString());
        if (request.note() != null) {
            details.put("note", request.note());
        }
        timeline.record(caseId, TimelineKind.APPROVED, approver,
                "Approved " + approved.toPlainString() + (p.currency == null ? "%" : " " + p.currency)
                        + (approved.compareTo(p.amount) < 0 ? " (less than the proposed " + p.amount.toPlainString() + ")" : ""),
                details);
        proposals.flush();
        GrantView grant = grants.bookFor(caseId).orElse(null);
        return new ProposalDecision(p.outcome, CompensationQueries.view(p, grant), grant, null, List.of());
    }

    private static Ask askOf(ProposalRequest request) {
        return switch (request.type()) {
            case NONE -> {
                if (request.amount() != null || request.currency() != null) {
                    throw ProblemException.unprocessable("amount", "A proposal of NONE carries no amount or currency.");
                }
                yield new Ask(Ask.Kind.NONE, null, null);
            }
            case CREDIT -> {
                if (request.amount() == null) {
                    throw ProblemException.invalid("amount", "is required for a credit");
                }
                if (request.currency() == null) {
                    throw ProblemException.invalid("currency", "is required for a credit");
                }
                yield new Ask(Ask.Kind.CREDIT, request.amount().setScale(2), request.currency());
            }
            case DISCOUNT_PERCENT -> {
                if (request.amount() == null) {
                    throw ProblemException.invalid("amount", "is required for a discount (the percent)");
                }
                if (request.amount().compareTo(HUNDRED) > 0) {
                    throw ProblemException.invalid("amount", "a discount percent must be in (0, 100]");
                }
                if (request.currency() != null) {
                    throw ProblemException.invalid("currency", "a discount is a percent and has no currency");
                }
                yield new Ask(Ask.Kind.DISCOUNT_PERCENT, request.amount().setScale(2), null);
            }
        };
    }

    private static Ask.Kind kindOf(CompensationType type) {
        return Ask.Kind.valueOf(type.name());
    }

    private static String describe(Proposal p) {
        return switch (p.type) {
            case NONE -> "no compensation";
            case CREDIT -> "a credit of " + p.amount.toPlainString() + " " + p.currency;
            case DISCOUNT_PERCENT -> "a " + p.amount.stripTrailingZeros().toPlainString() + "% discount";
        };
    }

    private static Map<String, Object> details(Proposal p) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("proposalId", p.id.toString());
        details.put("type", p.type.name());
        if (p.amount != null) {
            details.put("amount", p.amount.toPlainString());
        }
        if (p.currency != null) {
            details.put("currency", p.currency);
        }
        details.put("reason", p.reason);
        return details;
    }
}
