package io.servicerecovery.workflow.tasks;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.camunda.bpm.engine.variable.Variables;

import io.servicerecovery.cases.CaseStatus;
import io.servicerecovery.compensation.ApprovalRequest;
import io.servicerecovery.compensation.ApprovalService;
import io.servicerecovery.compensation.CompensationView;
import io.servicerecovery.compensation.GrantView;
import io.servicerecovery.compensation.ProposalDecision;
import io.servicerecovery.compensation.ProposalOutcome;
import io.servicerecovery.security.CurrentUser;
import io.servicerecovery.workflow.ProcessVariables;
import io.servicerecovery.workflow.RecoveryStep;

/**
 * APPROVAL (manager role): a manager at or above the waiting level approves, possibly less
 * than proposed, and the grant is booked in this request; a rejection (which needs a note,
 * {@link ApprovalService}'s rule) goes back to the agent with its note. Nobody decides their
 * own proposal.
 */
@ApplicationScoped
public class ApprovalStep implements StepHandler<ApprovalRequest, ApprovalStep.Decided> {

    private final ApprovalService approvals;

    public ApprovalStep(ApprovalService approvals) {
        this.approvals = approvals;
    }

    /** The answer of an APPROVAL task: APPROVED with the grant, or REJECTED (back to the agent). */
    public record Decided(String taskId, UUID caseId, ProposalOutcome decision, GrantView grant,
            CompensationView compensation) implements StepResult {
        @Override
        public RecoveryStep type() {
            return RecoveryStep.APPROVAL;
        }

        @Override
        public CaseStatus caseStatus() {
            return decision == ProposalOutcome.REJECTED ? CaseStatus.AWAITING_COMPENSATION
                    : CaseStatus.AWAITING_APPROVAL;
        }
    }

    @Override
    public Outcome<Decided> decide(OpenTask task, ApprovalRequest request, CurrentUser user) {
        ProposalDecision decision = approvals.decide(task.caseId(), user.id(), request);
        return new Outcome<>(new Decided(task.id(), task.caseId(), decision.decision(), decision.grant(),
                decision.compensation()),
                Variables.createVariables().putValue(ProcessVariables.APPROVED, decision.approved()));
    }
}
