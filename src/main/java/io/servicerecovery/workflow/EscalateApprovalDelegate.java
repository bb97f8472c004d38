package io.servicerecovery.workflow;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import io.servicerecovery.compensation.ApprovalService;

/** Moves an undecided approval to the next approving level, with that level's waiting time. */
@Dependent
@Named("escalateApprovalDelegate")
public class EscalateApprovalDelegate extends CaseStepDelegate {

    private final ApprovalService approvals;

    public EscalateApprovalDelegate(ApprovalService approvals) {
        this.approvals = approvals;
    }

    @Override
    protected void run(DelegateExecution execution, java.util.UUID caseId) {
        ApprovalService.Routing routing = approvals.escalate(caseId);
        execution.setVariable(ProcessVariables.APPROVER_GROUPS, ProcessVariables.approverGroups(routing.approverLevel()));
        execution.setVariable(ProcessVariables.APPROVAL_TIMEOUT, routing.escalateAfter().toString());
    }
}
