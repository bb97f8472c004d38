package io.servicerecovery.workflow.tasks;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.camunda.bpm.engine.variable.Variables;

import io.servicerecovery.cases.CaseStatus;
import io.servicerecovery.compensation.CompensationService;
import io.servicerecovery.compensation.CompensationView;
import io.servicerecovery.compensation.GrantView;
import io.servicerecovery.compensation.ProposalDecision;
import io.servicerecovery.compensation.ProposalOutcome;
import io.servicerecovery.compensation.ProposalRequest;
import io.servicerecovery.empowerment.Level;
import io.servicerecovery.security.CurrentUser;
import io.servicerecovery.workflow.ProcessVariables;
import io.servicerecovery.workflow.RecoveryStep;

/**
 * COMPENSATION: the agent proposes a discount, a credit or none. Inside their empowerment
 * it is approved and granted in this request; above it, it waits for the lowest approving
 * level that covers it.
 */
@ApplicationScoped
public class ProposalStep implements StepHandler<ProposalRequest, ProposalStep.Decided> {

    private final CompensationService compensation;

    public ProposalStep(CompensationService compensation) {
        this.compensation = compensation;
    }

    /** The answer of a COMPENSATION task: the decision, and the grant (within empowerment) or the approver level. */
    public record Decided(String taskId, UUID caseId, ProposalOutcome decision, Level approverLevel, GrantView grant,
            CompensationView compensation) implements StepResult {
        @Override
        public RecoveryStep type() {
            return RecoveryStep.COMPENSATION;
        }

        /** Within empowerment the case closes once the process has moved on; above it, it waits for approval. */
        @Override
        public CaseStatus caseStatus() {
            return decision == ProposalOutcome.APPROVED_WITHIN_EMPOWERMENT ? CaseStatus.AWAITING_COMPENSATION
                    : CaseStatus.AWAITING_APPROVAL;
        }
    }

    @Override
    public Outcome<Decided> decide(OpenTask task, ProposalRequest request, CurrentUser user) {
        ProposalDecision decision = compensation.propose(task.caseId(), user.id(), request,
                task.recoveryCase().orderCurrency);
        return new Outcome<>(new Decided(task.id(), task.caseId(), decision.decision(), decision.approverLevel(),
                decision.grant(), decision.compensation()), Variables.createVariables()
                        .putValue(ProcessVariables.WITHIN_EMPOWERMENT, decision.withinEmpowerment())
                        .putValue(ProcessVariables.APPROVER_GROUPS,
                                ProcessVariables.approverGroups(decision.approverLevel()))
                        .putValue(ProcessVariables.APPROVAL_TIMEOUT,
                                decision.escalateAfter() == null ? null : decision.escalateAfter().toString()));
    }
}
