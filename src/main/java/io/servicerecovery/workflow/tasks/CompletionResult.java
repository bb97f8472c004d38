package io.servicerecovery.workflow.tasks;

import java.util.UUID;

import io.servicerecovery.cases.CaseStatus;
import io.servicerecovery.compensation.CompensationView;
import io.servicerecovery.compensation.GrantView;
import io.servicerecovery.compensation.ProposalOutcome;
import io.servicerecovery.empowerment.Level;
import io.servicerecovery.workflow.RecoveryStep;

/** The answer to a completed task; a proposal's answer carries the decision and, when approved, the grant. */
public record CompletionResult(
        String taskId,
        RecoveryStep type,
        UUID caseId,
        CaseStatus caseStatus,
        ProposalOutcome decision,
        Level approverLevel,
        GrantView grant,
        CompensationView compensation) {

    /** The HTTP answer of any step, from that step's own result. */
    public static CompletionResult of(StepResult result) {
        if (result instanceof ProposalStep.Decided proposal) {
            return new CompletionResult(result.taskId(), result.type(), result.caseId(), result.caseStatus(),
                    proposal.decision(), proposal.approverLevel(), proposal.grant(), proposal.compensation());
        }
        if (result instanceof ApprovalStep.Decided approval) {
            return new CompletionResult(result.taskId(), result.type(), result.caseId(), result.caseStatus(),
                    approval.decision(), null, approval.grant(), approval.compensation());
        }
        return new CompletionResult(result.taskId(), result.type(), result.caseId(), result.caseStatus(), null, null,
                null, null);
    }
}
