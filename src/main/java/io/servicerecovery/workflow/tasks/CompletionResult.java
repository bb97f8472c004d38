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
        return new CompletionResult(result.taskId(), result.type(), result.caseId(), result.caseStatus(),
                result.decision(), result.approverLevel(), result.grant(), result.compensation());
    }
}
