package io.servicerecovery.process;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.servicerecovery.compensation.CompensationService;

/** Moves an undecided approval to the next approving level, with that level's waiting time. */
@Dependent
@Named("escalateApprovalDelegate")
public class EscalateApprovalDelegate implements JavaDelegate {

    private final CompensationService compensation;

    public EscalateApprovalDelegate(CompensationService compensation) {
        this.compensation = compensation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CompensationService.Routing routing = compensation.escalate(ProcessVariables.caseId(execution));
        execution.setVariable(ProcessVariables.APPROVER_GROUPS, String.join(",", routing.approverGroups()));
        execution.setVariable(ProcessVariables.APPROVAL_TIMEOUT, routing.escalateAfter().toString());
    }
}
