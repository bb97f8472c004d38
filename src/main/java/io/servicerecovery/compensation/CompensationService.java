package io.servicerecovery.compensation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import io.servicerecovery.timeline.Timeline;
import io.servicerecovery.timeline.TimelineKind;
import io.servicerecovery.common.DomainException;
import io.servicerecovery.empowerment.EmpowermentService;
import io.servicerecovery.empowerment.EmpowermentService.Ask;
import io.servicerecovery.empowerment.Level;

/**
 * Proposals. A proposal inside the agent's empowerment is approved, its credit reserved
 * against the agent's budget and the grant booked, all in the request's transaction;
 * above it, it waits for the lowest approving level that covers it ({@link ApprovalService}
 * decides it then).
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
        Level agentLevel = empowerment.levelOf(agent);
        p.proposerLevel = agentLevel;
        proposals.persist(p);
        proposals.flush();
        timeline.record(caseId, TimelineKind.COMPENSATION_PROPOSED, agent, "Proposed " + describe(p) + ": " + p.reason,
                details(p));

        if (empowerment.approveWithin(agent, ask, caseId, p.id)) {
            p.outcome = ProposalOutcome.APPROVED_WITHIN_EMPOWERMENT;
            p.decidedBy = agent;
            p.decidedAt = p.proposedAt;
            p.approvedAmount = p.amount;
            proposals.flush();
            timeline.record(caseId, TimelineKind.APPROVED_WITHIN_EMPOWERMENT, agent,
                    "Approved at once, within the " + agentLevel + " limits", details(p));
            count(p, "within", agentLevel);
            GrantView grant = grants.bookFor(p).orElse(null);
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

    /** Whether this person proposed the case's pending proposal (and so may not decide it). */
    public boolean isProposerOfPending(UUID caseId, String person) {
        return proposals.latestFor(caseId).filter(p -> p.outcome == ProposalOutcome.PENDING_APPROVAL)
                .map(p -> p.proposedBy.equals(person)).orElse(false);
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
                    throw DomainException.refused("amount", "A proposal of NONE carries no amount or currency.");
                }
                yield new Ask(Ask.Kind.NONE, null, decisionCurrency);
            }
            case CREDIT -> {
                if (request.amount() == null) {
                    throw DomainException.invalid("amount", "is required for a credit");
                }
                if (request.currency() == null) {
                    throw DomainException.invalid("currency", "is required for a credit");
                }
                yield new Ask(Ask.Kind.CREDIT, request.amount().setScale(2), request.currency());
            }
            case DISCOUNT_PERCENT -> {
                if (request.amount() == null) {
                    throw DomainException.invalid("amount", "is required for a discount (the percent)");
                }
                if (request.amount().compareTo(HUNDRED) > 0) {
                    throw DomainException.invalid("amount", "a discount percent must be in (0, 100]");
                }
                if (request.currency() != null) {
                    throw DomainException.invalid("currency", "a discount is a percent and has no currency");
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

    static Map<String, Object> details(Proposal p) {
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
