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
import io.servicerecovery.timeline.Timeline;
import io.servicerecovery.timeline.TimelineKind;
import io.servicerecovery.common.ProblemException;
import io.servicerecovery.empowerment.EmpowermentService;
import io.servicerecovery.empowerment.EmpowermentService.Ask;
import io.servicerecovery.empowerment.Level;

/**
 * Proposals and approvals. A proposal inside the agent's empowerment is approved, its
 * credit reserved against the agent's budget and the grant booked, all in the request's
 * transaction; above it, it waits for the lowest approving level that covers it and
 * moves up a level when nobody decides in time. Nobody approves their own proposal.
 */
@ApplicationScoped
public class CompensationService {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final ProposalRepository proposals;
    private final GrantService grants;
    private final EmpowermentService empowerment;
    private final Timeline timeline;
    private final Clock clock;
    private final Event<CompensationEvents.Proposed> proposed;
    private final Event<CompensationEvents.Decided> decidedEvents;

    public CompensationService(ProposalRepository proposals, GrantService grants, EmpowermentService empowerment,
            Timeline timeline, Clock clock, Event<CompensationEvents.Proposed> proposed,
            Event<CompensationEvents.Decided> decidedEvents) {
        this.proposals = proposals;
        this.grants = grants;
        this.empowerment = empowerment;
        this.timeline = timeline;
        this.clock = clock;
        this.proposed = proposed;
        this.decidedEvents = decidedEvents;
    }

    /** What the process needs to route an escalated proposal. */
    public record Routing(Level approverLevel, Duration escalateAfter) {
    }

    /**
     * @param caseCurrency the currency of the case's order value, if any: a discount is
     *                     judged against the limits in that currency
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ProposalDecision propose(UUID caseId, String agent, ProposalRequest request, String caseCurrency) {
        Ask ask = askOf(request, empowerment.currencyFor(caseCurrency));
        Proposal p = new Proposal();
        p.id = UUID.randomUUID();
        p.caseId = caseId;
        p.type = request.type();
        p.amount = request.type() == CompensationType.NONE ? null : ask.amount();
        p.currency = request.type() == CompensationType.CREDIT ? ask.currency() : null;
        p.decisionCurrency = ask.currency();
        p.reason = request.reason();
        p.proposedBy = agent;
        p.proposedAt = clock.instant();
        p.outcome = ProposalOutcome.PENDING_APPROVAL;
        proposals.persist(p);
        proposals.flush();
        timeline.record(caseId, TimelineKind.COMPENSATION_PROPOSED, agent, "Proposed " + describe(p) + ": " + p.reason,
                details(p));

        Level agentLevel = empowerment.levelOf(agent);
        if (empowerment.approveWithin(agent, ask, caseId, p.id)) {
            p.outcome = ProposalOutcome.APPROVED_WITHIN_EMPOWERMENT;
            p.decidedBy = agent;
            p.decidedAt = p.proposedAt;
            p.approvedAmount = p.amount;
            proposals.flush();
            timeline.record(caseId, TimelineKind.APPROVED_WITHIN_EMPOWERMENT, agent,
                    "Approved at once, within the " + agentLevel + " limits", details(p));
            count(p, "within", agentLevel);
            GrantView grant = grants.bookFor(caseId).orElse(null);
            return new ProposalDecision(p.outcome, CompensationQueries.view(p, grant), grant, null, null);
        }
        Level approver = empowerment.lowestApproverFor(ask);
        p.approverLevel = approver;
        Map<String, Object> details = details(p);
        details.put("approverLevel", approver.name());
        timeline.record(caseId, TimelineKind.ESCALATED, agent,
                "Above " + agent + "'s empowerment: waiting for approval by a " + approver, details);
        count(p, "escalated", agentLevel);
        return new ProposalDecision(p.outcome, CompensationQueries.view(p, null), null, approver,
                empowerment.escalateAfter(approver));
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
            throw ProblemException.forbidden("Separation of duties: nobody approves their own proposal.");
        }
        p.decisionNote = request.note();
        if (request.decision() == ApprovalRequest.Decision.REJECT) {
            if (request.note() == null || request.note().isBlank()) {
                throw ProblemException.unprocessable("note", "A rejection needs a note that tells the agent why.");
            }
            if (request.amount() != null) {
                throw ProblemException.unprocessable("amount", "A rejection carries no amount.");
            }
            Level level = empowerment.levelOf(approver);
            if (!level.isApproving() || !level.isAtLeast(p.approverLevel)) {
                throw ProblemException.forbidden("This proposal needs a " + p.approverLevel + " or above; you are "
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
            throw ProblemException.unprocessable("amount",
                    "You may approve at most the proposed " + p.amount.toPlainString() + ".");
        }
        empowerment.approveAbove(approver, p.approverLevel, new Ask(kindOf(p.type), approved, p.decisionCurrency),
                caseId, p.id);
        decided(p, approver, ProposalOutcome.APPROVED);
        p.approvedAmount = approved;
        Map<String, Object> details = details(p);
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
        GrantView grant = grants.bookFor(caseId).orElse(null);
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

    /** Whether this person proposed the case's pending proposal (and so may not decide it). */
    public boolean isProposerOfPending(UUID caseId, String person) {
        return proposals.latestFor(caseId).filter(p -> p.outcome == ProposalOutcome.PENDING_APPROVAL)
                .map(p -> p.proposedBy.equals(person)).orElse(false);
    }

    private Proposal pending(UUID caseId) {
        return proposals.latestFor(caseId)
                .filter(found -> found.outcome == ProposalOutcome.PENDING_APPROVAL)
                .orElseThrow(() -> ProblemException.conflict("The case has no proposal waiting for approval."));
    }

    private void decided(Proposal p, String by, ProposalOutcome outcome) {
        p.outcome = outcome;
        p.decidedBy = by;
        p.decidedAt = clock.instant();
        decidedEvents.fire(new CompensationEvents.Decided(p.caseId, outcome, Duration.between(p.proposedAt, p.decidedAt)));
    }

    private void count(Proposal p, String outcome, Level level) {
        boolean within = "within".equals(outcome);
        proposed.fire(new CompensationEvents.Proposed(p.caseId, p.type, level, within));
        if (within) {
            decidedEvents.fire(new CompensationEvents.Decided(p.caseId, p.outcome, Duration.ZERO));
        }
    }

    private static Ask askOf(ProposalRequest request, String decisionCurrency) {
        return switch (request.type()) {
            case NONE -> {
                if (request.amount() != null || request.currency() != null) {
                    throw ProblemException.unprocessable("amount", "A proposal of NONE carries no amount or currency.");
                }
                yield new Ask(Ask.Kind.NONE, null, decisionCurrency);
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
                yield new Ask(Ask.Kind.DISCOUNT_PERCENT, request.amount().setScale(2), decisionCurrency);
            }
        };
    }

    static Ask.Kind kindOf(CompensationType type) {
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
